/**
 * The cache file: one header line `ohos-net-http-cache 2 <sha256 hex of the payload> <payload length>\n`,
 * then the payload: per entry, least recently used first, a 32-bit big-endian length and the entry's
 * JSON fields, then a 32-bit length and the raw body bytes. Written atomically (a private temp file,
 * fsync, rename); read all-or-nothing: a file whose magic, version, length, checksum, JSON or any
 * entry is wrong is treated as absent.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, fstatSync, renameSync, rmSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fromMeta, metaOf, ownBytes, type CacheEntry } from './entry.js';

export const FILE_NAME = 'http-cache.v1';
const MAGIC = 'ohos-net-http-cache';
/** 2: entries carry their Vary record (`v`); a version-1 file is ignored and replaced. */
const VERSION = 2;
/** Larger files are not ours (a full 10 MiB cache takes little more than 10 MiB). */
const MAX_FILE = 64 * 1024 * 1024;
const HEADER_MAX = 128;

export type Loaded =
  | { readonly state: 'missing' }
  | { readonly state: 'invalid' }
  | { readonly state: 'ok'; readonly entries: readonly [string, CacheEntry][] };

function readAll(file: string): Buffer | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE) return undefined;
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : undefined;
  } finally {
    closeSync(fd);
  }
}

/** The entries of a payload, or `undefined` at the first thing out of place. */
function entriesOf(payload: Buffer): [string, CacheEntry][] | undefined {
  const entries: [string, CacheEntry][] = [];
  let at = 0;
  const next = (): Buffer | undefined => {
    if (at + 4 > payload.length) return undefined;
    const length = payload.readUInt32BE(at);
    if (at + 4 + length > payload.length) return undefined;
    at += 4 + length;
    return payload.subarray(at - length, at);
  };
  while (at < payload.length) {
    const meta = next();
    const body = next();
    if (meta === undefined || body === undefined) return undefined;
    const entry = fromMeta(JSON.parse(meta.toString('utf8')), ownBytes(body));
    if (entry === undefined) return undefined;
    entries.push(entry);
  }
  return entries;
}

function parse(buf: Buffer): [string, CacheEntry][] | undefined {
  const nl = buf.indexOf(0x0a);
  if (nl < 0 || nl > HEADER_MAX) return undefined;
  const [magic, version, sum, length, ...rest] = buf.toString('latin1', 0, nl).split(' ');
  if (magic !== MAGIC || version !== String(VERSION) || rest.length > 0 || sum === undefined || length === undefined) return undefined;
  const payload = buf.subarray(nl + 1);
  if (String(payload.length) !== length) return undefined;
  if (createHash('sha256').update(payload).digest('hex') !== sum) return undefined;
  return entriesOf(payload);
}

/** Reads the cache file synchronously (the cache starts inside a synchronous call). Never throws. */
export function loadFile(file: string): Loaded {
  try {
    const buf = readAll(file);
    const entries = buf === undefined ? undefined : parse(buf);
    return entries === undefined ? { state: 'invalid' } : { state: 'ok', entries };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'invalid' };
  }
}

/** The file's bytes for these entries (least recently used first). */
export function encodeFile(entries: Iterable<[string, CacheEntry]>): Buffer {
  const parts: Buffer[] = [];
  for (const [key, entry] of entries) {
    if (entry.volatile) continue;
    const meta = Buffer.from(JSON.stringify(metaOf(key, entry)), 'utf8');
    const metaLength = Buffer.allocUnsafe(4);
    metaLength.writeUInt32BE(meta.length);
    const bodyLength = Buffer.allocUnsafe(4);
    bodyLength.writeUInt32BE(entry.body.length);
    parts.push(metaLength, meta, bodyLength, entry.body);
  }
  const payload = Buffer.concat(parts);
  const sum = createHash('sha256').update(payload).digest('hex');
  return Buffer.concat([Buffer.from(`${MAGIC} ${VERSION} ${sum} ${payload.length}\n`, 'latin1'), payload]);
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Writes `data` to `file` atomically, mode 0600. `commit()` is asked right before the rename: when it
 * answers false (the cache was deleted meanwhile) the temp file is removed instead.
 */
export async function writeFileAtomic(file: string, data: Buffer, commit: () => boolean): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = tempName(file);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    // Synchronous, so that nothing (a delete()) can run between the check and the rename.
    if (commit()) renameSync(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files left by processes that died mid-write (their pid is in the name). */
export function removeOrphans(file: string): void {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    try {
      rmSync(join(dirname(file), name), { force: true });
    } catch {
      // Someone else's file after all: leave it.
    }
  }
}

/** Deletes the cache file. Never throws. */
export function removeFile(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // A directory in its place, or no permission: nothing we may delete.
  }
}
