/** Request header handling: the device lowercases names and converts values to text. */
import { cNumberText } from './numbers.js';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** CR/LF could smuggle a header or a request; other controls (tab aside) cannot go on the wire either. */
const UNSAFE_VALUE = /[\x01-\x08\x0a-\x1f\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/;
/**
 * Message framing and connection management belong to the transport (curl handles these itself
 * too): user values are left out rather than failing the request.
 */
const TRANSPORT_OWNED = new Set(['expect', 'transfer-encoding', 'keep-alive', 'upgrade']);

function valueText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'number') text = cNumberText(value);
  else text = '';
  // The device hands `name: value` to curl as a C string: a NUL ends the value.
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/**
 * Lowercased name → text value. Returns `null` when a header could smuggle a second header or
 * request (CR or LF, or any other control character but tab, or a name that is not an HTTP
 * token): such input is refused, never sent.
 */
export function userHeaders(header: object, into: Record<string, string>): Record<string, string> | null {
  for (const name in header) {
    const text = valueText((header as Record<string, unknown>)[name]);
    if (name === '') continue;
    if (!TOKEN.test(name) || UNSAFE_VALUE.test(text)) return null;
    const lower = name.toLowerCase();
    if (TRANSPORT_OWNED.has(lower)) continue;
    // The wire carries UTF-8 bytes, as curl sends them; the socket writes header text as latin1.
    into[lower] = NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
  }
  return into;
}
