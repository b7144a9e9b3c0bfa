/** The parsed command line as the device's HttpRequestOptions, with curl's defaults where the device's differ. */
import http, { type HttpRequestOptions } from '../index.js';
import type { CliArgs } from './args.js';

/** curl follows at most 50 redirects with -L; -1 means no limit. */
const CURL_MAX_REDIRS = 50;
const NO_LIMIT = 2147483647;

/** -A, -e, -u, -b and the -d content type first; -H after, so it wins (curl: custom headers replace its own). */
function headersOf(a: CliArgs, hasBody: boolean, cookie: string | undefined): Record<string, string> {
  const header = new Map<string, string>();
  if (a.userAgent !== undefined) header.set('user-agent', a.userAgent);
  if (a.referer !== undefined) header.set('referer', a.referer.replace(/;auto$/, ''));
  if (a.user !== undefined) {
    const colon = a.user.indexOf(':');
    const pair = colon < 0 ? `${a.user}:` : a.user;
    header.set('authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  }
  if (cookie !== undefined) header.set('cookie', cookie);
  if (hasBody) header.set('content-type', 'application/x-www-form-urlencoded');
  for (const h of a.headers) {
    const colon = h.indexOf(':');
    if (colon < 0) {
      // curl: "Name;" sends the header with no value; a line with neither is ignored.
      if (h.endsWith(';')) header.set(h.slice(0, -1).trim().toLowerCase(), '');
      continue;
    }
    const name = h.slice(0, colon).trim().toLowerCase();
    const value = h.slice(colon + 1).trim();
    // curl: "Name:" removes a header it would have added itself.
    if (value === '') header.delete(name);
    else header.set(name, value);
  }
  return Object.fromEntries(header);
}

export function requestOptions(a: CliArgs, body: Buffer | undefined, cookie: string | undefined): HttpRequestOptions {
  const o: HttpRequestOptions = {};
  const method = a.method ?? (a.head ? 'HEAD' : body !== undefined ? 'POST' : undefined);
  // Any method text goes through, as with curl -X (the device sends the string it is given).
  if (method !== undefined) (o as { method?: string }).method = method;
  if (body !== undefined) o.body = new Uint8Array(body).buffer;
  const header = headersOf(a, body !== undefined, cookie);
  // Without any header the device adds no Content-Type of its own, so none is sent (as curl).
  if (Object.keys(header).length > 0) o.header = header;
  if (a.protocol === 'http1.1') o.usingProtocol = http.HttpProtocol.HTTP1_1;
  if (a.protocol === 'http2') o.usingProtocol = http.HttpProtocol.HTTP2;
  // The whole text goes in `host`: its scheme picks the kind of proxy (http, https, socks5, socks5h), as in curl.
  if (a.proxy !== undefined) o.usingProxy = { host: a.proxy, port: 0, exclusionList: [] };
  if (a.cacert !== undefined) o.caPath = a.cacert;
  if (a.insecure) o.remoteValidation = 'skip';
  // curl has no overall time limit unless -m is given; the device's default is 60 s.
  o.readTimeout = a.maxTime === undefined ? 0 : Math.max(1, Math.round(a.maxTime * 1000));
  if (a.maxTime === 0) o.readTimeout = 0;
  // 0 selects curl's own 300 s connect timeout.
  o.connectTimeout = a.connectTimeout === undefined ? 0 : Math.max(1, Math.round(a.connectTimeout * 1000));
  const redirs = a.maxRedirs ?? CURL_MAX_REDIRS;
  // Without -L a redirect ends the transfer (reported as 2300047 and read as the answer by the caller).
  o.maxRedirects = a.location ? (redirs < 0 ? NO_LIMIT : redirs) : 0;
  return o;
}
