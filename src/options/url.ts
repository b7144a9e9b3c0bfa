import { CodedFailure } from '../errors/business-error.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** Characters curl refuses in a URL (it does not escape them for you). */
const BAD_CHARS = /[\0-\x20\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/;

export interface TargetUrl {
  readonly href: string;
  readonly origin: string;
  readonly path: string;
  readonly hostname: string;
  readonly secure: boolean;
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
  return Object.freeze({
    href: url.href,
    origin: url.origin,
    path: requestTarget(text),
    hostname: url.hostname,
    secure: url.protocol === 'https:',
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
