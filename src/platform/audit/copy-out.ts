/**
 * `COPY … TO STDOUT` read straight off a node-postgres connection's socket. The CopyData messages are framed
 * here and their bytes handed over where they lie in the socket's chunk: no Buffer per message, no joined
 * chunk, no stream. pg-copy-streams does the same job through a Readable, and for the tens of millions of
 * small rows of `audit verify` that framing cost a tenth of the verifier's time.
 *
 * Everything else goes back to node-postgres, which ends the query as usual: the rest of the connection's
 * bytes after CopyDone (CommandComplete, ReadyForQuery), or an ErrorResponse whenever it comes.
 */
import type { EventEmitter } from 'node:events';
import type pg from 'pg';

/** The CopyData bytes `buf[start, end)`; a message never comes split over two calls. */
export type CopyDataHandler = (buf: Buffer, start: number, end: number) => void;

interface Socket extends EventEmitter {
  destroy(error?: Error): void;
}
interface Connection {
  stream: Socket;
  query(text: string): void;
}
type DataListener = (chunk: Buffer) => void;

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
// Sent during a copy and skipped, as pg-copy-streams does: CopyOutResponse, notices, parameter changes,
// notifications.
const SKIPPED = new Set([0x48, 0x4e, 0x53, 0x41]); // 'H', 'N', 'S', 'A'
const HEADER = 5;

/** Runs `statement` (a COPY … TO STDOUT) on `client`, handing each CopyData message to `onData`. */
export function copyOut(client: pg.Client, statement: string, onData: CopyDataHandler): Promise<void> {
  return new Promise((resolve, reject) => {
    // A "submittable": node-postgres calls submit() when the connection is free, then the handlers below.
    void client.query(new CopyOutQuery(statement, onData, resolve, reject) as unknown as pg.QueryConfig);
  });
}

class CopyOutQuery {
  private socket: Socket | null = null;
  private pgListener: DataListener | null = null;
  /** A message header split between two chunks. */
  private header = Buffer.alloc(HEADER);
  private headerFilled = 0;
  /** The message being read: its type and how many of its bytes are still to come. */
  private code = 0;
  private left = 0;
  /** A CopyData message split between chunks, gathered whole. */
  private message: Buffer | null = null;
  private messageFilled = 0;
  private failed: Error | null = null;

  constructor(
    readonly text: string,
    private readonly onData: CopyDataHandler,
    private readonly resolve: () => void,
    private readonly reject: (error: Error) => void,
  ) {}

  submit(connection: Connection): void {
    const socket = connection.stream;
    const listeners = socket.listeners('data') as DataListener[];
    if (listeners.length !== 1) throw new Error('copyOut: expected one data listener on the connection');
    this.socket = socket;
    this.pgListener = listeners[0] as DataListener;
    socket.removeListener('data', this.pgListener);
    socket.on('data', this.onChunk);
    connection.query(this.text);
  }

  private readonly onChunk = (chunk: Buffer): void => {
    try {
      this.read(chunk);
    } catch (error) {
      // The rows could not be read (a broken stream, a handler that threw): nothing more on this connection
      // can be trusted to line up, so it is closed.
      this.failed = error instanceof Error ? error : new Error(String(error));
      this.socket?.removeListener('data', this.onChunk);
      this.socket?.destroy();
      this.reject(this.failed);
    }
  };

  private read(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.left === 0) {
        // At a message boundary: its type and length.
        let start = at;
        let head = chunk;
        if (this.headerFilled > 0 || chunk.length - at < HEADER) {
          const take = Math.min(HEADER - this.headerFilled, chunk.length - at);
          chunk.copy(this.header, this.headerFilled, at, at + take);
          this.headerFilled += take;
          at += take;
          if (this.headerFilled < HEADER) return;
          head = this.header;
          start = 0;
          this.headerFilled = 0;
        } else {
          at += HEADER;
        }
        this.code = head[start] as number;
        this.left = head.readInt32BE(start + 1) - 4;
        if (this.left < 0) throw new Error('copyOut: a message with an impossible length');
        if (this.code === COPY_DATA) {
          if (at + this.left <= chunk.length) {
            this.onData(chunk, at, at + this.left);
            at += this.left;
            this.left = 0;
          } else {
            this.message = Buffer.allocUnsafe(this.left);
            this.messageFilled = 0;
          }
          continue;
        }
        if (this.code === COPY_DONE) {
          // Then CommandComplete and ReadyForQuery: node-postgres's.
          this.handBack(chunk.subarray(at + this.left));
          return;
        }
        if (!SKIPPED.has(this.code)) {
          // An error (or anything unexpected) goes back whole, header and all.
          this.handBack(
            head === chunk ? chunk.subarray(at - HEADER) : Buffer.concat([head, chunk.subarray(at)]),
          );
          return;
        }
        continue;
      }
      // Inside a message that began in an earlier chunk.
      const take = Math.min(this.left, chunk.length - at);
      if (this.code === COPY_DATA && this.message) {
        chunk.copy(this.message, this.messageFilled, at, at + take);
        this.messageFilled += take;
      }
      at += take;
      this.left -= take;
      if (this.left === 0 && this.code === COPY_DATA && this.message) {
        const whole = this.message;
        this.message = null;
        this.onData(whole, 0, whole.length);
      }
    }
  }

  private handBack(rest: Buffer): void {
    const socket = this.socket as Socket;
    socket.removeListener('data', this.onChunk);
    socket.on('data', this.pgListener as DataListener);
    if (rest.length > 0) (this.pgListener as DataListener)(rest);
  }

  // Called by node-postgres once it has the connection's messages back.
  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve();
  }

  handleError(error: Error): void {
    if (this.failed) return;
    this.failed = error;
    this.reject(error);
  }
}
