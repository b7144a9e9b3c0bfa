import type { Cookie, CookieJar, MemoryCookieStore } from 'tough-cookie';
import { loaded } from '../transport/deps.js';
import { netscapeLine } from './netscape.js';

/** A cookie jar as curl's in-memory cookie engine keeps it: fresh per request unless auto-cookie shares one. */
export class Jar {
  // Created on first use: tough-cookie is loaded with the transport, before any response arrives.
  #made: { store: MemoryCookieStore; jar: CookieJar } | undefined;

  get #parts(): { store: MemoryCookieStore; jar: CookieJar } {
    if (this.#made === undefined) {
      const { CookieJar: JarClass, MemoryCookieStore: StoreClass } = loaded().cookies;
      const store = new StoreClass();
      this.#made = { store, jar: new JarClass(store) };
    }
    return this.#made;
  }

  /** Stores the `Set-Cookie` lines a response at `url` sent; bad lines are ignored, as curl ignores them. */
  accept(setCookie: readonly string[], url: string): void {
    for (const line of setCookie) this.#parts.jar.setCookieSync(line, url, { ignoreError: true });
  }

  /** The `Cookie` header value for a request to `url`, or '' when nothing matches. */
  cookieHeader(url: string): string {
    return this.#made === undefined ? '' : this.#made.jar.getCookieStringSync(url);
  }

  /** Every cookie, as lines of a Netscape cookie file joined with CRLF (curl's COOKIELIST). */
  netscape(): string {
    let all: Cookie[] = [];
    if (this.#made === undefined) return '';
    // MemoryCookieStore is synchronous: the callback runs before getAllCookies returns.
    this.#made.store.getAllCookies((err, cookies) => {
      if (err === null && cookies !== undefined) all = cookies;
    });
    return all.map(netscapeLine).join('\r\n');
  }
}


/** `headers` plus the jar's cookies for `href`, as a hop sends them (the response cache predicts the first hop with it). */
export function withJarCookies(headers: Record<string, string>, jar: Jar | undefined, href: string): Record<string, string> {
  const cookies = jar?.cookieHeader(href);
  if (cookies === undefined || cookies === '') return headers;
  return { ...headers, cookie: headers.cookie === undefined ? cookies : `${headers.cookie}; ${cookies}` };
}
