// The device's parsing rules for the transport options (spec §2.2, §5, §6) → a TransportPlan.
// Only called when the options object has at least one of TRANSPORT_KEYS; otherwise the plan has none.
import { isIP } from 'node:net';
import type { HttpRequestOptions, ValidationCallback } from '../api/types.js';
import { settings } from '../config.js';
import { PROXY_CREDENTIALS_SINCE, releaseNumber } from '../errors/releases.js';
import type {
  AuthPlan,
  CertKind,
  ClientCertPlan,
  DeviceProxy,
  DnsPlan,
  ProxyChoice,
  ProxyPlan,
  TlsPlan,
  TransportPlan,
} from './plan.js';
import { sameValues, signatureOf, TRANSPORT_KEY_LIST, transportValues } from './transport-keys.js';

const TRANSPORT_KEYS = new Set<string>(TRANSPORT_KEY_LIST);
const TLS_KEYS = [
  'caPath', 'caData', 'clientCert', 'certificatePinning', 'remoteValidation', 'tlsOptions', 'sniHostName',
  'enablePartialChain', 'sslType',
] as const;
/** The device reads caData only below this length. */
const CA_DATA_MAX = 8000;

type Bag = Readonly<Record<string, unknown>>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Bag | undefined => (typeof v === 'object' && v !== null ? (v as Bag) : undefined);

/** Whether any transport option is present (a for-in over the few keys of a typical options object). */
export function hasTransportOptions(o: object): boolean {
  for (const key in o) if (TRANSPORT_KEYS.has(key)) return true;
  return false;
}

// ---- proxies ------------------------------------------------------------------------------------

const PROXY_SCHEMES: Readonly<Record<string, ProxyPlan['scheme']>> = {
  http: 'http', https: 'https', socks5: 'socks5', socks5h: 'socks5h', socks: 'socks5',
};

/**
 * A proxy written as curl takes it: `[scheme://][user:password@]host[:port][/…]`. No scheme → HTTP; no port →
 * `port`, else curl's defaults (443 for an HTTPS proxy, 1080 for every other kind). A scheme curl knows but we
 * do not speak (socks4) gives an 'unsupported' proxy, which fails like curl's "Unsupported proxy scheme" (7).
 */
export function proxyPlanOf(text: string, port: number, username?: string, password?: string): ProxyPlan | undefined {
  let rest = text.trim();
  let scheme: ProxyPlan['scheme'] = 'http';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (m !== null) {
    scheme = PROXY_SCHEMES[(m[1] as string).toLowerCase()] ?? 'unsupported';
    rest = rest.slice(m[0].length);
  }
  rest = rest.replace(/[/?#].*$/, '');
  let user = username;
  let pass = password;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(':');
    if (user === undefined) {
      user = safeDecode(colon < 0 ? userinfo : userinfo.slice(0, colon));
      pass = colon < 0 ? '' : safeDecode(userinfo.slice(colon + 1));
    }
  }
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(rest);
  const host = hp?.[1] ?? '';
  if (host === '') return undefined;
  const given = hp?.[2] !== undefined && hp[2] !== '' ? Number(hp[2]) : undefined;
  const portNumber = given ?? (port > 0 && port <= 65535 ? port : scheme === 'https' ? 443 : 1080);
  const hostname = host.startsWith('[') ? host.slice(1, -1) : host;
  const auth = user !== undefined && user !== '' ? { username: user, password: pass ?? '' } : undefined;
  return {
    scheme,
    host: hostname,
    port: portNumber,
    username: auth?.username,
    password: auth?.password,
    key: `${scheme}://${auth === undefined ? '' : `${auth.username}:${auth.password}@`}${host}:${portNumber}`,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function exclusionsOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  // The device joins the list with ',' and splits it again: an entry holding commas is several entries.
  return (v as unknown[]).filter((e): e is string => typeof e === 'string').join(',').split(',').map((e) => e.trim()).filter((e) => e !== '');
}

/** Credentials are used only when both keys exist and both are non-empty strings. */
function credentialsOf(p: Bag): [string, string] | undefined {
  if (!('username' in p) || !('password' in p)) return undefined;
  const user = str(p.username);
  const pass = str(p.password);
  return user !== '' && pass !== '' ? [user, pass] : undefined;
}

/**
 * An `HttpProxy` object (usingProxy or configure's defaultProxy); empty host → no proxy at all. Its username and
 * password reach the proxy from device release 6.1 on; earlier releases never handed them to curl.
 */
export function httpProxyOf(p: Bag): DeviceProxy | 'none' {
  const host = str(p.host);
  if (host.trim() === '') return 'none';
  const port = typeof p.port === 'number' ? p.port | 0 : 0;
  const cred = releaseNumber(settings.deviceRelease) >= PROXY_CREDENTIALS_SINCE ? credentialsOf(p) : undefined;
  const proxy = proxyPlanOf(host, port, cred?.[0], cred?.[1]);
  return proxy === undefined ? 'none' : { proxy, exclusions: exclusionsOf(p.exclusionList) };
}

/** `usingSocks5Proxy` (API 26): non-empty host and port > 0, else not set. */
function socks5Of(v: unknown): DeviceProxy | undefined {
  const p = obj(v);
  if (p === undefined) return undefined;
  const host = str(p.host);
  const port = typeof p.port === 'number' ? p.port | 0 : 0;
  if (host === '' || port <= 0) return undefined;
  const strategy = p.dnsStrategy;
  const remoteDns = typeof strategy === 'number' ? strategy !== 0 : host.includes('socks5h://');
  const cred = credentialsOf(p);
  const bare = host.replace(/^socks5h?:\/\//i, '');
  const proxy = proxyPlanOf(`${remoteDns ? 'socks5h' : 'socks5'}://${bare}`, port, cred?.[0], cred?.[1]);
  return proxy === undefined ? undefined : { proxy, exclusions: exclusionsOf(p.exclusionList) };
}

function proxyChoiceOf(o: Bag): ProxyChoice {
  const socks = socks5Of(o.usingSocks5Proxy);
  if (socks !== undefined) return socks;
  const v = o.usingProxy;
  if (v === false) return 'none';
  const p = obj(v);
  return p === undefined ? 'default' : httpProxyOf(p);
}

// ---- TLS ----------------------------------------------------------------------------------------

const CERT_KINDS = new Set<string>(['PEM', 'DER', 'P12']);

function clientCertOf(v: unknown): ClientCertPlan | undefined {
  const c = obj(v);
  if (c === undefined) return undefined;
  const certPath = str(c.certPath);
  if (certPath === '') return undefined;
  const certType = str(c.certType);
  return {
    certPath,
    certType: CERT_KINDS.has(certType) ? (certType as CertKind) : 'PEM',
    keyPath: str(c.keyPath),
    keyPassword: str(c.keyPassword),
  };
}

function pinsOf(v: unknown): string[] {
  const list: unknown[] = Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v];
  const pins: string[] = [];
  for (const entry of list) {
    const e = obj(entry);
    if (e?.hashAlgorithm === 'SHA-256' && typeof e.publicKeyHash === 'string' && e.publicKeyHash !== '') pins.push(e.publicKeyHash);
  }
  return pins;
}

/** A TlsConfig whose min/max are 4..7 with min ≤ max; anything else (incl. 'system') → the default policy. */
function versionsOf(v: unknown): [number, number] | undefined {
  const t = obj(v);
  if (t === undefined) return undefined;
  const min = typeof t.tlsVersionMin === 'number' ? t.tlsVersionMin >>> 0 : 0;
  const max = typeof t.tlsVersionMax === 'number' ? t.tlsVersionMax >>> 0 : 0;
  return min >= 4 && max <= 7 && min <= max ? [min, max] : undefined;
}

function ciphersOf(v: unknown): string[] {
  const suites = obj(v)?.cipherSuites;
  return Array.isArray(suites) ? (suites as unknown[]).filter((s): s is string => typeof s === 'string') : [];
}

/** sniHostName: trailing dot removed, 1..255 characters, else unset. */
function sniOf(v: unknown): string | undefined {
  const name = str(v).replace(/\.$/, '');
  return name.length >= 1 && name.length <= 255 ? name : undefined;
}

function tlsPlanOf(o: Bag): TlsPlan | undefined {
  if (!TLS_KEYS.some((k) => k in o)) return undefined;
  const caPath = str(o.caPath) === '' ? undefined : str(o.caPath);
  const caDataText = str(o.caData);
  const caData = caPath === undefined && caDataText !== '' && caDataText.length < CA_DATA_MAX ? caDataText : undefined;
  const rv = o.remoteValidation;
  const validation: TlsPlan['validation'] =
    rv === 'skip' ? 'skip' : typeof rv === 'function' ? (rv as ValidationCallback) : 'system';
  const versions = versionsOf(o.tlsOptions);
  const cipherSuites = versions === undefined ? [] : ciphersOf(o.tlsOptions);
  const plan = {
    caPath,
    caData,
    clientCert: clientCertOf(o.clientCert),
    pins: pinsOf(o.certificatePinning),
    validation,
    versions,
    cipherSuites,
    sni: sniOf(o.sniHostName),
    partialChain: typeof o.enablePartialChain === 'boolean' ? o.enablePartialChain : true,
    tlcp: o.sslType === 'TLCP',
  };
  const key = JSON.stringify([
    caPath, caData, plan.clientCert, plan.pins, typeof validation === 'function' ? 'callback' : validation,
    versions, cipherSuites, plan.sni, plan.partialChain, plan.tlcp,
  ]);
  return { key, ...plan };
}

// ---- DNS, connections, authentication ---------------------------------------------------------------

const FAMILIES: Readonly<Record<string, 4 | 6>> = {
  ONLY_V4: 4, CURL_IPRESOLVE_V4: 4, ONLY_V6: 6, CURL_IPRESOLVE_V6: 6,
};

function dnsPlanOf(o: Bag): DnsPlan | undefined {
  const family = typeof o.addressFamily === 'string' ? (FAMILIES[o.addressFamily] ?? 0) : 0;
  // The first three entries that are IP literals ("8.8.8.8:53" is not one), as the device validates them.
  const servers = Array.isArray(o.dnsServers)
    ? (o.dnsServers as unknown[]).filter((s): s is string => typeof s === 'string' && isIP(s) !== 0).slice(0, 3)
    : [];
  const doh = str(o.dnsOverHttps) === '' ? undefined : str(o.dnsOverHttps);
  if (family === 0 && servers.length === 0 && doh === undefined) return undefined;
  return { family, servers, doh };
}

function authPlanOf(v: unknown): AuthPlan | undefined {
  const a = obj(v);
  const cred = obj(a?.credential);
  if (a === undefined || cred === undefined) return undefined;
  const username = str(cred.username);
  if (username === '') return undefined;
  const t = a.authenticationType;
  const type = t === 'basic' || t === 'digest' || t === 'ntlm' ? t : undefined;
  return { username, password: str(cred.password), type };
}

/**
 * inactivityMs > 0 → curl's MAXAGE_CONN = floor(ms / 1000) s. curl reuses a connection while its idle time in
 * whole seconds does not exceed that, i.e. while idle < (N + 1) s: that is the pool's keep-alive time.
 */
function keepAliveOf(v: unknown): number | undefined {
  if (typeof v !== 'number' || !(v > 0)) return undefined;
  return (Math.floor(Math.min(v, 2 ** 31) / 1000) + 1) * 1000;
}

/** Plans of transport options made only of primitive values, by those values: apps repeat the same few sets. */
const memo = new Map<string, TransportPlan>();
const MEMO_MAX = 64;
/** The plans in the memo: only these come back, so only these are worth remembering things on (their pools). */
const shared = new WeakSet<TransportPlan>();

/** Whether `plan` is shared by every request that brings the same option values. */
export function isSharedPlan(plan: TransportPlan): boolean {
  return shared.has(plan);
}

/** The values and plan of the last primitive set: a repeat skips building and hashing its signature. */
let last: { readonly values: readonly unknown[]; readonly plan: TransportPlan } | undefined;

/** The transport part of a request's options; undefined when none is present. */
export function transportPlanOf(options: HttpRequestOptions): TransportPlan | undefined {
  if (!hasTransportOptions(options)) return undefined;
  const o = options as unknown as Bag;
  const values = transportValues(o);
  if (last !== undefined && sameValues(last.values, values)) return last.plan;
  const sig = signatureOf(values);
  if (sig === undefined) return freshTransportPlan(o);
  let plan = memo.get(sig);
  if (plan === undefined) {
    plan = freshTransportPlan(o);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(sig, plan);
    shared.add(plan);
  }
  last = { values, plan };
  return plan;
}

function freshTransportPlan(o: Bag): TransportPlan {
  const tls = tlsPlanOf(o);
  const dns = dnsPlanOf(o);
  const reuse = typeof o.reuseConnections === 'boolean' ? o.reuseConnections : true;
  const keepAlive = keepAliveOf(o.inactivityMs);
  const parts: string[] = [];
  if (tls !== undefined) parts.push(`tls${tls.key}`);
  if (dns !== undefined) parts.push(`dns${JSON.stringify(dns)}`);
  if (!reuse) parts.push('fresh');
  if (keepAlive !== undefined) parts.push(`idle${keepAlive}`);
  // Frozen: a memoised plan is shared by every request that brought the same options.
  return Object.freeze({
    key: parts.join('|'),
    proxy: proxyChoiceOf(o),
    tls: tls === undefined ? undefined : Object.freeze(tls),
    dns: dns === undefined ? undefined : Object.freeze(dns),
    reuse,
    keepAlive,
    auth: authPlanOf(o.serverAuthentication),
  });
}
