import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { MultiFormData } from '../api/types.js';
import { bodyBytes } from './payload.js';

/** A multipart body in pieces: bytes held in memory, and files read from disk only while sending. */
export interface MultipartSpec {
  readonly contentType: string;
  readonly pieces: readonly (Buffer | { readonly path: string })[];
}

/** curl's escaping of form-data names and file names: the three characters that could end the quoted value or the header line. */
function escapeQuoted(text: string): string {
  return text.replace(/["\r\n]/g, (c) => (c === '"' ? '%22' : c === '\r' ? '%0D' : '%0A'));
}

function partHead(boundary: string, name: string, filename: string | undefined, type: string | undefined): Buffer {
  let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"`;
  if (filename !== undefined) head += `; filename="${escapeQuoted(filename)}"`;
  head += '\r\n';
  if (type !== undefined && type !== '') head += `Content-Type: ${type}\r\n`;
  return Buffer.from(`${head}\r\n`, 'utf8');
}

/** Whether `list` would be sent (see multipartOf) with a content type that would end its header line: refused with 401. */
export function multipartTypeForged(list: unknown, headers: Readonly<Record<string, string>>): boolean {
  if (!Array.isArray(list) || headers['content-type']?.toLowerCase() !== 'multipart/form-data') return false;
  return (list as unknown[]).some((item) => {
    const type = typeof item === 'object' && item !== null ? (item as { contentType?: unknown }).contentType : undefined;
    return typeof type === 'string' && /[\r\n]/.test(type);
  });
}

/**
 * The `multiFormDataList` body, used only when the request content type is exactly
 * `multipart/form-data` (a value that already carries a boundary disables it, as on the device).
 * Items without a name, or without data and file path, are skipped; `data` wins over `filePath`.
 * Same layout as curl's MIME posts.
 */
export function multipartOf(list: unknown, headers: Readonly<Record<string, string>>): MultipartSpec | null {
  if (!Array.isArray(list) || headers['content-type']?.toLowerCase() !== 'multipart/form-data') return null;
  const boundary = `------------------------${randomBytes(8).toString('hex')}`;
  const pieces: (Buffer | { path: string })[] = [];
  for (const raw of list as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const item = raw as Partial<Record<keyof MultiFormData, unknown>>;
    if (typeof item.name !== 'string' || item.name === '') continue;
    const type = typeof item.contentType === 'string' ? item.contentType : undefined;
    const remote = typeof item.remoteFileName === 'string' && item.remoteFileName !== '' ? item.remoteFileName : undefined;
    const data = item.data === undefined || item.data === null ? null : bodyBytes(item.data);
    if (data !== null) {
      pieces.push(partHead(boundary, item.name, remote, type), data, Buffer.from('\r\n'));
    } else if (typeof item.filePath === 'string' && item.filePath !== '') {
      const head = partHead(boundary, item.name, remote ?? basename(item.filePath), type === '' ? undefined : type ?? 'application/octet-stream');
      pieces.push(head, { path: item.filePath }, Buffer.from('\r\n'));
    }
  }
  if (pieces.length === 0) return null;
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, pieces };
}
