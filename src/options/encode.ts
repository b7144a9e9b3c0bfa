/** Percent-encoding as the device does it: unreserved characters stay, every other UTF-8 byte → %XX. */
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e
  );
}

export function percentEncode(text: string): string {
  if (UNRESERVED.test(text)) return text;
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${HEX[byte >> 4] ?? ''}${HEX[byte & 15] ?? ''}`;
  }
  return out;
}

/** Query text built from name/value pairs; `changed` reports whether encoding altered anything. */
export class QueryBuilder {
  #parts: string[] = [];
  changed = false;

  add(name: string, value: string | undefined): void {
    const n = percentEncode(name);
    if (n !== name) this.changed = true;
    if (value === undefined) {
      this.#parts.push(n);
      return;
    }
    const v = percentEncode(value);
    if (v !== value) this.changed = true;
    this.#parts.push(`${n}=${v}`);
  }

  toString(): string {
    return this.#parts.join('&');
  }
}

/**
 * Joins extra query text onto a URL the device's way: split at the first `?`; an existing query
 * gets `&` + extra even when extra is empty; a bare trailing `?` disappears. Fragments are not special.
 */
export function joinQuery(url: string, extra: string): string {
  const at = url.indexOf('?');
  const base = at < 0 ? url : url.slice(0, at);
  const query = at < 0 ? '' : url.slice(at + 1);
  const joined = query === '' ? extra : `${query}&${extra}`;
  return joined === '' ? base : `${base}?${joined}`;
}
