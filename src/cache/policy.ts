/**
 * When a response may be stored, and whether a stored one may be served: the device's strategy
 * (spec §4, an RFC 7234 port) over RFC 9111 freshness. Pure functions of headers and times (ms).
 */

/** Request headers (lowercase names) or a response header object (lowercase names, set-cookie array). */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What a stored response needs for a decision. */
export interface Stored {
  readonly status: number;
  readonly header: HeaderMap;
  /** When the request that produced it was sent (epoch ms). */
  readonly requestTime: number;
  /** When its headers arrived (epoch ms). */
  readonly responseTime: number;
}

export type Decision =
  /** Serve the stored response without network; `warnings` become its `Warning` header. */
  | { readonly kind: 'fresh'; readonly warnings: readonly string[] }
  /** Go to the network with these extra request headers (empty: an unconditional request); a 304 validates the entry. */
  | { readonly kind: 'stale'; readonly conditional: Readonly<Record<string, string>> }
  /** Go to the network as if nothing were stored. */
  | { readonly kind: 'network' };

const CACHEABLE_STATUS = new Set([200, 203, 204, 300, 301, 404, 405, 410, 414, 501]);
const DAY = 86_400_000;
export const WARNING_STALE = '110 "Response is STALE"';
export const WARNING_HEURISTIC = '113 "Heuristic expiration"';

function field(headers: HeaderMap, name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : v.join(', ');
}

/**
 * `Cache-Control` directives: lowercase name → value ('' when bare), first occurrence wins.
 * The device splits on `", "` exactly; any comma with optional whitespace is accepted here.
 */
export function parseCacheControl(value: string | undefined): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name === '' || out.has(name)) continue;
    let arg = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (arg.length >= 2 && arg.startsWith('"') && arg.endsWith('"')) arg = arg.slice(1, -1);
    out.set(name, arg);
  }
  return out;
}

/** A delta-seconds directive in ms; `undefined` when absent or not a number. A bare `max-stale` means any staleness. */
function deltaMs(cc: ReadonlyMap<string, string>, name: string): number | undefined {
  const v = cc.get(name);
  if (v === undefined) return undefined;
  if (v === '' && name === 'max-stale') return Infinity;
  if (!/^\d+$/.test(v)) return undefined;
  return Number(v) * 1000;
}

function dateMs(headers: HeaderMap, name: string): number | undefined {
  const v = field(headers, name);
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** The device's method rule for both paths: GET, HEAD, or any method carrying a `Range` header. */
export function methodUsesCache(method: string, requestHeaders: HeaderMap): boolean {
  return method === 'GET' || method === 'HEAD' || requestHeaders.range !== undefined;
}

function storable(status: number, req: ReadonlyMap<string, string>, res: ReadonlyMap<string, string>, responseHeaders: HeaderMap): boolean {
  if (res.has('no-store') || req.has('no-store')) return false;
  if (CACHEABLE_STATUS.has(status)) return true;
  if (status !== 302) return false;
  return responseHeaders.expires !== undefined || res.has('max-age') || res.has('public') || res.has('private');
}

/** Whether a response may be stored (and, once stored, served): status list, 302 with explicit freshness, never `no-store`. */
export function isStorable(status: number, requestHeaders: HeaderMap, responseHeaders: HeaderMap): boolean {
  const req = parseCacheControl(field(requestHeaders, 'cache-control'));
  return storable(status, req, parseCacheControl(field(responseHeaders, 'cache-control')), responseHeaders);
}

export interface Freshness {
  /** Freshness lifetime (ms) after capping by the request's `max-age`. */
  readonly lifetime: number;
  /** Current age (ms). */
  readonly age: number;
  /** The lifetime came from the Last-Modified heuristic. */
  readonly heuristic: boolean;
}

/** RFC 9111 §4.2: freshness lifetime and current age of a stored response at `now`. */
export function freshness(
  stored: Stored,
  request: ReadonlyMap<string, string>,
  now: number,
  cc: ReadonlyMap<string, string> = parseCacheControl(field(stored.header, 'cache-control')),
): Freshness {
  const h = stored.header;
  const date = dateMs(h, 'date');
  let heuristic = false;
  let lifetime = deltaMs(cc, 's-maxage') ?? deltaMs(cc, 'max-age');
  if (lifetime === undefined && h.expires !== undefined) {
    // An Expires that is not a date means "already expired" (RFC 9111 §5.3).
    const expires = dateMs(h, 'expires');
    lifetime = expires === undefined ? 0 : Math.max(0, expires - (date ?? stored.responseTime));
  }
  if (lifetime === undefined) {
    const lastModified = dateMs(h, 'last-modified');
    const served = date ?? stored.requestTime;
    if (lastModified !== undefined && served > lastModified) {
      lifetime = (served - lastModified) / 10;
      heuristic = true;
    }
  }
  lifetime ??= 0;
  const requestMaxAge = deltaMs(request, 'max-age');
  if (requestMaxAge !== undefined) lifetime = Math.min(lifetime, requestMaxAge);

  const ageHeader = field(h, 'age');
  const ageValue = ageHeader !== undefined && /^\d+$/.test(ageHeader.trim()) ? Number(ageHeader.trim()) * 1000 : 0;
  const apparent = date === undefined ? 0 : Math.max(0, stored.responseTime - date);
  const corrected = ageValue + Math.max(0, stored.responseTime - stored.requestTime);
  const age = Math.max(apparent, corrected) + Math.max(0, now - stored.responseTime);
  return { lifetime, age, heuristic };
}

/** The validators a stale entry is revalidated with (device step 7): ETag, else Last-Modified, else Date. */
export function conditionalHeaders(header: HeaderMap): Record<string, string> {
  const etag = field(header, 'etag');
  if (etag !== undefined) return { 'if-none-match': etag };
  const since = field(header, 'last-modified') ?? field(header, 'date');
  return since === undefined ? {} : { 'if-modified-since': since };
}

/** The device's strategy, steps 1–7 of spec §4, for a request that found `stored` under its key. */
export function decide(requestHeaders: HeaderMap, stored: Stored, now: number): Decision {
  const req = parseCacheControl(field(requestHeaders, 'cache-control'));
  if (req.has('no-cache')) return { kind: 'network' };
  const res = parseCacheControl(field(stored.header, 'cache-control'));
  if (res.has('no-cache')) return { kind: 'stale', conditional: {} };
  if (req.has('only-if-cached')) return { kind: 'fresh', warnings: [] };
  if (!storable(stored.status, req, res, stored.header)) return { kind: 'network' };
  if (requestHeaders['if-none-match'] !== undefined || requestHeaders['if-modified-since'] !== undefined) {
    return { kind: 'network' };
  }
  const { lifetime, age, heuristic } = freshness(stored, req, now, res);
  const minFresh = deltaMs(req, 'min-fresh') ?? 0;
  const maxStale = res.has('must-revalidate') ? 0 : (deltaMs(req, 'max-stale') ?? 0);
  if (age + minFresh < lifetime + maxStale) {
    const warnings: string[] = [];
    if (age + minFresh >= lifetime) warnings.push(WARNING_STALE);
    if (heuristic && age > DAY) warnings.push(WARNING_HEURISTIC);
    return { kind: 'fresh', warnings };
  }
  return { kind: 'stale', conditional: conditionalHeaders(stored.header) };
}
