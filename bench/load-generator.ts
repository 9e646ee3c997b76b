/**
 * The HTTP load generator of the intake benchmark: a child process (so its CPU time is not the server's) with
 * N keep-alive HTTP/1.1 connections over loopback, each posting its next prepared body as soon as the answer
 * to the previous one has arrived, and timing every request.
 *
 * It speaks HTTP/1.1 over plain sockets, as wrk and autocannon do: each request's bytes are built before the
 * phase starts, and an answer is read only as far as its status line and Content-Length. The client shares the
 * two cores with the server and PostgreSQL, so every microsecond it spends is one the server does not get (the
 * clients of a real deployment run on other machines): per request it costs about a third of an `undici` pool.
 * An answer the reader does not understand (no Content-Length, a closed connection) counts as a failed request
 * with its reason, so it cannot pass unnoticed.
 */
import { spawn } from 'node:child_process';

/** Plain JavaScript run by `node -e` in the child, answering one IPC message per phase. */
const CLIENT_SOURCE = `
const net = require('node:net');
const HEADER_END = Buffer.from('\\r\\n\\r\\n');

function requestBytes(port, path, headers, body) {
  let head = 'POST ' + path + ' HTTP/1.1\\r\\nhost: 127.0.0.1:' + port + '\\r\\ncontent-type: application/json\\r\\n';
  for (const [name, value] of Object.entries(headers)) head += name + ': ' + value + '\\r\\n';
  const payload = Buffer.from(body);
  return Buffer.concat([Buffer.from(head + 'content-length: ' + payload.length + '\\r\\n\\r\\n'), payload]);
}

/** The status and the whole answer's length once its head is in; null while the head is incomplete. */
function parseHead(buf) {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return null;
  const head = buf.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const m = /\\r\\ncontent-length:\\s*(\\d+)/i.exec(head);
  if (!m) return { status, error: 'an answer without Content-Length: ' + head.split('\\r\\n')[0] };
  return { status, total: end + 4 + Number(m[1]), bodyStart: end + 4 };
}

/**
 * One keep-alive connection posting requests one after another. "ready" settles once it is connected;
 * "run()" then resolves when "take" runs out. A request whose connection closes before its answer fails, and
 * the connection is opened again for the rest.
 */
function connection(port, requests, take, record) {
  let socket = null;
  let buffered = null;
  let index = -1;
  let started = 0;
  let inFlight = false;
  let finished = false;
  let onConnect = null;
  let done = null;
  const send = () => {
    index = take();
    if (index < 0) {
      finished = true;
      socket.end();
      done();
      return;
    }
    buffered = null;
    inFlight = true;
    started = performance.now();
    socket.write(requests[index]);
  };
  const answered = (status, body) => {
    inFlight = false;
    record(index, performance.now() - started, status, body);
  };
  const open = () => {
    socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    socket.on('connect', () => onConnect());
    socket.on('data', (chunk) => {
      buffered = buffered === null ? chunk : Buffer.concat([buffered, chunk]);
      const head = parseHead(buffered);
      if (head === null) return;
      if (head.error) {
        answered(0, head.error);
        socket.destroy();
        return;
      }
      if (buffered.length < head.total) return;
      answered(head.status, head.status === 201 ? '' : buffered.toString('utf8', head.bodyStart, head.total).slice(0, 300));
      send();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (finished) return;
      if (inFlight) answered(0, 'the connection closed before the answer');
      onConnect = send;
      open();
    });
  };
  const ready = new Promise((resolve) => {
    onConnect = resolve;
    open();
  });
  return {
    ready,
    run: () => new Promise((resolve) => {
      done = resolve;
      onConnect = send;
      send();
    }),
  };
}

process.on('message', async ({ port, path, headers, bodies, clients }) => {
  const requests = bodies.map((b) => requestBytes(port, path, headers, b));
  const latencies = new Array(bodies.length).fill(0);
  let next = 0;
  let errors = 0;
  let firstError = null;
  const take = () => (next < requests.length ? next++ : -1);
  const record = (i, ms, status, body) => {
    latencies[i] = ms;
    if (status !== 201) {
      errors++;
      if (firstError === null) firstError = status + ' ' + body;
    }
  };
  const connections = Array.from({ length: clients }, () => connection(port, requests, take, record));
  await Promise.all(connections.map((c) => c.ready));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(connections.map((c) => c.run()));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  process.send({ wallMs, latencies, errors, firstError, cpuMs: (used.user + used.system) / 1000 });
});
`;

export interface PhaseResult {
  wallMs: number;
  latencies: number[];
  errors: number;
  firstError: string | null;
  /** CPU time of the load generator during the phase. */
  cpuMs: number;
}

export function createLoadGenerator() {
  const child = spawn(process.execPath, ['-e', CLIENT_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run(
      target: { port: number; path: string; headers: Record<string, string> },
      bodies: string[],
      clients: number,
    ) {
      return new Promise<PhaseResult>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (result: PhaseResult) => {
          child.off('exit', onExit);
          resolve(result);
        });
        child.send({ ...target, bodies, clients });
      });
    },
    close: () => {
      child.kill();
    },
  };
}
