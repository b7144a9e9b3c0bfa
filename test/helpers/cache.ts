// Shared by the cache test files: a running cache in a fresh directory, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';

/** Runs `fn` with a running cache persisted in a fresh (or the given) directory; deletes both afterwards. */
export async function withCache(
  fn: (cache: http.HttpResponseCache, dir: string) => Promise<void>,
  size?: number,
  dir?: string,
): Promise<void> {
  const cacheDir = dir ?? (await mkdtemp(join(tmpdir(), 'ohos-cache-')));
  configure({ cacheDir });
  const cache = size === undefined ? http.createHttpResponseCache() : http.createHttpResponseCache(size);
  try {
    await fn(cache, cacheDir);
  } finally {
    await cache.delete();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** Whether a response was answered from the cache. */
export const isCacheHit = (res: http.HttpResponse): boolean | undefined => res.connectionExtraInfo?.isCacheHit;
