/**
 * GET /api/events/stream — server-sent events: the events the viewer may see, in committed-horizon order,
 * resumable with Last-Event-ID. `event:` is the event name and `id:` its global seq (CONVENTIONS § Events).
 * The connection is taken over from Fastify (reply.hijack) once the request has been authenticated and
 * validated, so errors before that point are ordinary JSON error responses.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/access.js';
import { AppError } from '../http/app-error.js';
import { withErrors } from '../http/schemas.js';
import type { EventFeed } from './feed.js';
import type { FeedEvent } from './horizon.js';
import { eventVisibility, type VisibilityRegistry } from './visibility.js';

export interface EventStreamOptions {
  feed: EventFeed;
  /** Who is asking, as the registered visibility rules expect it (e.g. the principal and its data scope). */
  viewerOf: (request: FastifyRequest) => Promise<unknown>;
  /** Default: the process-wide registry of registerVisibility(). */
  visibility?: VisibilityRegistry;
  /** A comment line this often keeps proxies from closing an idle stream. Default 15 s. */
  heartbeatMs?: number;
  /** The reconnection delay suggested to clients. Default 3 s. */
  retryMs?: number;
  /** A client that lets this much pile up unread is disconnected (it resumes from its last id). Default 4 MiB. */
  maxBufferedBytes?: number;
}

/** What a client receives as `data:` (JSON). */
export interface StreamedEvent {
  seq: number;
  name: string;
  streamType: string;
  streamId: string;
  streamVersion: number;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const Seq = Type.String({
  pattern: '^[0-9]{1,15}$',
  description: 'the `id` of the last event received; 0 replays from the beginning',
});
const Prefixes = Type.String({
  pattern: '^[A-Za-z0-9.]+(,[A-Za-z0-9.]+)*$',
  maxLength: 500,
  description: 'comma-separated event-name prefixes; only events whose name starts with one are sent',
  examples: ['cases.case.,cases.report.'],
});

const FORMAT = [
  'A `text/event-stream`. Each event is three lines and a blank line: `id: <seq>`, `event: <name>` and',
  '`data: {"seq","name","streamType","streamId","streamVersion","occurredAt","payload"}` (JSON). A `retry:` line',
  'comes first, and a comment line (`: heartbeat`) keeps the connection alive (every 15 s). Events come in committed-horizon order',
  '(transaction by transaction, by seq within one), so ids mostly but not always increase; reconnect with the',
  'last id received (`Last-Event-ID`, as EventSource does) to resume with nothing missed or repeated.',
].join(' ');

export function formatEvent(event: FeedEvent, payload: Record<string, unknown>): string {
  const data: StreamedEvent = {
    seq: event.seq,
    name: event.name,
    streamType: event.streamType,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    occurredAt: event.occurredAt.toISOString(),
    payload,
  };
  return `id: ${event.seq}\nevent: ${event.name}\ndata: ${JSON.stringify(data)}\n\n`;
}

function drained(res: ServerResponse): Promise<void> | undefined {
  if (!res.writableNeedDrain || res.destroyed) return undefined;
  return new Promise((resolve) => {
    res.once('drain', resolve);
    res.once('close', resolve);
  });
}

export const eventStreamRoutes: FastifyPluginAsyncTypebox<EventStreamOptions> = async (app, options) => {
  const {
    feed,
    viewerOf,
    visibility = eventVisibility,
    heartbeatMs = 15_000,
    retryMs = 3_000,
    maxBufferedBytes = 4 * 1024 * 1024,
  } = options;
  const open = new Set<() => void>();
  const stopReporting = feed.onPollError((error) => app.log.error({ err: error }, 'event feed: poll failed'));
  // Open streams would keep the server from closing: end them first (clients reconnect elsewhere).
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => stopReporting());

  app.get(
    '/api/events/stream',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['events'],
        summary: 'Server-sent events: the events you may see, in order, resumable by Last-Event-ID',
        description: FORMAT,
        headers: Type.Object({ 'last-event-id': Type.Optional(Seq) }),
        querystring: Type.Object(
          {
            lastEventId: Type.Optional(Seq),
            types: Type.Optional(Prefixes),
          },
          { additionalProperties: false },
        ),
        response: withErrors(
          {
            200: Type.Unsafe<string>({
              description: 'the event stream (stays open)',
              content: {
                'text/event-stream': {
                  schema: { type: 'string', description: 'server-sent events, as described above' },
                },
              },
            }),
          },
          401,
          403,
          503,
        ),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      // EventSource sends Last-Event-ID when it reconnects; the query parameter serves the first connection.
      const lastEventId = request.headers['last-event-id'] ?? request.query.lastEventId;
      const afterSeq = lastEventId === undefined ? null : Number(lastEventId);
      const prefixes = request.query.types?.split(',') ?? [];
      const wanted = (name: string) => prefixes.length === 0 || prefixes.some((p) => name.startsWith(p));
      const lens = visibility.lens(await viewerOf(request));

      const res = reply.raw;
      let streaming = false;
      let ended = false;
      let unsubscribe: () => void = () => undefined;
      let heartbeat: NodeJS.Timeout | undefined = undefined;
      let settleStart: (error?: unknown) => void = () => undefined;
      const started = new Promise<void>((resolve, reject) => {
        settleStart = (error?: unknown) =>
          error === undefined
            ? resolve()
            : reject(error instanceof Error ? error : new Error('start failed', { cause: error }));
      });
      started.catch(() => undefined); // awaited below, unless subscribing fails outright
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        open.delete(end);
        settleStart(new Error('the stream was closed before it started'));
        if (streaming && !res.destroyed) res.end();
      };
      const pending: string[] = [];
      const write = (text: string) => {
        if (ended || res.destroyed) return;
        if (!streaming) return void pending.push(text);
        res.write(text);
        if (res.writableLength > maxBufferedBytes) {
          request.log.warn({ buffered: res.writableLength }, 'event stream: client too slow, disconnected');
          end();
        }
      };
      res.on('close', end);
      open.add(end);

      // The answer starts once the starting position is fixed: a client that has the headers may load the
      // current state and rely on the stream for every change committed after that. Until then, a failure is
      // an ordinary error response.
      try {
        unsubscribe = feed.subscribe(
          principal.actor.tenantId,
          afterSeq,
          (event) => wanted(event.name) && lens.visible(event),
          (event) => write(formatEvent(event, lens.present(event))),
          {
            onStart: () => settleStart(),
            onError: (error) => {
              if (!streaming) return settleStart(error);
              request.log.error({ err: error }, 'event stream failed');
              end();
            },
            drained: () => drained(res),
          },
        );
        await started;
      } catch (error) {
        const closedEarly = ended; // the client left, or the server is shutting down
        end();
        if (res.destroyed) return reply.hijack(); // nobody to answer
        if (!closedEarly) request.log.error({ err: error }, 'event stream could not start');
        throw new AppError(503, 'SERVICE_UNAVAILABLE', 'the event stream is not available');
      }

      // From here on the connection is ours: Fastify sends nothing more.
      reply.hijack();
      streaming = true;
      const headers: Record<string, string | number | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) headers[name] = value;
      }
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // The connection carries only this stream and closes with it: a server shutting down need not wait
        // for the client to drop an idle keep-alive connection.
        connection: 'close',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
        'x-content-type-options': 'nosniff',
      });
      write(`retry: ${retryMs}\n\n`);
      for (const text of pending.splice(0)) write(text);
      heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    },
  );
};
