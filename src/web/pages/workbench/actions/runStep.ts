/** Sends one case step. The URL verb is dynamic, so this goes through rawFetch rather than the typed client. */
import { rawFetch } from '../../../api/client';
import type { CaseView } from '../types';
import { stepUrl, type ActionKind } from './verbs';

export async function runStep(
  ref: string,
  kind: ActionKind,
  body: Record<string, unknown>,
): Promise<CaseView> {
  const res = await rawFetch(stepUrl(ref, kind), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as CaseView;
}
