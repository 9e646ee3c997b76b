/**
 * The typed API client: paths and bodies come from the server's OpenAPI document (schema.d.ts, generated), so
 * a renamed field is a compile error here. Writes carry the session's CSRF token; every request names the
 * reader's language so server messages come back in it.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { noteAnswer, noteNoAnswer } from './reachability';
import { currentLanguage } from '../i18n';
import type { paths } from './schema';

export type { paths };

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A refused request: the server's machine-readable code, its message, and the offending field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Any failure as an ApiError, for inline display (a network failure has status 0 and code NETWORK). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage() === 'en' ? 'en' : 'zh-CN');
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
  onResponse() {
    noteAnswer();
  },
  onError({ error }) {
    noteNoAnswer(error);
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(headers);

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; details?: unknown };
}

/** The body of a successful answer, or an ApiError carrying the server's code, message and field. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  throw toApiError(result.response.status, result.error);
}

export function toApiError(status: number, body: unknown): ApiError {
  const e = (body as ErrorBody | undefined)?.error;
  return new ApiError(
    status,
    e?.code ?? 'HTTP_' + status,
    e?.message ?? `HTTP ${status}`,
    e?.field,
    e?.details,
  );
}

/** For endpoints that answer files (xlsx, CSV) or that the generated types cannot describe. */
export async function rawFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const h = new Headers(init.headers);
  h.set('accept-language', currentLanguage() === 'en' ? 'en' : 'zh-CN');
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) h.set('x-csrf-token', csrfToken);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: h, credentials: 'same-origin' });
  } catch (error) {
    noteNoAnswer(error);
    throw error;
  }
  noteAnswer();
  if (!res.ok) {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    throw toApiError(res.status, body);
  }
  return res;
}
