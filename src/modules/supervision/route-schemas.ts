/** Request and response schemas shared by the supervision routes. */
import { Type } from 'typebox';
import { IsoDateTime } from '../../platform/http/schemas.js';
import { INDICATORS, type IndicatorKey } from './domain/grading.js';
import { SEVERITIES, type Severity } from './domain/types.js';
import { ACCOUNTABILITY_OUTCOMES, CARD_STATUSES, type AccountabilityOutcome } from './types.js';

export const tags = ['supervision'];
export const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
export const SeverityT = Type.Unsafe<Severity>({ type: 'string', enum: [...SEVERITIES] });
export const OutcomeT = Type.Unsafe<AccountabilityOutcome>({
  type: 'string',
  enum: Object.keys(ACCOUNTABILITY_OUTCOMES),
});
export const Json = Type.Record(Type.String(), Type.Unknown());

export const CardView = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleTitle: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  severity: SeverityT,
  initialSeverity: SeverityT,
  target: Type.Object({ kind: Type.String(), id: Type.String() }),
  powerItemCode: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  gridCode: Nullable(Type.String()),
  officerAccountId: Nullable(Type.Integer()),
  officerName: Nullable(Type.String()),
  trigger: Type.Object({ seq: Type.Integer(), name: Type.String() }),
  summary: Type.String(),
  facts: Json,
  status: Type.String({ enum: [...CARD_STATUSES] }),
  outcome: Nullable(Type.String()),
  firedAt: IsoDateTime,
  dueBy: IsoDateTime,
  escalatedAt: Nullable(IsoDateTime),
  response: Nullable(Json),
  respondedAt: Nullable(IsoDateTime),
  review: Nullable(Json),
  closedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
});
export const NotificationView = Type.Object({
  recipientKind: Type.String(),
  accountId: Nullable(Type.Integer()),
  unitCode: Nullable(Type.String()),
  reason: Type.String(),
  createdAt: IsoDateTime,
});
export const AccountabilityView = Type.Object({
  id: Type.String(),
  subjectKind: Type.String(),
  subjectAccountId: Nullable(Type.Integer()),
  subjectName: Nullable(Type.String()),
  subjectUnitCode: Nullable(Type.String()),
  outcome: OutcomeT,
  outcomeLabel: Type.String(),
  basis: Type.String(),
  note: Nullable(Type.String()),
  cardIds: Type.Array(Type.String()),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: IsoDateTime,
  withdrawnAt: Nullable(IsoDateTime),
  version: Type.Integer(),
});
export const RuleConfigView = Type.Object({
  powerItemCode: Nullable(Type.String()),
  enabled: Type.Boolean(),
  severity: SeverityT,
  respondWorkingDays: Type.Integer(),
  params: Json,
  version: Type.Integer(),
});
export const RuleView = Type.Object({
  id: Type.String(),
  title: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  basis: Type.String(),
  triggers: Type.Array(Type.String()),
  defaults: RuleConfigView,
  effective: RuleConfigView,
  byPowerItem: Type.Array(RuleConfigView),
});
export const Scheme = Type.Object(
  {
    base: Type.Number(),
    indicators: Type.Array(
      Type.Object(
        {
          key: Type.Unsafe<IndicatorKey>({ type: 'string', description: Object.keys(INDICATORS).join(', ') }),
          weight: Type.Number(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    thresholds: Type.Object(
      { excellent: Type.Number(), good: Type.Number(), pass: Type.Number() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export const Graded = {
  score: Type.Number(),
  grade: Type.String({ enum: ['excellent', 'good', 'pass', 'fail'] }),
  label: Type.String(),
  indicators: Type.Record(Type.String(), Type.Number()),
};
