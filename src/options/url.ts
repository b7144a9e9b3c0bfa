import { CodedFailure } from '../errors/business-error.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** Characters curl refuses in a URL (it does not escape them for you). */
const BAD_CHARS = /[\0-\x20\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/;
/** Characters curl refuses in a host name that WHATWG URL lets through. */
const BAD_HOST_CHARS = /[!{}*=$,;'"`+&()]/;

export interface TargetUrl {
  readonly href: string;
  readonly origin: string;
  readonly path: string;
  readonly hostname: string;
  readonly secure: boolean;
  /** `user:password` from the URL, percent-decoded as curl sends them (Basic); undefined when the URL has none. */
  readonly credentials?: string | undefined;
}

/** curl's URL decoding of user and password: `%XX` escapes become bytes, read as UTF-8. */
function decodeUserinfo(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** RFC 3986 remove_dot_segments on literal `.`/`..` segments only, as curl does (`%2e` stays). */
function removeDotSegments(path: string): string {
  if (!path.includes('/.')) return path;
  const segments = path.split('/').slice(1);
  const out: string[] = [];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop();
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  });
  return `/${out.join('/')}`;
}

/**
 * The request target curl sends for a URL: path and query exactly as written (no percent-encoding
 * of `'`, `"`, `<`, `>` or non-ASCII, unlike WHATWG URL), dot segments removed from the path, the
 * fragment dropped, an empty path sent as `/`. Non-ASCII goes out as UTF-8 bytes (latin1 text for the socket).
 */
function requestTarget(text: string): string {
  let rest = text.slice(text.indexOf('://') + 3);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const start = rest.search(/[/?]/);
  const tail = start < 0 ? '' : rest.slice(start);
  const q = tail.indexOf('?');
  const path = q < 0 ? tail : tail.slice(0, q);
  const target = removeDotSegments(path === '' ? '/' : path) + (q < 0 ? '' : tail.slice(q));
  return NON_ASCII.test(target) ? Buffer.from(target, 'utf8').toString('latin1') : target;
}

// Apps call the same few URLs again and again: remember the parsed form of recent ones.
const recent = new Map<string, TargetUrl>();
const RECENT_MAX = 256;

/** Curl's view of a URL string: no scheme → http://; only http(s) is supported; malformed → 3. */
export function parseTarget(raw: string): TargetUrl {
  const known = recent.get(raw);
  if (known !== undefined) return known;
  const target = parseFresh(raw);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(raw, target);
  return target;
}

function parseFresh(raw: string): TargetUrl {
  if (raw === '') throw new CodedFailure('empty URL', { curl: 3 });
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  const text = scheme === undefined ? `http://${raw}` : raw;
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new CodedFailure(`unsupported scheme ${scheme}`, { curl: 1 });
  }
  // `ht!tp://x`: something before `://` that is no scheme. curl does not guess http:// for it: a malformed URL.
  const sep = raw.indexOf('://');
  if (scheme === undefined && sep >= 0 && !/[/?#]/.test(raw.slice(0, sep))) throw new CodedFailure('malformed scheme', { curl: 3 });
  if (BAD_CHARS.test(text)) throw new CodedFailure('URL contains whitespace or control characters', { curl: 3 });
  // WHATWG reads `\` as `/`; curl takes it into the host name and refuses the URL.
  if (/^[^/?#]*\\/.test(text.slice(text.indexOf('://') + 3))) {
    throw new CodedFailure('backslash in the URL authority', { curl: 3 });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new CodedFailure('malformed URL', { curl: 3 }, cause);
  }
  if (url.hostname === '') throw new CodedFailure('URL has no host', { curl: 3 });
  if (BAD_HOST_CHARS.test(url.hostname)) throw new CodedFailure('URL host has characters curl refuses', { curl: 3 });
  return Object.freeze({
    href: url.href,
    origin: url.origin,
    path: requestTarget(text),
    hostname: url.hostname,
    secure: url.protocol === 'https:',
    credentials: url.username === '' && url.password === '' ? undefined : `${decodeUserinfo(url.username)}:${decodeUserinfo(url.password)}`,
  });
}

/** A redirect target, resolved against the URL that answered with `Location`. */
export function resolveLocation(location: string, base: string): TargetUrl {
  let href: string;
  try {
    href = new URL(location, base).href;
  } catch (cause) {
    throw new CodedFailure('malformed Location', { curl: 3 }, cause);
  }
  return parseTarget(href);
}
