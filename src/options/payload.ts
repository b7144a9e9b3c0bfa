import { QueryBuilder } from './encode.js';
import { cNumberText } from './numbers.js';

/** Result of turning a user value into request bytes: `null` means "the device rejects it" (401). */
export type Bytes = Buffer | null;

/**
 * Body bytes of a string / ArrayBuffer / object value, as the device converts `extraData` for
 * POST-like methods: strings as UTF-8, ArrayBuffers raw, any other object as JSON (typed arrays
 * are objects to the device, so they are JSON too). Empty strings and buffers, numbers,
 * booleans and objects JSON cannot represent are rejected.
 */
export function bodyBytes(value: unknown): Bytes {
  if (typeof value === 'string') return value === '' ? null : Buffer.from(value, 'utf8');
  if (value instanceof ArrayBuffer) return value.byteLength === 0 ? null : Buffer.from(value);
  if (typeof value === 'object' && value !== null) {
    try {
      const json = JSON.stringify(value) as string | undefined;
      return json === undefined || json === '' ? null : Buffer.from(json, 'utf8');
    } catch {
      // Cycles, BigInt, a throwing toJSON: the device cannot read such a value either.
      return null;
    }
  }
  return null;
}

/** Query text of GET-like `extraData`: strings verbatim; objects → encoded string-valued pairs only. */
export function extraDataQuery(value: unknown): { text: string; encoded: boolean } | undefined {
  if (typeof value === 'string') return { text: value, encoded: false };
  if (typeof value !== 'object' || value === null) return undefined;
  const q = new QueryBuilder();
  // for…in: the device walks own and inherited enumerable string keys.
  for (const name in value) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === 'string' && name !== '' && v !== '') q.add(name, v);
  }
  return { text: q.toString(), encoded: q.changed };
}

function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return cNumberText(value);
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  return '';
}

/** Query text of API 26 `queryParams`: arrays repeat the key, null/undefined give a bare key. */
export function queryParamsText(value: unknown): { text: string; encoded: boolean } | undefined {
  if (typeof value === 'string') return { text: value, encoded: false };
  if (typeof value !== 'object' || value === null) return undefined;
  const q = new QueryBuilder();
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (name === '') continue;
    if (Array.isArray(v)) for (const item of v) q.add(name, scalarText(item));
    else q.add(name, scalarText(v));
  }
  return { text: q.toString(), encoded: q.changed };
}
