// RFC 9111 §4.1: a stored response answers only a request whose headers named by its Vary field match
// those of the request that fetched it. Compared against the headers as sent (the jar's cookies and the
// headers the transfer adds included), after combining and trimming.
import type { HeaderObject } from '../response/headers.js';

/** The varied request headers of a stored response: lowercase name → value sent, or null when not sent. */
export type VaryValues = Readonly<Record<string, string | null>>;

/** The lowercase names in a response's Vary field(s); `'*'` when it holds `*`; undefined when it has none. */
export function varyNames(header: Readonly<HeaderObject>): readonly string[] | '*' | undefined {
  let raw: string | string[] | undefined;
  for (const name of Object.keys(header)) if (name.toLowerCase() === 'vary') raw = header[name];
  if (raw === undefined) return undefined;
  const names = (Array.isArray(raw) ? raw.join(',') : raw).split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  if (names.includes('*')) return '*';
  return names.length === 0 ? undefined : names;
}

function sentValue(sent: Readonly<Record<string, string>>, name: string): string | null {
  for (const key of Object.keys(sent)) if (key.toLowerCase() === name) return (sent[key] as string).trim().replace(/\s*,\s*/g, ', ');
  return null;
}

/** What a stored response must remember of the request that fetched it. */
export function varyValues(names: readonly string[], sent: Readonly<Record<string, string>>): VaryValues {
  const values: Record<string, string | null> = {};
  for (const name of names) Object.defineProperty(values, name, { value: sentValue(sent, name), enumerable: true });
  return values;
}

/** Whether a request with these headers (as they would be sent) may be answered by the stored response. */
export function varyMatches(stored: VaryValues | undefined, sent: Readonly<Record<string, string>>): boolean {
  if (stored === undefined) return true;
  for (const name of Object.keys(stored)) if (stored[name] !== sentValue(sent, name)) return false;
  return true;
}
