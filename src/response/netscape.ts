/** One cookie as a line of curl's Netscape cookie file (the device's `cookies` text, and `ohos-http -c`). */
import { isIP } from 'node:net';
import type { Cookie } from 'tough-cookie';

/** curl's prefix for an HttpOnly cookie, in a field that is otherwise the domain. */
export const HTTP_ONLY_PREFIX = '#HttpOnly_';

export function netscapeLine(c: Cookie): string {
  const domain = c.domain ?? 'unknown';
  // curl never tail-matches an IP address, even when a Domain attribute named it.
  const tailmatch = c.hostOnly !== true && isIP(domain) === 0;
  const expiry = c.expiryTime();
  const expires = expiry === undefined || !Number.isFinite(expiry) ? 0 : Math.floor(expiry / 1000);
  return [
    `${c.httpOnly ? HTTP_ONLY_PREFIX : ''}${tailmatch && !domain.startsWith('.') ? '.' : ''}${domain}`,
    tailmatch ? 'TRUE' : 'FALSE',
    c.path ?? '/',
    c.secure ? 'TRUE' : 'FALSE',
    String(expires),
    c.key,
    c.value,
  ].join('\t');
}
