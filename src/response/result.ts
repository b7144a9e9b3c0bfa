import type { HttpDataType } from '../api/enums.js';
import type { HeaderObject } from './headers.js';

/** The device's largest body it will parse for `expectDataType: OBJECT`. */
const OBJECT_LIMIT = 65536;

/** Body text as the device makes it: UTF-8 whatever the charset, cut at the first NUL. */
export function bodyText(body: Buffer): string {
  const nul = body.indexOf(0);
  return (nul < 0 ? body : body.subarray(0, nul)).toString('utf8');
}

export function toArrayBuffer(body: Buffer): ArrayBuffer {
  // A Buffer may be a view into a shared pool: copy out exactly its bytes.
  if (body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer) {
    return body.buffer;
  }
  const copy = new ArrayBuffer(body.byteLength);
  new Uint8Array(copy).set(body);
  return copy;
}

function byContentType(body: Buffer, header: HeaderObject): { result: string | ArrayBuffer; resultType: HttpDataType } {
  const type = header['content-type'];
  const ct = typeof type === 'string' ? type.toLowerCase() : '';
  if (ct.includes('application/octet-stream') || ct.includes('image')) return { result: toArrayBuffer(body), resultType: 2 };
  return { result: bodyText(body), resultType: 0 };
}

/**
 * `result` and `resultType`: `expectDataType` decides when set; OBJECT parses JSON (bodies over 64 KiB fall
 * back to the content-type rule, as on the device); otherwise image/octet-stream → ArrayBuffer, else string.
 */
export function typedResult(
  body: Buffer,
  header: HeaderObject,
  expect: 0 | 1 | 2 | undefined,
): { result: string | object | ArrayBuffer; resultType: HttpDataType } {
  if (expect === 0) return { result: bodyText(body), resultType: 0 };
  if (expect === 2) return { result: toArrayBuffer(body), resultType: 2 };
  if (expect === 1 && body.length <= OBJECT_LIMIT) {
    const text = bodyText(body);
    try {
      return { result: JSON.parse(text) as object, resultType: 1 };
    } catch {
      // Not JSON: hand back the text rather than the device's undefined result (documented).
      return { result: text, resultType: 0 };
    }
  }
  return byContentType(body, header);
}
