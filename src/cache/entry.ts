import type { TlsVersion } from '../api/enums.js';
import type { CipherSuite, ConnectionExtraInfo } from '../api/types.js';
import type { HeaderObject } from '../response/headers.js';
import type { VaryValues } from './vary.js';

/** One stored response. Immutable: a refresh replaces the entry. */
export interface CacheEntry {
  readonly status: number;
  readonly header: Readonly<HeaderObject>;
  readonly body: Buffer;
  /** The `cookies` text of the response that was stored. */
  readonly cookies: string;
  /** When the request was sent and when its response headers arrived (epoch ms). */
  readonly requestTime: number;
  readonly responseTime: number;
  /** Connection details of the response that was stored (served again on hits, with isCacheHit). */
  readonly info: Readonly<ConnectionExtraInfo>;
  /** The request headers the response's Vary names, as the request that fetched it sent them. */
  readonly vary: VaryValues | undefined;
  /** Stored under a trust context only this process can recognise (a validation callback): never persisted. */
  readonly volatile: boolean;
  /** Bytes counted against the budget: body, header text and cookies. */
  readonly size: number;
}

export type EntryFields = Omit<CacheEntry, 'size'>;

/** A private copy of `bytes` in memory of its own (not a slice of Node's shared pool, a file buffer or the application's buffer). */
export function ownBytes(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

export function makeEntry(fields: EntryFields): CacheEntry {
  const size = fields.body.length + Buffer.byteLength(JSON.stringify(fields.header)) + Buffer.byteLength(fields.cookies);
  return Object.freeze({ ...fields, size });
}

/** The JSON part of an entry in the cache file (the body is stored next to it as raw bytes). */
interface EntryMeta {
  k: string;
  s: number;
  h: HeaderObject;
  c: string;
  q: number;
  r: number;
  i: ConnectionExtraInfo;
  v?: VaryValues;
}

export function metaOf(key: string, e: CacheEntry): EntryMeta {
  const meta: EntryMeta = { k: key, s: e.status, h: e.header, c: e.cookies, q: e.requestTime, r: e.responseTime, i: e.info };
  if (e.vary !== undefined) meta.v = e.vary;
  return meta;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isHeader(v: unknown): v is HeaderObject {
  if (!isObject(v)) return false;
  return Object.values(v).every((x) => isString(x) || (Array.isArray(x) && x.every(isString)));
}

/** The connection details of a record, rebuilt from the known fields only; `undefined` when malformed. */
function infoOf(v: unknown): ConnectionExtraInfo | undefined {
  if (!isObject(v)) return undefined;
  const { networkProtocolName, localAddress, remoteAddress, localPort, remotePort, isReusedConnection, isProxyConnection, redirectCount } = v;
  if (!isString(networkProtocolName) || !isString(localAddress) || !isString(remoteAddress)) return undefined;
  if (typeof localPort !== 'number' || typeof remotePort !== 'number' || typeof redirectCount !== 'number') return undefined;
  if (typeof isReusedConnection !== 'boolean' || typeof isProxyConnection !== 'boolean') return undefined;
  const info: ConnectionExtraInfo = {
    networkProtocolName, localAddress, remoteAddress, localPort, remotePort, isReusedConnection, isProxyConnection,
    isCacheHit: false, redirectCount,
  };
  if (typeof v.tlsVersion === 'number') info.tlsVersion = v.tlsVersion as TlsVersion;
  if (isString(v.cipherSuite)) info.cipherSuite = v.cipherSuite as CipherSuite;
  return info;
}

/** The Vary record of a file entry: absent, or names mapped to a string or null; `false` when malformed. */
function varyOf(v: unknown): VaryValues | undefined | false {
  if (v === undefined) return undefined;
  if (!isObject(v) || !Object.values(v).every((x) => x === null || isString(x))) return false;
  const values: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(v)) Object.defineProperty(values, name, { value, enumerable: true });
  return values;
}

/** An entry read back from the file (`body` must be its own copy), or `undefined` when `meta` is not what metaOf writes. */
export function fromMeta(meta: unknown, body: Buffer): [string, CacheEntry] | undefined {
  if (!isObject(meta)) return undefined;
  const { k, s, h, c, q, r, i, v } = meta;
  const vary = varyOf(v);
  if (vary === false) return undefined;
  if (!isString(k) || k === '' || typeof s !== 'number' || !Number.isInteger(s) || s < 100 || s > 999) return undefined;
  const info = infoOf(i);
  if (!isHeader(h) || !isString(c) || !isTime(q) || !isTime(r) || info === undefined) return undefined;
  const header: HeaderObject = {};
  // Rebuild with own, defined properties only (a "__proto__" key from JSON.parse stays a plain key).
  for (const [name, value] of Object.entries(h)) {
    Object.defineProperty(header, name, { value: Array.isArray(value) ? [...value] : value, enumerable: true, writable: true, configurable: true });
  }
  return [k, makeEntry({ status: s, header, body, cookies: c, requestTime: q, responseTime: r, info, vary, volatile: false })];
}
