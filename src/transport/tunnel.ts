// Talking to proxies: the HTTP CONNECT and SOCKS5 handshakes on an open socket (curl's codes on failure), and
// absolute-form forwarding of plain-http requests through an HTTP proxy.
import * as dns from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import { CodedFailure } from '../errors/business-error.js';
import type { ProxyPlan } from '../options/plan.js';

/** curl gives up on a CONNECT reply head larger than this. */
const MAX_HEAD = 100 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');

/** Reads exact byte counts (or an HTTP head) from a socket during a handshake, then lets go of it. */
class HandshakeReader {
  readonly #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #want: ((buffer: Buffer) => number) | undefined;
  #resolve: ((b: Buffer) => void) | undefined;
  #reject: ((err: unknown) => void) | undefined;
  readonly #failure: () => CodedFailure;
  #ended: unknown;

  constructor(socket: Socket, failure: () => CodedFailure) {
    this.#socket = socket;
    this.#failure = failure;
    socket.on('data', this.#onData);
    socket.on('error', this.#onEnd);
    socket.on('close', this.#onEnd);
  }

  readonly #onData = (chunk: Buffer): void => {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    this.#check();
  };

  readonly #onEnd = (err?: unknown): void => {
    this.#ended = err instanceof Error ? err : this.#failure();
    this.#check();
  };

  #check(): void {
    const want = this.#want;
    if (want === undefined) return;
    const n = want(this.#buffer);
    if (n > 0) {
      const out = this.#buffer.subarray(0, n);
      this.#buffer = this.#buffer.subarray(n);
      this.#settle();
      this.#resolve?.(out);
    } else if (this.#ended !== undefined || n < 0) {
      this.#settle();
      this.#reject?.(n < 0 ? this.#failure() : this.#ended);
    }
  }

  #settle(): void {
    this.#want = undefined;
  }

  #read(want: (buffer: Buffer) => number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#want = want;
      this.#resolve = resolve;
      this.#reject = reject;
      this.#check();
    });
  }

  bytes(n: number): Promise<Buffer> {
    return this.#read((b) => (b.length >= n ? n : 0));
  }

  head(): Promise<Buffer> {
    return this.#read((b) => {
      const end = b.indexOf(HEAD_END);
      if (end >= 0) return end + HEAD_END.length;
      return b.length > MAX_HEAD ? -1 : 0;
    });
  }

  /** Stops listening; bytes already read past the handshake go back to the socket. */
  release(): void {
    this.#socket.off('data', this.#onData);
    this.#socket.off('error', this.#onEnd);
    this.#socket.off('close', this.#onEnd);
    if (this.#buffer.length > 0) this.#socket.unshift(this.#buffer);
  }
}

function authority(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

export function basicCredentials(proxy: ProxyPlan): string | undefined {
  if (proxy.username === undefined) return undefined;
  return `Basic ${Buffer.from(`${proxy.username}:${proxy.password ?? ''}`).toString('base64')}`;
}

/** `CONNECT host:port`; any 2xx opens the tunnel. Anything else is curl's "CONNECT tunnel failed" (56). */
async function httpConnect(socket: Socket, proxy: ProxyPlan, host: string, port: number): Promise<void> {
  const target = authority(host, port);
  const auth = basicCredentials(proxy);
  const reader = new HandshakeReader(socket, () => new CodedFailure('proxy CONNECT aborted', { curl: 56 }));
  try {
    socket.write(
      `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n` +
        (auth === undefined ? '' : `Proxy-Authorization: ${auth}\r\n`) +
        'Proxy-Connection: Keep-Alive\r\n\r\n',
    );
    const head = (await reader.head()).toString('latin1');
    const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head)?.[1] ?? 0);
    if (status < 200 || status > 299) {
      throw new CodedFailure(`CONNECT tunnel failed, response ${status}`, { curl: 56 });
    }
  } finally {
    reader.release();
  }
}

const SOCKS_REPLIES = [
  'succeeded', 'general failure', 'connection not allowed', 'network unreachable', 'host unreachable',
  'connection refused', 'TTL expired', 'command not supported', 'address type not supported',
];

/** SOCKS handshake failures are curl's CURLE_PROXY (97, not in the device table → 2300999). */
function socksFailure(reason: string): CodedFailure {
  return new CodedFailure(`SOCKS5: ${reason}`, { curl: 97 });
}

/** The address to send for a SOCKS5 (local DNS) request, resolved with the pool's lookup when it has one. */
function resolveLocally(host: string, lookup: LookupFunction | undefined): Promise<string> {
  if (isIP(host) !== 0) return Promise.resolve(host);
  return new Promise((resolve, reject) => {
    const callback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[]): void => {
      if (err !== null) reject(err);
      else resolve(typeof address === 'string' ? address : (address[0]?.address ?? ''));
    };
    if (lookup === undefined) dns.lookup(host, {}, callback);
    else lookup(host, {}, callback);
  });
}

function addressBytes(host: string): Buffer {
  const family = isIP(host);
  if (family === 4) return Buffer.from([1, ...host.split('.').map(Number)]);
  if (family === 6) {
    const [head = '', tail = ''] = host.split('::');
    const parts = (s: string): string[] => (s === '' ? [] : s.split(':'));
    const h = parts(head);
    const t = parts(tail);
    const groups = host.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
    const out = Buffer.alloc(17);
    out[0] = 4;
    groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), 1 + i * 2));
    return out;
  }
  const name = Buffer.from(host, 'utf8');
  if (name.length > 255) throw socksFailure('host name too long');
  return Buffer.concat([Buffer.from([3, name.length]), name]);
}

/** RFC 1928 CONNECT, with RFC 1929 user/password when the proxy has credentials. */
async function socks5Connect(socket: Socket, proxy: ProxyPlan, host: string, port: number, lookup: LookupFunction | undefined): Promise<void> {
  // socks5: the name is resolved here (curl's CURLPROXY_SOCKS5); socks5h: by the proxy.
  const destination = proxy.scheme === 'socks5h' ? host : await resolveLocally(host, lookup);
  const reader = new HandshakeReader(socket, () => socksFailure('connection closed by the proxy'));
  try {
    const withAuth = proxy.username !== undefined;
    socket.write(Buffer.from(withAuth ? [5, 2, 0, 2] : [5, 1, 0]));
    const [version, method] = await reader.bytes(2);
    if (version !== 5) throw socksFailure('not a SOCKS5 proxy');
    if (method === 2 && withAuth) {
      const user = Buffer.from(proxy.username, 'utf8');
      const pass = Buffer.from(proxy.password ?? '', 'utf8');
      socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]));
      const [, status] = await reader.bytes(2);
      if (status !== 0) throw socksFailure('user name or password rejected');
    } else if (method !== 0) {
      throw socksFailure('no acceptable authentication method');
    }
    const portBytes = Buffer.alloc(2);
    portBytes.writeUInt16BE(port);
    socket.write(Buffer.concat([Buffer.from([5, 1, 0]), addressBytes(destination), portBytes]));
    const reply = await reader.bytes(5);
    if (reply[1] !== 0) throw socksFailure(SOCKS_REPLIES[reply[1] ?? 1] ?? 'refused');
    // The rest of the reply: the bound address (its length told by byte 4) and port.
    const rest = reply[3] === 1 ? 3 + 2 : reply[3] === 4 ? 15 + 2 : reply[3] === 3 ? (reply[4] ?? 0) + 2 : -1;
    if (rest < 0) throw socksFailure('bad reply');
    await reader.bytes(rest);
  } finally {
    reader.release();
  }
}

/** Opens a tunnel to host:port through the proxy on `socket`; rejects with curl's code for the failure. */
export function openTunnel(socket: Socket, proxy: ProxyPlan, host: string, port: number, lookup: LookupFunction | undefined): Promise<void> {
  return proxy.scheme === 'socks5' || proxy.scheme === 'socks5h'
    ? socks5Connect(socket, proxy, host, port, lookup)
    : httpConnect(socket, proxy, host, port);
}

/**
 * Plain-http requests through an HTTP proxy: the request goes to the proxy in absolute form
 * (`GET http://host/path`), with `Host` and the proxy's credentials, over the proxy pool's connections.
 * (undici's ProxyAgent turns a 407 into an error here; curl reports it as a response.)
 */
export class ForwardProxy {
  readonly #agent: Dispatcher;
  readonly #origin: string;
  readonly #auth: string | undefined;
  readonly #servername: string | undefined;

  constructor(agent: Dispatcher, proxy: ProxyPlan) {
    this.#agent = agent;
    this.#origin = `${proxy.scheme === 'https' ? 'https' : 'http'}://${authority(proxy.host, proxy.port)}`;
    this.#auth = basicCredentials(proxy);
    this.#servername = proxy.scheme === 'https' && isIP(proxy.host) === 0 ? proxy.host : undefined;
  }

  dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(opts.origin);
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (!('host' in headers)) headers.host = origin.slice(origin.indexOf('://') + 3);
    if (this.#auth !== undefined && !('proxy-authorization' in headers)) headers['proxy-authorization'] = this.#auth;
    // undici's Request takes `servername` (SNI for an https:// proxy), though DispatchOptions does not declare it.
    const forwarded: Dispatcher.DispatchOptions & { servername?: string } = { ...opts, origin: this.#origin, path: `${origin}${opts.path}`, headers };
    if (this.#servername !== undefined) forwarded.servername = this.#servername;
    return this.#agent.dispatch(forwarded, handler);
  }
}
