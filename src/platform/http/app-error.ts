/**
 * The one error type that crosses module boundaries. Routes never build error bodies by hand: they throw an
 * AppError (or let validation fail) and the error handler renders `{ error: { code, message, field?, details? } }`.
 */
export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** English fallback; the handler localises known codes through the message catalogue. */
    message: string,
    readonly options: {
      field?: string;
      details?: Record<string, unknown>;
      params?: MessageParams;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (field: string, message: string, details?: Record<string, unknown>) =>
    new AppError(400, 'VALIDATION_FAILED', message, {
      field,
      ...(details ? { details } : {}),
      params: { field },
    }),
  unauthenticated: (message = 'authentication required') => new AppError(401, 'UNAUTHENTICATED', message),
  forbidden: (message = 'you may not do this', details?: Record<string, unknown>) =>
    new AppError(403, 'FORBIDDEN', message, details ? { details } : {}),
  notFound: (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`, { params: { what } }),
  versionConflict: (expected: number, actual: number) =>
    new AppError(
      409,
      'VERSION_CONFLICT',
      `the record changed (version ${actual}, you sent ${expected}); reload and retry`,
      {
        field: 'version',
        details: { expected, actual },
      },
    ),
  conflict: (code: string, message: string, field?: string) =>
    new AppError(409, code, message, field ? { field } : {}),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, 'RATE_LIMITED', `too many attempts; retry in ${retryAfterSeconds} s`, {
      details: { retryAfterSeconds },
      params: { seconds: retryAfterSeconds },
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
};
