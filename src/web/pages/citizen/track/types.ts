/** What POST /api/public/tracking answers (presenters.ts presentPublic; the generated type leaves it open). */
export interface PublicStep {
  at: string;
  step: string;
  /** The server's Chinese label, shown when this page has no translation for the step. */
  label: string;
  photos?: string[];
  passed?: boolean;
}

export type Satisfaction = 'satisfied' | 'basically' | 'dissatisfied';

export interface PublicCase {
  caseNo: string;
  stage: string;
  stageName: string;
  description?: string;
  reportedAt?: string;
  closedAt?: string | null;
  supporters?: number;
  satisfaction?: Satisfaction | null;
  canRate?: boolean;
  history: PublicStep[];
}

export interface Credentials {
  caseNo: string;
  code: string;
}
