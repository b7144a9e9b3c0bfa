// Real proxies on 127.0.0.1, port 0, for the transport tests:
//   startProxy   an HTTP forward proxy (node:http + node:net): absolute-form requests are forwarded with
//                node:http, CONNECT opens a TCP tunnel; optional Basic authentication (407 otherwise).
//   startSocks5  a SOCKS5 proxy (RFC 1928 CONNECT, optional RFC 1929 user/password).
// Both count what they see and destroy every socket on close().
import * as http from 'node:http';
import * as net from 'node:net';
import ohos, { type HttpRequestOptions, type HttpResponse } from 'ohos-net-http';
import { listen } from './servers.js';

export interface ProxyHit {
  /** 'CONNECT' for tunnels, else the forwarded method. */
  readonly method: string;
  /** Absolute URL (forwarded requests) or host:port (CONNECT). */
  readonly target: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Whether the request passed the proxy's authentication. */
  readonly allowed: boolean;
}

export interface ProxyServer {
  /** `http://127.0.0.1:<port>` (`socks5://…` for startSocks5) */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** TCP connections accepted from clients. */
  readonly connections: number;
  /** Absolute-form requests forwarded. */
  readonly requests: number;
  /** CONNECT tunnels opened. */
  readonly connects: number;
  /** Everything that arrived, in order (including refused requests). */
  readonly hits: readonly ProxyHit[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Require `Proxy-Authorization: Basic` with these credentials. */
  readonly auth?: { readonly username: string; readonly password: string };
}

const HOST = '127.0.0.1';


class SocketSet {
  readonly #sockets = new Set<net.Socket>();
  add(socket: net.Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => {
      /* peers going away is part of the game */
    });
  }
  destroyAll(): void {
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
  }
}

const HOP_BY_HOP = new Set(['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive']);

/** An HTTP forward proxy: absolute-form and CONNECT, optional Basic authentication. */
export async function startProxy(opts: ProxyOptions = {}): Promise<ProxyServer> {
  const sockets = new SocketSet();
  const hits: ProxyHit[] = [];
  const counts = { connections: 0, requests: 0, connects: 0 };
  const expected = opts.auth === undefined ? undefined : `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}`;
  const allowed = (headers: http.IncomingHttpHeaders): boolean => expected === undefined || headers['proxy-authorization'] === expected;

  const server = http.createServer((req, res) => {
    const ok = allowed(req.headers);
    hits.push({ method: req.method ?? '', target: req.url ?? '', headers: { ...req.headers }, allowed: ok });
    if (!ok) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"', 'content-type': 'text/plain' });
      res.end('proxy authentication required');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('not absolute-form');
      return;
    }
    counts.requests++;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
    const upstream = http.request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: req.method, headers, agent: false },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('socket', (s) => {
      sockets.add(s);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket: net.Socket) => {
    counts.connections++;
    sockets.add(socket);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const ok = allowed(req.headers);
    hits.push({ method: 'CONNECT', target: req.url ?? '', headers: { ...req.headers }, allowed: ok });
    if (!ok) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host = '', port = '443'] = (req.url ?? '').startsWith('[')
      ? [(req.url ?? '').slice(1, (req.url ?? '').indexOf(']')), (req.url ?? '').split(']:')[1]]
      : (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host);
    sockets.add(upstream);
    upstream.on('connect', () => {
      counts.connects++;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (!client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
  });
  const port = await listen(server);
  return proxyServer(server, port, counts, hits, sockets);
}

function proxyServer(
  server: net.Server,
  port: number,
  counts: { connections: number; requests: number; connects: number },
  hits: ProxyHit[],
  sockets: SocketSet,
  scheme = 'http',
): ProxyServer {
  let closing: Promise<void> | undefined;
  return {
    url: `${scheme}://${HOST}:${port}`,
    host: HOST,
    port,
    get connections() {
      return counts.connections;
    },
    get requests() {
      return counts.requests;
    },
    get connects() {
      return counts.connects;
    },
    hits,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        sockets.destroyAll();
      });
      return closing;
    },
  };
}

// ---- SOCKS5 ---------------------------------------------------------------------------------------

export interface Socks5Server extends ProxyServer {
  /** Address types of the CONNECT requests seen: 1 IPv4, 3 domain name, 4 IPv6. */
  readonly addressTypes: readonly number[];
}

/** Collects bytes from a socket and hands out exact counts. */
function byteReader(socket: net.Socket): (n: number) => Promise<Buffer> {
  let buf: Buffer = Buffer.alloc(0);
  let waiting: { n: number; resolve: (b: Buffer) => void } | undefined;
  const pump = (): void => {
    if (waiting !== undefined && buf.length >= waiting.n) {
      const { n, resolve } = waiting;
      waiting = undefined;
      const out = buf.subarray(0, n);
      buf = buf.subarray(n);
      resolve(out);
    }
  };
  const onData = (chunk: Buffer): void => {
    buf = Buffer.concat([buf, chunk]);
    pump();
  };
  socket.on('data', onData);
  return (n: number) => {
    if (n === 0) {
      // Hand over: stop reading, put back what is left.
      socket.off('data', onData);
      if (buf.length > 0) socket.unshift(buf);
      return Promise.resolve(Buffer.alloc(0));
    }
    return new Promise((resolve) => {
      waiting = { n, resolve };
      pump();
    });
  };
}

/** A SOCKS5 proxy: CONNECT only; user/password required when `auth` is given. */
export async function startSocks5(opts: ProxyOptions = {}): Promise<Socks5Server> {
  const sockets = new SocketSet();
  const hits: ProxyHit[] = [];
  const addressTypes: number[] = [];
  const counts = { connections: 0, requests: 0, connects: 0 };
  const server = net.createServer((client) => {
    counts.connections++;
    sockets.add(client);
    const read = byteReader(client);
    void (async () => {
      const [, nMethods = 0] = await read(2);
      const methods = [...(await read(nMethods))];
      let allowed = true;
      if (opts.auth !== undefined) {
        if (!methods.includes(2)) {
          client.end(Buffer.from([5, 0xff]));
          return;
        }
        client.write(Buffer.from([5, 2]));
        const [, ulen = 0] = await read(2);
        const user = (await read(ulen)).toString();
        const [plen = 0] = await read(1);
        const pass = (await read(plen)).toString();
        allowed = user === opts.auth.username && pass === opts.auth.password;
        client.write(Buffer.from([1, allowed ? 0 : 1]));
        if (!allowed) {
          hits.push({ method: 'CONNECT', target: '', headers: {}, allowed });
          client.end();
          return;
        }
      } else {
        client.write(Buffer.from([5, 0]));
      }
      const [, , , atyp = 0] = await read(4);
      addressTypes.push(atyp);
      let host: string;
      if (atyp === 1) host = [...(await read(4))].join('.');
      else if (atyp === 4) host = toV6(await read(16));
      else host = (await read((await read(1))[0] ?? 0)).toString();
      const port = (await read(2)).readUInt16BE(0);
      await read(0);
      hits.push({ method: 'CONNECT', target: `${host}:${port}`, headers: {}, allowed });
      const upstream = net.connect(port, host === 'localhost' ? HOST : host);
      sockets.add(upstream);
      upstream.on('connect', () => {
        counts.connects++;
        client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => {
        client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0]));
      });
    })();
  });
  const port = await listen(server);
  return Object.assign(proxyServer(server, port, counts, hits, sockets, 'socks5'), { addressTypes });
}

function toV6(bytes: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return groups.join(':');
}

// ---- comparing with curl -----------------------------------------------------------------------------

/** curl exit codes the device reports as 2300000 + code (device-behavior.md §3.2); others become 2300999. */
const LISTED = new Set([1, 3, 5, 6, 7, 8, 9, 16, 18, 23, 25, 26, 27, 28, 47, 52, 55, 56, 58, 59, 60, 61, 63, 70, 73, 77, 78, 90, 94]);

/** The device code for a curl exit code; 0 (success) stays 0. */
export function deviceCodeOf(curlExit: number): number {
  if (curlExit === 0) return 0;
  return LISTED.has(curlExit) ? 2300000 + curlExit : 2300999;
}

/** A request's outcome: code 0 with the response, or the device error code. */
export interface Outcome {
  readonly code: number;
  readonly res: HttpResponse | undefined;
  readonly message: string | undefined;
}

/** Runs one request on a fresh HttpRequest object and reports how it ended. */
export async function attempt(url: string, options: HttpRequestOptions = {}): Promise<Outcome> {
  try {
    const res = await ohos.createHttp().request(url, options);
    return { code: 0, res, message: undefined };
  } catch (err) {
    const e = err as { code: number; message: string };
    return { code: e.code, res: undefined, message: e.message };
  }
}
