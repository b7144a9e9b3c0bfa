import { isIP } from 'node:net';
import { CookieJar, MemoryCookieStore, type Cookie } from 'tough-cookie';

/** A cookie jar as curl's in-memory cookie engine keeps it: fresh per request unless auto-cookie shares one. */
export class Jar {
  readonly #store = new MemoryCookieStore();
  readonly #jar = new CookieJar(this.#store);

  /** Stores the `Set-Cookie` lines a response at `url` sent; bad lines are ignored, as curl ignores them. */
  accept(setCookie: readonly string[], url: string): void {
    for (const line of setCookie) this.#jar.setCookieSync(line, url, { ignoreError: true });
  }

  /** The `Cookie` header value for a request to `url`, or '' when nothing matches. */
  cookieHeader(url: string): string {
    return this.#jar.getCookieStringSync(url);
  }

  /** Every cookie, as lines of a Netscape cookie file joined with CRLF (curl's COOKIELIST). */
  netscape(): string {
    let all: Cookie[] = [];
    // MemoryCookieStore is synchronous: the callback runs before getAllCookies returns.
    this.#store.getAllCookies((err, cookies) => {
      if (err === null && cookies !== undefined) all = cookies;
    });
    return all.map(netscapeLine).join('\r\n');
  }
}

function netscapeLine(c: Cookie): string {
  const domain = c.domain ?? 'unknown';
  // curl never tail-matches an IP address, even when a Domain attribute named it.
  const tailmatch = c.hostOnly !== true && isIP(domain) === 0;
  const expiry = c.expiryTime();
  const expires = expiry === undefined || !Number.isFinite(expiry) ? 0 : Math.floor(expiry / 1000);
  return [
    `${c.httpOnly ? '#HttpOnly_' : ''}${tailmatch && !domain.startsWith('.') ? '.' : ''}${domain}`,
    tailmatch ? 'TRUE' : 'FALSE',
    c.path ?? '/',
    c.secure ? 'TRUE' : 'FALSE',
    String(expires),
    c.key,
    c.value,
  ].join('\t');
}
