import { isIP, type LookupFunction, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import { loaded } from './deps.js';
import { CodedFailure } from '../errors/business-error.js';
import type { ProxyPlan } from '../options/plan.js';
import { literalFailure } from './dns.js';
import { verifyPeer, type TlsSetup } from './tls.js';
import { openTunnel } from './tunnel.js';

/** What we know about a connection: when each setup phase ended, how often it carried a request, where it goes. */
export interface ConnectionRecord {
  readonly started: number;
  dnsEnd: number;
  tcpEnd: number;
  tlsEnd: number;
  uses: number;
  /** The connection goes to a proxy (absolute-form, CONNECT tunnel or SOCKS). */
  readonly viaProxy: boolean;
  /** Endpoints and TLS parameters, read when the connection was ready (a closed socket no longer tells). */
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  tlsProtocol: string | undefined;
  cipher: string | undefined;
  /** The first error the ready socket reported (undici may replace it with a generic one). */
  error: Error | undefined;
}

const records = new WeakMap<Socket, ConnectionRecord>();

/** A TLS socket, recognised without importing node:tls at load time. */
function isTlsSocket(socket: Socket): socket is TLSSocket {
  return (socket as { encrypted?: unknown }).encrypted === true;
}

export function connectionOf(socket: Socket): ConnectionRecord | undefined {
  return records.get(socket);
}

function newRecord(viaProxy: boolean): ConnectionRecord {
  return {
    started: performance.now(), dnsEnd: 0, tcpEnd: 0, tlsEnd: 0, uses: 0, viaProxy,
    localAddress: '', localPort: -1, remoteAddress: '', remotePort: -1, tlsProtocol: undefined, cipher: undefined,
    error: undefined,
  };
}

/**
 * Times DNS and TCP on the socket that reaches the network (the proxy's, for tunnels). An IP literal needs no
 * lookup: its name resolution ends where the connection starts, as curl reports it.
 */
function watch(record: ConnectionRecord, socket: Socket, host: string | undefined): void {
  if (host !== undefined && isIP(host.startsWith('[') ? host.slice(1, -1) : host) !== 0) record.dnsEnd = record.started;
  socket.prependOnceListener('lookup', () => (record.dnsEnd = performance.now()));
  socket.prependOnceListener('connect', () => {
    record.tcpEnd = performance.now();
    if (record.dnsEnd === 0) record.dnsEnd = record.tcpEnd;
  });
}

/** Reads endpoints (from `network`, the socket on the wire) and TLS details (from `socket`) into the record. */
function settle(record: ConnectionRecord, socket: Socket, network: Socket): void {
  record.localAddress = network.localAddress ?? '';
  record.localPort = network.localPort ?? -1;
  record.remoteAddress = network.remoteAddress ?? '';
  record.remotePort = network.remotePort ?? -1;
  if (isTlsSocket(socket)) {
    record.tlsProtocol = socket.getProtocol() ?? undefined;
    record.cipher = (socket.getCipher() as { standardName?: string } | undefined)?.standardName;
    socket.prependListener('error', (err: Error) => {
      record.error ??= err;
    });
  }
  records.set(socket, record);
}

/**
 * The failure to report for a transfer that ended with `err` on `socket`. A TLS alert after the handshake (a
 * server refusing the missing client certificate, say) reaches undici first, but undici then reports the
 * following end of stream as "other side closed"; curl reports the alert, as a receive error (56).
 */
export function underlyingFailure(err: unknown, socket: Socket | undefined): unknown {
  if (socket === undefined || (err as { code?: unknown } | null)?.code !== 'UND_ERR_SOCKET') return err;
  const first = records.get(socket)?.error;
  const code = (first as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_SSL_') ? new CodedFailure('TLS alert from the server', { curl: 56 }, first) : err;
}

type Connect = (opts: buildConnector.Options, cb: buildConnector.Callback) => Socket;

/**
 * undici's own connector, wrapped to time DNS, TCP and TLS on each new socket.
 * The times feed `performanceTiming` of the request that first uses the socket.
 */
export function timedConnector(options: buildConnector.BuildOptions): buildConnector.connector {
  // undici's connector returns the socket it creates, though its types say void.
  const connect = loaded().undici.buildConnector(options) as unknown as Connect;
  return (opts, callback) => {
    const record = newRecord(false);
    const socket = connect(opts, (...args) => {
      if (args[0] === null) {
        if (opts.protocol === 'https:') record.tlsEnd = performance.now();
        settle(record, args[1], args[1]);
      }
      callback(...args);
    });
    watch(record, socket, opts.hostname);
    return socket;
  };
}

/** Everything a pool with transport options needs to open its connections. */
export interface ConnectorOptions {
  readonly timeout: number;
  readonly allowH2: boolean;
  /**
   * The pool's TLS settings, built on the first https connection (a bad certificate file fails https
   * requests only, as curl loads them only for TLS); undefined = Node's defaults with full verification.
   */
  readonly tls?: (() => TlsSetup) | undefined;
  /** addressFamily: 0 = any; the lookup filters names, IP literals of the other family fail here. */
  readonly family?: 0 | 4 | 6 | undefined;
  readonly lookup?: LookupFunction | undefined;
  /** Reach every origin through a tunnel (CONNECT or SOCKS5) opened on a connection to this proxy. */
  readonly tunnel?: ProxyPlan | undefined;
  /** The pool's origin is a proxy itself (absolute-form requests). */
  readonly viaProxy?: boolean | undefined;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'EAI_ADDRFAMILY']);

/** A failure to connect to the proxy itself: name resolution is curl's 5, not 6. */
function proxyFailure(err: Error): Error {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && DNS_CODES.has(code) ? new CodedFailure('cannot resolve the proxy', { curl: 5 }, err) : err;
}

function destroyQuietly(socket: Socket): void {
  socket.on('error', () => undefined).destroy();
}

/**
 * The connector of a pool with proxy, TLS or DNS options. TLS is opened without Node's verification when
 * the pool verifies by itself (curl's checks, a callback, pinning), and the socket reaches undici only
 * after those checks passed.
 */
export function transportConnector(o: ConnectorOptions): buildConnector.connector {
  const dnsOptions = o.lookup === undefined ? {} : { lookup: o.lookup };
  const plain = loaded().undici.buildConnector({ timeout: o.timeout, allowH2: o.allowH2, ...dnsOptions }) as unknown as Connect;
  let secure: { readonly setup: TlsSetup | undefined; readonly connect: Connect } | undefined;
  /** The TLS side, built once it is first needed; throws (and is tried again next time) when it cannot be. */
  const tlsSide = (): { readonly setup: TlsSetup | undefined; readonly connect: Connect } => {
    if (o.tls === undefined) return { setup: undefined, connect: plain };
    if (secure === undefined) {
      const setup = o.tls();
      const connect = loaded().undici.buildConnector({
        timeout: o.timeout,
        allowH2: o.allowH2,
        ...dnsOptions,
        secureContext: setup.context,
        rejectUnauthorized: false,
        checkServerIdentity: () => undefined,
        // A resumed session shows no peer certificate, so nothing could be checked: every connection of a pool
        // that verifies by itself makes a full handshake (a session of a refused handshake must not get in either).
        maxCachedSessions: 0,
      }) as unknown as Connect;
      secure = { setup, connect };
    }
    return secure;
  };
  const proxy = o.tunnel;
  const toProxy = proxy === undefined ? undefined : loaded().undici.buildConnector({ timeout: o.timeout, ...dnsOptions }) as unknown as Connect;
  const viaProxy = o.viaProxy === true || proxy !== undefined;
  const family = o.family ?? 0;

  return (opts, callback) => {
    const record = newRecord(viaProxy);
    const isSecure = opts.protocol === 'https:';
    let network: Socket | undefined;
    const fail = (err: Error, socket?: Socket): void => {
      if (socket !== undefined) destroyQuietly(socket);
      callback(err, null);
    };
    const failSoon = (err: Error): void => {
      queueMicrotask(() => {
        fail(err);
      });
    };
    let side: ReturnType<typeof tlsSide> = { setup: undefined, connect: plain };
    if (isSecure) {
      try {
        side = tlsSide();
      } catch (err) {
        failSoon(err as Error);
        return undefined;
      }
    }
    const { setup, connect } = side;
    const ready = (socket: Socket): void => {
      settle(record, socket, network ?? socket);
      callback(null, socket);
    };
    const afterConnect = (err: Error | null, socket: Socket | null): void => {
      if (err !== null || socket === null) {
        const failure = err ?? new Error('no socket');
        // This pool's origin is the proxy itself: failing to resolve it is curl's 5.
        fail(o.viaProxy === true ? proxyFailure(failure) : failure);
        return;
      }
      if (!isSecure) {
        ready(socket);
        return;
      }
      record.tlsEnd = performance.now();
      if (setup === undefined || !isTlsSocket(socket)) {
        ready(socket);
        return;
      }
      try {
        const pending = verifyPeer(setup, socket, opts.hostname);
        if (pending === undefined) ready(socket);
        else pending.then(() => { ready(socket); }, (e: unknown) => { fail(e as Error, socket); });
      } catch (e) {
        fail(e as Error, socket);
      }
    };
    const target = setup?.servername === undefined ? opts : { ...opts, servername: setup.servername };
    const literal = literalFailure(proxy === undefined ? opts.hostname : proxy.host, family);
    if (literal !== undefined) {
      failSoon(literal);
      return undefined;
    }

    if (proxy === undefined || toProxy === undefined) {
      const socket = connect(target, afterConnect);
      watch(record, socket, opts.hostname);
      return socket;
    }
    if (proxy.scheme === 'unsupported') {
      failSoon(new CodedFailure('unsupported proxy scheme', { curl: 7 }));
      return undefined;
    }
    const port = Number(opts.port) || (isSecure ? 443 : 80);
    const proxySocket = toProxy(
      {
        hostname: proxy.host,
        host: proxy.host,
        port: String(proxy.port),
        protocol: proxy.scheme === 'https' ? 'https:' : 'http:',
        ...(isIP(proxy.host) === 0 ? { servername: proxy.host } : {}),
      },
      (err, raw) => {
        if (err !== null) {
          fail(proxyFailure(err));
          return;
        }
        network = raw;
        // The connect timeout covers the proxy handshake too, as curl's does.
        const timer = setTimeout(() => {
          raw.destroy(new CodedFailure('proxy handshake timed out', { curl: 28 }));
        }, o.timeout);
        openTunnel(raw, proxy, opts.hostname, port, o.lookup).then(
          () => {
            clearTimeout(timer);
            if (isSecure) connect({ ...target, httpSocket: raw }, afterConnect);
            else afterConnect(null, raw);
          },
          (e: unknown) => {
            clearTimeout(timer);
            fail(e as Error, raw);
          },
        );
      },
    );
    watch(record, proxySocket, proxy.host);
    return proxySocket;
  };
}
