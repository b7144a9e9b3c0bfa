// Real servers on 127.0.0.1, port 0, for the tests: HTTP/1.1, HTTPS, HTTP/2 (TLS, ALPN h2) and a raw TCP
// server with ready-made faults. Every server's close() destroys its open sockets/sessions so that
// `node --test` exits by itself.
import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import * as net from 'node:net';
import type { Readable } from 'node:stream';
import { fixturePem } from './fixtures.js';

export { fixture, fixtureBytes, fixturePem, fixturesDir, repoRoot } from './fixtures.js';
export type { FixtureName } from './fixtures.js';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
/** Handler for startH2 (compat API). With allowHTTP1, HTTP/1.1 requests arrive as http.IncomingMessage/ServerResponse. */
export type H2Handler = (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void;
/** Behaviour of a raw TCP server for one accepted connection. */
export type RawBehaviour = (socket: net.Socket) => void;

export interface TestServer {
  /** `${origin}/` */
  readonly url: string;
  /** `http://127.0.0.1:<port>` (startHttp, startRaw) or `https://localhost:<port>` (startHttps, startH2). */
  readonly origin: string;
  readonly port: number;
  /** Host name used in `url`: '127.0.0.1' or 'localhost'. The socket always listens on 127.0.0.1. */
  readonly host: string;
  /** TCP connections accepted so far (live counter). */
  readonly connections: number;
  /** Requests seen so far (live counter). For startRaw: request heads read via readRequestHead/eachRequestHead. */
  readonly requests: number;
  /** Destroys every open socket/session and stops listening. Idempotent. */
  close(): Promise<void>;
}

export interface HttpsOptions {
  /** Ask the client for a certificate (trusted root: ca.pem). */
  requestCert?: boolean;
  /** With requestCert: refuse clients without a valid certificate. Default true. */
  rejectUnauthorized?: boolean;
  /** Server certificate: 'good' (ca.pem), 'untrusted' (untrusted-ca.pem), 'expired' (ca.pem, expired 2001). Default 'good'. */
  cert?: 'good' | 'untrusted' | 'expired';
}

export interface H2Options {
  /** Also accept HTTP/1.1 over ALPN. Default false. */
  allowHTTP1?: boolean;
}

const HOST = '127.0.0.1';

interface Counters {
  connections: number;
  requests: number;
}

/** Raw sockets → the counters of the server that accepted them (so fault helpers can count requests). */
const rawCounters = new WeakMap<net.Socket, Counters>();

/** Listens on 127.0.0.1, port 0; resolves with the port. */
export function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function makeTestServer(
  server: net.Server,
  port: number,
  scheme: 'http' | 'https',
  host: string,
  counters: Counters,
  destroyAll: () => void,
): TestServer {
  const origin = `${scheme}://${host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    origin,
    port,
    host,
    get connections() {
      return counters.connections;
    },
    get requests() {
      return counters.requests;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        destroyAll();
      });
      return closing;
    },
  };
}

/** Tracks accepted TCP sockets; returns a function that destroys the open ones. */
function trackSockets(server: net.Server, counters: Counters, event = 'connection'): () => void {
  const sockets = new Set<net.Socket>();
  server.on(event, (socket: net.Socket) => {
    counters.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
}

/** node:http server (HTTP/1.1 keep-alive) on http://127.0.0.1:<port>. */
export async function startHttp(handler: Handler): Promise<TestServer> {
  const counters: Counters = { connections: 0, requests: 0 };
  const server = http.createServer((req, res) => {
    counters.requests++;
    handler(req, res);
  });
  const destroy = trackSockets(server, counters);
  const port = await listen(server);
  return makeTestServer(server, port, 'http', HOST, counters, () => {
    server.closeAllConnections();
    destroy();
  });
}

function serverCert(kind: HttpsOptions['cert']): { cert: string; key: string } {
  switch (kind) {
    case 'untrusted':
      return { cert: fixturePem('untrusted-server.pem'), key: fixturePem('untrusted-server-key.pem') };
    case 'expired':
      return { cert: fixturePem('expired-server.pem'), key: fixturePem('expired-server-key.pem') };
    case undefined:
    case 'good':
      return { cert: fixturePem('server.pem'), key: fixturePem('server-key.pem') };
  }
}

/** node:https server on https://localhost:<port> (listening on 127.0.0.1) with the fixture certificates. */
export async function startHttps(handler: Handler, opts: HttpsOptions = {}): Promise<TestServer> {
  const counters: Counters = { connections: 0, requests: 0 };
  const tlsOptions: https.ServerOptions = { ...serverCert(opts.cert) };
  if (opts.requestCert === true) {
    tlsOptions.requestCert = true;
    tlsOptions.rejectUnauthorized = opts.rejectUnauthorized ?? true;
    tlsOptions.ca = fixturePem('ca.pem');
  }
  const server = https.createServer(tlsOptions, (req, res) => {
    counters.requests++;
    handler(req, res);
  });
  server.on('tlsClientError', () => {
    /* a client refusing our certificate is an expected outcome in tests */
  });
  const destroyTcp = trackSockets(server, counters);
  const port = await listen(server);
  return makeTestServer(server, port, 'https', 'localhost', counters, () => {
    server.closeAllConnections();
    destroyTcp();
  });
}

/**
 * node:http2 secure server (ALPN h2, optionally http/1.1) on https://localhost:<port>, compat API.
 * A node:http `Handler` is accepted too: the compat request/response objects cover the usual surface.
 */
// Two overloads, not one `H2Handler | Handler` parameter: a union gives inline arrow functions no contextual parameter types.
export async function startH2(handler: H2Handler, opts?: H2Options): Promise<TestServer>;
// eslint-disable-next-line @typescript-eslint/unified-signatures
export async function startH2(handler: Handler, opts?: H2Options): Promise<TestServer>;
export async function startH2(handler: H2Handler | Handler, opts: H2Options = {}): Promise<TestServer> {
  const counters: Counters = { connections: 0, requests: 0 };
  const h = handler as H2Handler;
  const server = http2.createSecureServer({ ...serverCert('good'), allowHTTP1: opts.allowHTTP1 ?? false }, (req, res) => {
    counters.requests++;
    h(req, res);
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  server.on('sessionError', () => {
    /* peers going away mid-stream is expected in tests */
  });
  server.on('tlsClientError', () => {
    /* idem */
  });
  const destroyTcp = trackSockets(server, counters);
  const port = await listen(server);
  return makeTestServer(server, port, 'https', 'localhost', counters, () => {
    for (const s of sessions) s.destroy();
    sessions.clear();
    destroyTcp();
  });
}

/** Raw TCP server on http://127.0.0.1:<port>; `onConnection` gets every accepted socket (socket errors are swallowed). */
export async function startRaw(onConnection: RawBehaviour): Promise<TestServer> {
  const counters: Counters = { connections: 0, requests: 0 };
  const server = net.createServer((socket) => {
    socket.on('error', () => {
      /* clients resetting is part of the game */
    });
    rawCounters.set(socket, counters);
    onConnection(socket);
  });
  const destroy = trackSockets(server, counters);
  const port = await listen(server);
  return makeTestServer(server, port, 'http', HOST, counters, destroy);
}

/** Parsed request head as seen by the raw server. */
export interface RawRequestHead {
  /** The whole head, request line to the blank line excluded. */
  readonly head: string;
  readonly method: string;
  /** Request target as sent (e.g. '/a?b'). */
  readonly target: string;
  /** Header names lower-cased; repeated headers joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
}

function parseHead(head: string): RawRequestHead {
  const lines = head.split('\r\n');
  const [method = '', target = ''] = (lines[0] ?? '').split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    headers[name] = name in headers ? `${headers[name] ?? ''}, ${value}` : value;
  }
  return { head, method, target, headers };
}

/**
 * Calls `onHead` for each request head on the socket, in order. Bodies announced with Content-Length are
 * skipped (chunked request bodies are not supported). Counts requests on the raw server.
 */
export function eachRequestHead(socket: net.Socket, onHead: (req: RawRequestHead) => void): void {
  let buf: Buffer = Buffer.alloc(0);
  let skip = 0;
  socket.on('data', (chunk: Buffer) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length);
        skip -= n;
        buf = buf.subarray(n);
        if (skip > 0) return;
      }
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const req = parseHead(buf.subarray(0, end).toString('latin1'));
      buf = buf.subarray(end + 4);
      skip = Number(req.headers['content-length'] ?? 0) || 0;
      const counters = rawCounters.get(socket);
      if (counters) counters.requests++;
      onHead(req);
      if (socket.destroyed) return;
    }
  });
}

/** Resolves with the first request head; stays pending if the client goes away first. Keeps draining the socket. */
export function readRequestHead(socket: net.Socket): Promise<RawRequestHead> {
  return new Promise((resolve) => {
    let first = true;
    eachRequestHead(socket, (req) => {
      if (first) resolve(req);
      first = false;
    });
  });
}

/** Runs `fn` after `ms` unless the socket closes first (no timer outlives the socket). */
function later(socket: net.Socket, ms: number, fn: () => void): void {
  const t = setTimeout(fn, ms);
  socket.once('close', () => {
    clearTimeout(t);
  });
}

/** Acts once, after the first full request head. */
function afterHead(act: (socket: net.Socket, req: RawRequestHead) => void): RawBehaviour {
  return (socket) => {
    void readRequestHead(socket).then((req) => {
      if (!socket.destroyed) act(socket, req);
    });
  };
}

const PARTIAL_HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\nConnection: close\r\n\r\n';
const TEN_BYTES = '0123456789';
const NOT_GZIP = 'this is not gzip!!!!';

/**
 * Ready-made raw behaviours. Each waits for the full request head (`\r\n\r\n`) before acting.
 *   emptyReply          FIN without a byte
 *   reset               RST (socket.resetAndDestroy())
 *   garbage             'HELLO WORLD\r\n\r\n' then FIN
 *   truncated           200, Content-Length: 100, 10 bytes, FIN
 *   brokenChunking      200, chunked, a valid chunk then a non-hex chunk size 'ZZ', FIN
 *   stallBeforeHeaders  reads the request, never answers
 *   stallMidBody        200, Content-Length: 100, 10 bytes, then nothing (socket held open)
 *   resetMidBody        200, Content-Length: 100, 10 bytes, RST 50 ms later
 *   badGzip             200, Content-Encoding: gzip, Content-Length: 20, 20 non-gzip bytes, FIN
 *   oversizedHeaders    200 with a single 200 KiB header line, Content-Length: 2, 'ok', FIN
 *   redirectLoop        every request on the connection: 302 Location: <same target>, Content-Length: 0, keep-alive
 */
export const faults = {
  emptyReply: afterHead((socket) => {
    socket.end();
  }),
  reset: afterHead((socket) => {
    socket.resetAndDestroy();
  }),
  garbage: afterHead((socket) => {
    socket.end('HELLO WORLD\r\n\r\n');
  }),
  truncated: afterHead((socket) => {
    socket.end(PARTIAL_HEAD + TEN_BYTES);
  }),
  brokenChunking: afterHead((socket) => {
    socket.end(
      'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
        '5\r\nhello\r\nZZ\r\nbroken\r\n0\r\n\r\n',
    );
  }),
  stallBeforeHeaders: afterHead(() => {
    /* never answer */
  }),
  stallMidBody: afterHead((socket) => {
    socket.write(PARTIAL_HEAD + TEN_BYTES);
  }),
  resetMidBody: afterHead((socket) => {
    socket.write(PARTIAL_HEAD + TEN_BYTES, () => {
      later(socket, 50, () => {
        if (!socket.destroyed) socket.resetAndDestroy();
      });
    });
  }),
  badGzip: afterHead((socket) => {
    socket.end(
      'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n' +
        `Content-Length: ${NOT_GZIP.length}\r\nConnection: close\r\n\r\n${NOT_GZIP}`,
    );
  }),
  oversizedHeaders: afterHead((socket) => {
    socket.end(
      `HTTP/1.1 200 OK\r\nX-Oversized: ${'a'.repeat(200 * 1024)}\r\n` +
        'Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok',
    );
  }),
  redirectLoop: (socket: net.Socket) => {
    eachRequestHead(socket, (req) => {
      socket.write(`HTTP/1.1 302 Found\r\nLocation: ${req.target}\r\nContent-Length: 0\r\n\r\n`);
    });
  },
} as const satisfies Record<string, RawBehaviour>;

export type FaultName = keyof typeof faults;

/** Collects a request (or any readable) body. */
export async function readBody(req: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

/** A port on 127.0.0.1 where nothing listens (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
  return port;
}
