import { Type, type TSchema } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'machine-readable, SCREAMING_SNAKE_CASE' }),
      message: Type.String({ description: 'human-readable, in the language of Accept-Language' }),
      field: Type.Optional(Type.String({ description: 'the offending input field, as a dotted path' })),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** Adds the error model to a route's response schemas for the given status codes. */
export function withErrors<T extends Record<number, TSchema>>(
  responses: T,
  ...statuses: number[]
): T & Record<number, TSchema> {
  const out: Record<number, TSchema> = { ...responses };
  for (const status of [400, ...statuses]) out[status] = Type.Ref('ErrorBody');
  return out as T & Record<number, TSchema>;
}

export const IsoDateTime = Type.String({ format: 'date-time', examples: ['2025-10-09T10:00:00+08:00'] });
