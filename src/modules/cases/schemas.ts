/** Request and response schemas of the case routes (they feed the OpenAPI document). */
import { Type } from 'typebox';
import { CRS_VALUES } from '../geo/index.js';
import { CHANNEL_CODES, STAGE_CODES } from './domain/states.js';
import { APPEAL_TYPE_CODES } from './domain/settings.js';

const Json = Type.Unknown();
export const Sha256 = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'content hash of an uploaded file',
});
export const Photos = Type.Array(Sha256, { maxItems: 9 });
export const Reason = Type.String({ minLength: 1, maxLength: 500 });
export const CaseRef = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'case id (uuid) or case number (e.g. 330102-20251009-00042)',
});
export const Version = Type.Integer({ minimum: 1, description: 'the case version you read (409 if stale)' });

export const Location = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(
      Type.Union(
        CRS_VALUES.map((c) => Type.Literal(c)),
        { description: 'wgs84 (GPS, default), gcj02 (AMap / Tencent), bd09 (Baidu)' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Category = Type.Object(
  {
    categoryType: Type.Union([Type.Literal('component'), Type.Literal('event')]),
    majorCode: Type.String({ pattern: '^\\d{2}$' }),
    minorCode: Type.String({ pattern: '^\\d{2}$' }),
  },
  { additionalProperties: false },
);

const Contact = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9+\\- ]{3,20}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

const common = {
  location: Location,
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  address: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  photos: Type.Optional(Photos),
};
const OptCategory = Type.Optional(Type.Union([Category, Type.Null()]));
const strict = { additionalProperties: false } as const;

/** The body of each intake channel. */
export const INTAKE_BODIES = {
  inspector: Type.Object(
    {
      ...common,
      category: Category,
      standardId: Type.String({ minLength: 1, maxLength: 20 }),
      componentId: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{16}$' }), Type.Null()])),
    },
    strict,
  ),
  hotline: Type.Object(
    {
      ...common,
      ticketId: Type.String({ minLength: 1, maxLength: 64, description: 'the 12345 ticket id' }),
      appealType: Type.Union(
        APPEAL_TYPE_CODES.map((a) => Type.Literal(a)),
        {
          description: '诉求类型: consult 咨询, help 求助, complaint 投诉, report 举报, suggestion 建议',
        },
      ),
      caller: Type.Optional(Type.Union([Contact, Type.Null()])),
      category: OptCategory,
    },
    strict,
  ),
  linkage: Type.Object(
    {
      ...common,
      incidentId: Type.String({ minLength: 1, maxLength: 64, description: 'the 110 incident number' }),
      category: Category,
      standardId: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    },
    strict,
  ),
  camera: Type.Object(
    {
      ...common,
      deviceId: Type.String({ minLength: 1, maxLength: 64 }),
      label: Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'recognition label, e.g. garbage_overflow',
      }),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      source: Type.Optional(Type.Union([Type.Literal('camera'), Type.Literal('sensor')])),
      category: OptCategory,
    },
    strict,
  ),
  leader: Type.Object(
    {
      ...common,
      instruction: Type.String({ minLength: 1, maxLength: 1000, description: '领导批示' }),
      leaderName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
      category: OptCategory,
    },
    strict,
  ),
  media: Type.Object(
    {
      ...common,
      outlet: Type.String({ minLength: 1, maxLength: 100 }),
      url: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
      category: OptCategory,
    },
    strict,
  ),
  public: Type.Object(
    {
      ...common,
      category: OptCategory,
      contact: Type.Optional(Type.Union([Contact, Type.Null()])),
    },
    strict,
  ),
};

export const Receipt = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  stage: Type.String(),
  version: Type.Integer(),
  reportedAt: Type.String(),
  trackingCode: Type.Optional(Type.String({ description: 'public tracking code, shown once' })),
  folded: Type.Optional(Type.Boolean()),
  foldCount: Type.Optional(Type.Integer()),
  unitCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deadline: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      description: 'a retry with the same key returns the first answer',
    }),
  ),
});

export const CaseView = Type.Object(
  {
    id: Type.String(),
    caseNo: Type.String(),
    version: Type.Integer(),
    stage: Type.Union(STAGE_CODES.map((s) => Type.Literal(s))),
    stageName: Type.String(),
    channel: Type.Union(CHANNEL_CODES.map((c) => Type.Literal(c))),
    allowedActions: Type.Array(Type.String()),
  },
  { additionalProperties: true, description: 'see presenters.ts; reporter masked for roles without need' },
);

export const HistoryItem = Type.Object({
  seq: Type.Integer(),
  version: Type.Integer(),
  name: Type.String(),
  at: Type.String(),
  actor: Json,
  payload: Json,
});

export const PublicCase = Type.Object(
  { caseNo: Type.String(), stage: Type.String(), stageName: Type.String(), history: Type.Array(Json) },
  { additionalProperties: true },
);

export const StageList = Type.String({
  description: `comma-separated stages: ${STAGE_CODES.join(', ')}`,
  pattern: '^[a-z]+(,[a-z]+)*$',
});
