/** Request header handling: the device lowercases names and converts values to text. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const UNSAFE_VALUE = /[\r\n\0]/;
const NON_ASCII = /[^\x00-\x7f]/;

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return BigInt(value).toString();
    return value.toFixed(6);
  }
  return '';
}

/**
 * Lowercased name → text value. Returns `null` when a header could smuggle a second header or
 * request (CR, LF or NUL, or a name that is not an HTTP token): such input is refused, never sent.
 */
export function userHeaders(header: object, into: Record<string, string>): Record<string, string> | null {
  for (const name in header) {
    const text = valueText((header as Record<string, unknown>)[name]);
    if (name === '') continue;
    if (!TOKEN.test(name) || UNSAFE_VALUE.test(text)) return null;
    // The wire carries UTF-8 bytes, as curl sends them; the socket writes header text as latin1.
    into[name.toLowerCase()] = NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
  }
  return into;
}
