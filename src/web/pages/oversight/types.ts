/** Response shapes of the oversight area, read from the generated OpenAPI types. */
import type { paths } from '../../api/client';

type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'delete'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type CardList = Ok<'/api/supervision/cards', 'get'>;
export type Card = CardList['items'][number];
export type CardDetail = Ok<'/api/supervision/cards/{id}', 'get'>;
export type CardQuery = NonNullable<paths['/api/supervision/cards']['get']['parameters']['query']>;
export type Severity = Card['severity'];
export type CardStatus = Card['status'];
export type Accountability = CardDetail['accountability'][number];
export type AccountabilityOutcome = Accountability['outcome'];
export type Rule = Ok<'/api/supervision/rules', 'get'>['items'][number];
export type RuleConfig = Rule['effective'];
export type Grading = Ok<'/api/supervision/grading', 'get'>;
export type GradingScheme = Ok<'/api/supervision/grading/scheme', 'get'>;
export type PowerList = Ok<'/api/oversight/power-list', 'get'>;
export type PowerItem = PowerList['items'][number];
export type PowerHistory = Ok<'/api/oversight/power-list/versions', 'get'>;
export type PowerDiff = Ok<'/api/oversight/power-list/versions/{from}/diff/{to}', 'get'>;
export type PowerDraft = Ok<'/api/oversight/power-list/draft', 'get'>;
export type Checkpoint = Ok<'/api/public/audit/checkpoints', 'get'>['items'][number];
export type VerifyResult = Ok<'/api/audit/verify', 'post'>;

export const SEVERITIES = ['prompt', 'yellow', 'red'] as const satisfies readonly Severity[];
export const CARD_STATUSES = ['open', 'responded', 'closed'] as const satisfies readonly CardStatus[];
export const OUTCOMES = [
  'noAccountability',
  'reminderTalk',
  'writtenReview',
  'criticism',
  'admonition',
  'referral',
] as const satisfies readonly AccountabilityOutcome[];
