// Shared by the cache test files: a running cache in a fresh directory, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttp, type TestServer } from './servers.js';

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

/** A real server that counts the requests it sees per path+query, so a test can prove a cache hit stayed local. */
export interface CountingServer {
  readonly server: TestServer;
  /** Requests seen so far for `path` (path and query, as sent). */
  readonly count: (path: string) => number;
}

/** Starts a counting server; `respond` gets the request, the response and this path's request number (from 1). */
export async function startCounting(
  respond: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<CountingServer> {
  const hits = new Map<string, number>();
  const count = (path: string): number => hits.get(path) ?? 0;
  const server = await startHttp((req, res) => {
    const path = req.url ?? '/';
    const n = count(path) + 1;
    hits.set(path, n);
    respond(req, res, n);
  });
  return { server, count };
}

/** The cacheable routes shared by the file and process tests: `/big…` is 400 000 bytes, anything else `label #n`. */
export function cacheableRoute(maxAge: number, label: (path: string) => string) {
  return (req: IncomingMessage, res: ServerResponse, n: number): void => {
    const path = req.url ?? '/';
    res.writeHead(200, { 'cache-control': `max-age=${maxAge}`, 'content-type': 'text/plain' });
    res.end(path.startsWith('/big') ? Buffer.alloc(400_000, 0x61) : `${label(path)} #${n}`);
  };
}
