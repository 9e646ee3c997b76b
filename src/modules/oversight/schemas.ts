/** Request and response schemas of the power-list routes (they feed the OpenAPI document). */
import { Type } from 'typebox';
import { TIME_UNITS } from '../calendar/index.js';
import { POWER_SOURCES, POWER_TYPES, RESPONSIBILITY_STAGES } from './domain/types.js';

const strict = { additionalProperties: false } as const;
const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });

export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-01-01'] });
export const ItemCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,39}$', examples: ['SC-CF-0016'] });
const UnitCode = Text(64, 1);

const Limit = Type.Union([
  Type.Object(
    {
      value: Type.Integer({ minimum: 1, maximum: 3650 }),
      unit: Type.Enum(TIME_UNITS),
    },
    strict,
  ),
  Type.Null(),
]);

export const PowerItemSchema = Type.Object(
  {
    code: ItemCode,
    name: Text(200, 1),
    type: Type.Enum(POWER_TYPES, {
      description:
        '行政许可 licensing, 行政处罚 penalty, 行政强制 coercion, 行政检查 inspection, 行政征收 levy, 行政给付 benefit, 行政确认 confirmation, 行政奖励 reward, 行政裁决 adjudication, 其他 other',
    }),
    source: Type.Enum(POWER_SOURCES, { description: '法定 / 委托 / 下放' }),
    implementingUnitCode: UnitCode,
    acceptingUnitCode: UnitCode,
    decidingUnitCode: UnitCode,
    delegations: Type.Array(Type.Object({ unitCode: UnitCode, scopeRemark: Text(200) }, strict), {
      maxItems: 200,
      description: 'street offices (street_office units) that may exercise the power',
    }),
    legalBasis: Type.Array(
      Type.Object({ law: Text(200, 1), article: Text(100, 1), text: Text(2000) }, strict),
      { minItems: 1, maxItems: 50 },
    ),
    statutoryLimit: Limit,
    promisedLimit: Limit,
    simpleProcedureAllowed: Type.Boolean(),
    responsibilities: Type.Array(
      Type.Object(
        {
          stage: Type.Enum(RESPONSIBILITY_STAGES),
          duty: Text(1000, 1),
          basis: Text(500),
        },
        strict,
      ),
      { minItems: 1, maxItems: 50 },
    ),
    accountability: Type.Array(Type.Object({ situation: Text(1000, 1), basis: Text(500, 1) }, strict), {
      minItems: 1,
      maxItems: 50,
    }),
  },
  { ...strict, description: 'a power-list item (权力事项) with its responsibilities (责任清单)' },
);

export const ListView = Type.Object({
  version: Type.Integer(),
  effectiveFrom: LocalDate,
  note: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  caseLoopItemCode: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(PowerItemSchema),
  units: Type.Record(Type.String(), Type.String(), {
    description: 'names of the units the items name, by code',
  }),
});

export const HistoryView = Type.Object({
  today: LocalDate,
  items: Type.Array(
    Type.Object({
      version: Type.Integer(),
      effectiveFrom: LocalDate,
      effectiveTo: Type.Union([LocalDate, Type.Null()], { description: 'last day in force, inclusive' }),
      status: Type.Union([
        Type.Literal('superseded'),
        Type.Literal('inForce'),
        Type.Literal('scheduled'),
        Type.Literal('neverInForce'),
      ]),
      note: Type.String(),
      itemCount: Type.Integer(),
      publishedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

const FieldChange = Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() });
export const DiffView = Type.Object({
  fromVersion: Type.Union([Type.Integer(), Type.Null()]),
  toVersion: Type.Union([Type.Integer(), Type.Null()]),
  added: Type.Array(PowerItemSchema),
  removed: Type.Array(PowerItemSchema),
  changed: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), changes: Type.Array(FieldChange) }),
  ),
  caseLoopItemCode: Type.Union([
    Type.Object({
      before: Type.Union([Type.String(), Type.Null()]),
      after: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

export const DraftView = Type.Object({
  baseVersion: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.String(),
  revision: Type.Integer({ description: 'send it back with every change (optimistic concurrency)' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  caseLoopItemCode: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(PowerItemSchema),
});

export const ItemInForceView = Type.Object({
  version: Type.Integer(),
  effectiveFrom: LocalDate,
  item: PowerItemSchema,
});

export const TenantQuery = Type.Object({ tenant: Type.Optional(Type.String({ maxLength: 32 })) }, strict);
export const Revision = Type.Integer({ minimum: 1 });
