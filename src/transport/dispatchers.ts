import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { Agent, Dispatcher } from 'undici';
import { loaded } from './deps.js';
import type { ValidationCallback } from '../api/types.js';
import { settings as nodeSettings } from '../config.js';
import { CodedFailure } from '../errors/business-error.js';
import { INTERNAL_ERROR, PERMISSION_DENIED } from '../errors/codes.js';
import type { ProxyPlan, TransportPlan } from '../options/plan.js';
import { isSharedPlan } from '../options/transport.js';
import { parseTarget, type TargetUrl } from '../options/url.js';
import { AuthRetry } from './auth.js';
import { dispatchCoalesced, multiplexingFactory } from './coalesce.js';
import { timedConnector, transportConnector } from './connection.js';
import { dnsLookup } from './dns.js';
import { proxyFor } from './proxy.js';
import { requestStarting, type SocketAware } from './socket-tracker.js';
import { tlsSetup, type TlsSetup } from './tls.js';
import { ForwardProxy } from './tunnel.js';

/** The settings that make two requests need different connection pools. */
export interface PoolSettings {
  readonly connectTimeout: number;
  /** 0 = HTTP/1.1 only; otherwise HTTP/2 over TLS when the server offers it (curl's default). */
  readonly usingProtocol: 0 | 1 | 2 | undefined;
  /** Proxy/TLS/DNS/connection options; undefined = none (the fast path). */
  readonly transport?: TransportPlan | undefined;
  /** The request URL as given (the device matches proxy exclusions on it). */
  readonly url?: string;
}

/** Something requests can be dispatched on: an undici Agent, or our absolute-form proxy front. */
export type Route = Pick<Dispatcher, 'dispatch'>;

/** curl accepts response header blocks up to 300 KiB in all (each line up to 100 KiB, checked per response). */
const MAX_HEADER_SIZE = 300 * 1024 + 1024;

/** Pools without any transport option, by connectTimeout: [HTTP/1.1 only, HTTP/2 allowed]. No key string needed. */
const plain: readonly [Map<number, Dispatcher>, Map<number, Dispatcher>] = [new Map(), new Map()];
/** Pools with transport options, by a key of their settings. */
const keyed = new Map<string, Route>();
/**
 * Pools whose TLS check is an app callback: by the callback's identity first. A connection checked by one
 * callback is never handed to a request that brought another; a dropped callback lets its pool be collected.
 */
const byCallback = new WeakMap<ValidationCallback, Map<string, Route>>();
/** Direct (no proxy) pools of a transport plan, by connectTimeout and protocol: the keyed lookup without a key string. */
const directByPlan = new WeakMap<TransportPlan, Map<number, Route>>();

/** curl keeps an idle connection for reuse up to 118 s (CURLOPT_MAXAGE_CONN); undici's default is 4 s. */
export const IDLE_CONNECTION_MS = 118_000;

function agentOptions(allowH2: boolean, keepAlive: number | undefined): Agent.Options {
  const idle = keepAlive ?? IDLE_CONNECTION_MS;
  return {
    allowH2,
    // Our own total timer implements readTimeout; curl has no idle timeouts to mirror.
    headersTimeout: 0,
    bodyTimeout: 0,
    maxHeaderSize: MAX_HEADER_SIZE,
    ...(allowH2 ? { factory: multiplexingFactory } : {}),
    // A server's `Keep-Alive: timeout=N` hint still shortens this (undici's rule), so a socket is dropped before
    // the server closes it; a close that races a request anyway is retried by the transfer, as curl retries.
    keepAliveTimeout: idle,
    keepAliveMaxTimeout: idle,
  };
}

function plainPool(connectTimeout: number, allowH2: boolean): Dispatcher {
  const map = plain[allowH2 ? 1 : 0];
  let pool = map.get(connectTimeout);
  if (pool === undefined) {
    pool = new (loaded().undici.Agent)({ ...agentOptions(allowH2, undefined), connect: timedConnector({ timeout: connectTimeout, allowH2 }) });
    map.set(connectTimeout, pool);
  }
  return pool;
}

/** How a hop reaches its origin through `proxy`: absolute-form for plain http via an HTTP proxy, else a tunnel. */
function forwards(proxy: ProxyPlan, target: TargetUrl): boolean {
  return !target.secure && (proxy.scheme === 'http' || proxy.scheme === 'https');
}

function createPool(s: PoolSettings, t: TransportPlan | undefined, proxy: ProxyPlan | undefined, target: TargetUrl | undefined): Route {
  const allowH2 = s.usingProtocol !== 0;
  const keepAlive = t?.keepAlive;
  const tls = t?.tls;
  // TLCP fails every request, as the device fails at setopt time; certificate files are read at the first
  // https connection, so that they fail https requests only (curl loads them only for TLS).
  if (tls?.tlcp === true) throw new CodedFailure('sslType TLCP is not available on Node.js', { device: INTERNAL_ERROR });
  let built: TlsSetup | undefined;
  const setup = tls === undefined ? undefined : (): TlsSetup => (built ??= tlsSetup(tls));
  const trust = (): SecureContext | undefined => {
    try {
      return setup?.().context;
    } catch {
      return undefined;
    }
  };
  const dns = t?.dns === undefined ? {} : { family: t.dns.family, lookup: dnsLookup(t.dns, trust) };
  if (proxy !== undefined && target !== undefined && forwards(proxy, target)) {
    // Connections to the proxy itself; its TLS (an https:// proxy) is checked against the default trust.
    const connect = transportConnector({ timeout: s.connectTimeout, allowH2: false, ...dns, viaProxy: true });
    return new ForwardProxy(new (loaded().undici.Agent)({ ...agentOptions(false, keepAlive), connect }), proxy);
  }
  const connect = transportConnector({ timeout: s.connectTimeout, allowH2, tls: setup, ...dns, tunnel: proxy });
  return new (loaded().undici.Agent)({ ...agentOptions(allowH2, keepAlive), connect });
}

/**
 * One process-wide pool per distinct setting, created on first use and kept: keep-alive
 * connections are shared by every HttpRequest object, as the device shares its curl multi handle.
 * Idle sockets are unref'd by undici, so a pool never keeps the process alive. A request without
 * transport options and without a proxy takes the plain pools with no key computed at all.
 * Throws a CodedFailure for settings no request can use (sslType TLCP); certificate problems surface when the
 * first https connection of the pool is opened.
 */
export function dispatcherFor(settings: PoolSettings, target?: TargetUrl): Route {
  if (nodeSettings.dispatcher !== undefined) return nodeSettings.dispatcher;
  const t = settings.transport;
  const url = settings.url;
  const hop = target ?? (url === undefined ? undefined : parseTarget(url));
  const proxy = hop === undefined || url === undefined ? undefined : proxyFor(t, url, hop);
  if (t === undefined && proxy === undefined) return plainPool(settings.connectTimeout, settings.usingProtocol !== 0);
  if (t !== undefined && proxy === undefined && isSharedPlan(t)) {
    // A memoised plan comes back with every request that has the same options: remember its direct pool on it.
    let byPlan = directByPlan.get(t);
    if (byPlan === undefined) {
      byPlan = new Map<number, Route>();
      directByPlan.set(t, byPlan);
    }
    const slot = settings.connectTimeout * 2 + (settings.usingProtocol === 0 ? 0 : 1);
    let pool = byPlan.get(slot);
    if (pool === undefined) {
      pool = keyedPool(settings, t, undefined, hop);
      byPlan.set(slot, pool);
    }
    return pool;
  }
  return keyedPool(settings, t, proxy, hop);
}

function keyedPool(settings: PoolSettings, t: TransportPlan | undefined, proxy: ProxyPlan | undefined, hop: TargetUrl | undefined): Route {
  const route = proxy === undefined ? 'direct' : `${proxy.key}|${hop !== undefined && forwards(proxy, hop) ? 'forward' : 'tunnel'}`;
  const key = `${settings.connectTimeout}|${settings.usingProtocol === 0 ? 1 : 2}|${t?.key ?? ''}|${route}`;
  const validation = t?.tls?.validation;
  let map = keyed;
  if (typeof validation === 'function') {
    let own = byCallback.get(validation);
    if (own === undefined) {
      own = new Map<string, Route>();
      byCallback.set(validation, own);
    }
    map = own;
  }
  let pool = map.get(key);
  if (pool === undefined) {
    pool = createPool(settings, t, proxy, hop);
    map.set(key, pool);
  }
  return pool;
}

/** The INTERNET permission switch of `ohos-net-http/node`: checked before anything else, as on the device. */
export function permissionFailure(): CodedFailure | undefined {
  return nodeSettings.internetPermission
    ? undefined
    : new CodedFailure('the INTERNET permission is switched off (ohos-net-http/node configure)', { device: PERMISSION_DENIED });
}

/**
 * With reuseConnections: false, HTTP/1.1 requests carry undici's `reset` (Connection: close, socket closed after);
 * an HTTP/2 session is closed here once its last request on it ended.
 */
class SingleUse implements Dispatcher.DispatchHandler, SocketAware {
  static readonly #active = new WeakMap<Socket, number>();
  readonly #inner: Dispatcher.DispatchHandler & Partial<SocketAware>;
  #socket: Socket | undefined;

  constructor(inner: Dispatcher.DispatchHandler) {
    this.#inner = inner;
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#inner.onRequestStart?.(controller, context);
    requestStarting(this);
  }

  onSocket(socket: Socket): void {
    this.#socket = socket;
    SingleUse.#active.set(socket, (SingleUse.#active.get(socket) ?? 0) + 1);
    this.#inner.onSocket?.(socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    this.#inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Record<string, string | string[] | undefined>): void {
    this.#inner.onResponseEnd?.(controller, trailers);
    this.#release();
  }

  onResponseError(controller: Dispatcher.DispatchController, err: Error): void {
    this.#inner.onResponseError?.(controller, err);
    this.#release();
  }

  #release(): void {
    const socket = this.#socket;
    if (socket === undefined) return;
    this.#socket = undefined;
    const left = (SingleUse.#active.get(socket) ?? 1) - 1;
    SingleUse.#active.set(socket, left);
    if (left > 0 || (socket as { alpnProtocol?: unknown }).alpnProtocol !== 'h2') return;
    setImmediate(() => {
      // With an error undici treats as informational (it fails nothing queued, and needs an error to close an
      // HTTP/2 session cleanly from under it).
      if (SingleUse.#active.get(socket) === 0) socket.destroy(Object.assign(new Error('connection not reused'), { code: 'UND_ERR_INFO' }));
    });
  }
}

function hasAuthorization(headers: Dispatcher.DispatchOptions['headers']): boolean {
  return typeof headers === 'object' && headers !== null && 'authorization' in headers;
}

/**
 * Sends one hop of a transfer: picks the pool (proxy, TLS, DNS options), and applies the per-request parts of
 * the transport plan (fresh connections, server authentication). Throws a CodedFailure for unusable settings.
 */
export function dispatchTransfer(
  plan: PoolSettings,
  target: TargetUrl,
  opts: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
): void {
  const route = dispatcherFor(plan, target);
  const t = plan.transport;
  if (nodeSettings.dispatcher !== undefined) {
    route.dispatch(opts, handler);
    return;
  }
  // Our pools offer h2 on https unless HTTP/1.1 was asked for: the first connection's ALPN decides for the rest.
  const send = target.secure && plan.usingProtocol !== 0 ? dispatchCoalesced : direct;
  if (t === undefined) {
    send(route, opts, handler);
    return;
  }
  let o = opts;
  let h = handler;
  if (!t.reuse) {
    o = { ...o, reset: true };
    h = new SingleUse(h);
  }
  const auth = t.auth;
  if (auth?.type === 'ntlm') {
    // libcurl without NTLM refuses CURLAUTH_NTLM with CURLE_NOT_BUILT_IN (4), which the device reports as 2300999.
    throw new CodedFailure('NTLM authentication is not supported', { device: INTERNAL_ERROR });
  }
  // Credentials go only to the origin of the request URL (curl's rule; the redirect code drops headers too).
  // A streamed body (multipart files, upload progress) cannot be sent twice: its 401 is the answer.
  const replayable = o.body === null || o.body === undefined || Buffer.isBuffer(o.body) || typeof o.body === 'string';
  if (
    auth !== undefined && auth.type !== 'basic' && replayable && !hasAuthorization(o.headers) &&
    plan.url !== undefined && parseTarget(plan.url).origin === target.origin
  ) {
    h = new AuthRetry(route, o, auth, h);
  }
  send(route, o, h);
}

function direct(route: Route, opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): void {
  route.dispatch(opts, handler);
}
