import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type MessageParams } from './app-error.js';
import { localise, pickLanguage } from './messages.js';

interface Rendered {
  status: number;
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
  params?: MessageParams;
  headers?: Record<string, string>;
}

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** '/items/0/name' → 'items.0.name'; a missing or unexpected property names itself. */
function fieldOf(context: string | undefined, issue: AjvIssue | undefined): string {
  const parts = (issue?.instancePath ?? '').split('/').filter(Boolean);
  const extra = issue?.params?.missingProperty ?? issue?.params?.additionalProperty;
  if (typeof extra === 'string') parts.push(extra);
  if (parts.length > 0) return parts.join('.');
  return context ?? 'body';
}

function describeIssue(field: string, issue: AjvIssue | undefined): string {
  if (!issue) return `${field} is invalid`;
  if (issue.keyword === 'required') return `${field} is required`;
  if (issue.keyword === 'additionalProperties') return `${field} is not an accepted field`;
  return `${field} ${issue.message ?? 'is invalid'}`;
}

type ErrorMapper = (error: Error) => AppError | null;
const mappers: ErrorMapper[] = [];

/**
 * Modules translate their own typed errors (e.g. the calendar's CalendarInputError) into the error model here,
 * so the platform needs no knowledge of them.
 */
export function registerErrorMapper(mapper: ErrorMapper): void {
  if (!mappers.includes(mapper)) mappers.push(mapper);
}

function render(raw: FastifyError | AppError | Error): Rendered {
  let error = raw;
  for (const mapper of mappers) {
    const mapped = mapper(raw);
    if (mapped) {
      error = mapped;
      break;
    }
  }
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.options.field !== undefined ? { field: error.options.field } : {}),
      ...(error.options.details ? { details: error.options.details } : {}),
      ...(error.options.params ? { params: error.options.params } : {}),
      ...(error.options.headers ? { headers: error.options.headers } : {}),
    };
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation) {
    const issue = fe.validation[0];
    const field = fieldOf(fe.validationContext, issue);
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: describeIssue(field, issue),
      field,
      params: { field: describeIssue(field, issue) },
    };
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'unsupported content type',
      field: 'content-type',
    };
  }
  if (status === 400 && (error instanceof SyntaxError || fe.code?.startsWith('FST_ERR_CTP_'))) {
    return {
      status: 400,
      code: 'MALFORMED_JSON',
      message: 'the request body is not valid JSON',
      field: 'body',
    };
  }
  if (status >= 400 && status < 500) {
    return { status, code: fe.code ?? 'BAD_REQUEST', message: fe.message };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal server error' };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: FastifyError | AppError | Error,
) {
  const r = render(error);
  if (r.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: r.code, field: r.field }, 'request refused');
  const lang = pickLanguage(request.headers['accept-language']);
  for (const [name, value] of Object.entries(r.headers ?? {})) void reply.header(name, value);
  return reply.status(r.status).send({
    error: {
      code: r.code,
      message: localise(r.code, lang, r.message, r.params),
      ...(r.field !== undefined ? { field: r.field } : {}),
      ...(r.details ? { details: r.details } : {}),
    },
  });
}

export function installErrorHandling(
  app: FastifyInstance,
  options: {
    /** Answers page URLs of the web app (client-side routes) instead of a JSON 404, when it is served. */
    webAppFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
  } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler(
    (request, reply) =>
      options.webAppFallback?.(request, reply) ??
      sendError(
        request,
        reply,
        new AppError(404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
      ),
  );
}
