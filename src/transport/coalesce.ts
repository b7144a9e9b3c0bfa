import type { Socket } from 'node:net';
import type { Client, Dispatcher, Pool, buildConnector } from 'undici';
import { loaded } from './deps.js';
import { requestStarting, type SocketAware } from './socket-tracker.js';

/** What a pool knows about one https origin. */
interface OriginState {
  /** Requests held back while the first connection negotiates; undefined = no connection is negotiating. */
  waiting: [Dispatcher.DispatchOptions, Dispatcher.DispatchHandler][] | undefined;
  /** The live HTTP/2 connection, once ALPN said h2. */
  socket: Socket | undefined;
  /** ALPN said http/1.1: parallel connections are the only way, nothing is held back again. */
  http1: boolean;
}

type Route = Pick<Dispatcher, 'dispatch'>;

const pools = new WeakMap<Route, Map<string, OriginState>>();

/**
 * Sends an https request on a pool that may speak HTTP/2, as curl does with multiplexing on: while
 * the first connection to an origin is still negotiating, later requests wait for its ALPN answer
 * instead of each opening a connection of its own. If it is h2 they all go onto that connection
 * (undici opens another only past the server's MAX_CONCURRENT_STREAMS); if it is http/1.1 they
 * are released at once and the pool opens parallel connections, as without the wait.
 */
export function dispatchCoalesced(pool: Route, opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): void {
  const origin = opts.origin;
  if (typeof origin !== 'string') {
    pool.dispatch(opts, handler);
    return;
  }
  let origins = pools.get(pool);
  if (origins === undefined) {
    origins = new Map();
    pools.set(pool, origins);
  }
  let state = origins.get(origin);
  if (state === undefined) {
    state = { waiting: undefined, socket: undefined, http1: false };
    origins.set(origin, state);
  }
  if (state.waiting !== undefined) {
    state.waiting.push([opts, handler]);
    return;
  }
  if (state.http1 || state.socket !== undefined) {
    pool.dispatch(opts, handler);
    return;
  }
  state.waiting = [];
  pool.dispatch(opts, new Opener(handler, pool, state));
}

/**
 * Lets the held-back requests go once undici is done with the connection's first request: it marks the
 * connection free again (its 'drain') in a microtask queued after the one we are called in, so a microtask
 * of ours would still find it busy and open a connection per request.
 */
function release(pool: Route, state: OriginState): void {
  const waiting = state.waiting;
  if (waiting === undefined) return;
  state.waiting = undefined;
  if (waiting.length === 0) return;
  setImmediate(() => {
    for (const [opts, handler] of waiting) pool.dispatch(opts, handler);
  });
}

/** The handler of the request that opens an origin's first connection: it learns the protocol, then passes everything on. */
class Opener implements Dispatcher.DispatchHandler, SocketAware {
  readonly #inner: Dispatcher.DispatchHandler & Partial<SocketAware>;
  readonly #pool: Route;
  readonly #state: OriginState;

  constructor(inner: Dispatcher.DispatchHandler, pool: Route, state: OriginState) {
    this.#inner = inner;
    this.#pool = pool;
    this.#state = state;
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#inner.onRequestStart?.(controller, context);
    if (controller.aborted) {
      // Ended before it was sent (its transfer had already failed): no socket will tell, let the others go.
      release(this.#pool, this.#state);
      return;
    }
    requestStarting(this);
  }

  onSocket(socket: Socket): void {
    const state = this.#state;
    if (state.waiting !== undefined) {
      if ((socket as { alpnProtocol?: unknown }).alpnProtocol === 'h2') {
        state.socket = socket;
        // The next burst after this connection is gone waits for a new first connection again.
        socket.once('close', () => {
          if (state.socket === socket) state.socket = undefined;
        });
      } else {
        state.http1 = true;
      }
      release(this.#pool, state);
    }
    this.#inner.onSocket?.(socket);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>, socket: import('node:stream').Duplex): void {
    release(this.#pool, this.#state);
    this.#inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>, statusMessage?: string): void {
    release(this.#pool, this.#state);
    this.#inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Record<string, string | string[] | undefined>): void {
    release(this.#pool, this.#state);
    this.#inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, err: Error): void {
    // No connection (or the request failed before its socket was known): the held-back requests try their own.
    release(this.#pool, this.#state);
    this.#inner.onResponseError?.(controller, err);
  }
}

type Connect = (opts: buildConnector.Options, cb: buildConnector.Callback) => unknown;

/**
 * The `factory` of an Agent that may speak HTTP/2. undici runs one request at a time on each connection
 * (its `pipelining` of 1) even over h2, so concurrent requests would each open a TLS connection. Once a
 * connection has said h2, its client lifts that limit (undici's h2 default); the server's
 * MAX_CONCURRENT_STREAMS still holds, as the HTTP/2 session keeps streams past it waiting on the connection.
 * An HTTP/1.1 connection keeps one request at a time: no pipelining, as curl.
 */
export function multiplexingFactory(origin: string | URL, options: Pool.Options): Dispatcher {
  const { Pool: PoolClass, Client: ClientClass } = loaded().undici;
  return new PoolClass(origin, {
    ...options,
    factory: (o: string | URL, clientOptions: Client.Options): Dispatcher => {
      let h2 = false;
      const connect = clientOptions.connect as Connect;
      const client = new ClientClass(o, {
        ...clientOptions,
        connect: ((opts: buildConnector.Options, cb: buildConnector.Callback) => connect(opts, (...args) => {
          h2 = args[0] === null && (args[1] as { alpnProtocol?: unknown }).alpnProtocol === 'h2';
          cb(...args);
        })) as buildConnector.connector,
      });
      client.on('connect', () => {
        // undefined: the connection's own default, unlimited for h2 and 1 for HTTP/1.1.
        (client as { pipelining: number | undefined }).pipelining = h2 ? undefined : 1;
      });
      return client;
    },
  });
}
