/** TypeBox schemas of the evaluation API. */
import { Type } from 'typebox';
import { OBJECT_TYPES } from './domain/counters.js';

export const strict = { additionalProperties: false } as const;

export const PeriodLabel = Type.String({
  minLength: 4,
  maxLength: 22,
  description: 'day 2025-10-09, week 2025-W41, month 2025-10, quarter 2025-Q4, year 2025, range a..b',
  examples: ['2025-10'],
});
export const ObjectTypeSchema = Type.Union(OBJECT_TYPES.map((t) => Type.Literal(t)));
export const SchemeCode = Type.String({ pattern: '^[a-z0-9-]{2,40}$', examples: ['jinhua'] });
export const Within = Type.String({ maxLength: 40, description: 'region code prefix or unit code' });

const Nums = Type.Record(Type.String(), Type.Number());
const NullableNums = Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]));

export const PeriodView = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  from: Type.String(),
  to: Type.String(),
});

export const ScoreView = Type.Object({
  total: Type.Number(),
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      value: Type.Union([Type.Number(), Type.Null()]),
      score: Type.Number(),
    }),
  ),
});

export const RowView = Type.Object({
  rank: Type.Optional(Type.Integer()),
  code: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  counts: Nums,
  rates: NullableNums,
  meanSeconds: NullableNums,
  score: Type.Optional(ScoreView),
});

/** Public rows: aggregate numbers of regions and units only. */
export const PublicRowView = Type.Object({
  rank: Type.Integer(),
  code: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  counts: Nums,
  rates: NullableNums,
});

export const SchemeRef = Type.Union([
  Type.Object({ code: Type.String(), name: Type.String(), year: Type.Integer(), version: Type.Integer() }),
  Type.Null(),
]);

export const TableView = Type.Object({
  period: PeriodView,
  objectType: Type.String(),
  scheme: SchemeRef,
  items: Type.Array(RowView),
});

export const Format = Type.Union([Type.Literal('json'), Type.Literal('csv')]);

export const SchemeItemSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('threshold'),
      Type.Literal('perCase'),
      Type.Literal('weighted'),
      Type.Literal('manual'),
    ]),
    key: Type.String({ minLength: 1, maxLength: 40 }),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    rate: Type.Optional(
      Type.Object(
        {
          key: Type.String({ maxLength: 40 }),
          label: Type.String({ maxLength: 80 }),
          num: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
          numMinus: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
          den: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 10 }),
          exclude: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
          scale: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
        },
        strict,
      ),
    ),
    points: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
    target: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    perPoint: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    weight: Type.Optional(Type.Number({ minimum: -10, maximum: 10 })),
    invert: Type.Optional(Type.Boolean()),
    deductions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            metric: Type.String({ maxLength: 40 }),
            each: Type.Number({ minimum: 0, maximum: 100 }),
            doubleFor: Type.Optional(Type.String({ maxLength: 40 })),
          },
          strict,
        ),
        { maxItems: 20 },
      ),
    ),
  },
  strict,
);

export const SchemeSchema = Type.Object(
  {
    code: SchemeCode,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scale: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    items: Type.Array(SchemeItemSchema, { minItems: 1, maxItems: 40 }),
  },
  strict,
);

export const SnapshotView = Type.Object({
  period: Type.String(),
  schemeCode: Type.String(),
  schemeYear: Type.Integer(),
  schemeVersion: Type.Integer(),
  status: Type.String(),
  preparedAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  result: Type.Optional(Type.Unknown()),
});
