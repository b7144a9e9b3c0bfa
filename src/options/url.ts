import { CodedFailure } from '../errors/business-error.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** Characters curl refuses in a URL (it does not escape them for you). */
const BAD_CHARS = /[\0-\x20\x7f]/;

export interface TargetUrl {
  readonly href: string;
  readonly origin: string;
  readonly path: string;
  readonly hostname: string;
  readonly secure: boolean;
}

/** Curl's view of a URL string: no scheme → http://; only http(s) is supported; malformed → 3. */
export function parseTarget(raw: string): TargetUrl {
  if (raw === '') throw new CodedFailure('empty URL', { curl: 3 });
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  const text = scheme === undefined ? `http://${raw}` : raw;
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new CodedFailure(`unsupported scheme ${scheme}`, { curl: 1 });
  }
  if (BAD_CHARS.test(text)) throw new CodedFailure('URL contains whitespace or control characters', { curl: 3 });
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new CodedFailure('malformed URL', { curl: 3 }, cause);
  }
  if (url.hostname === '') throw new CodedFailure('URL has no host', { curl: 3 });
  return {
    href: url.href,
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    hostname: url.hostname,
    secure: url.protocol === 'https:',
  };
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
