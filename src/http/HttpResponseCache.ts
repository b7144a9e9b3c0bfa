import type { HttpResponseCache } from '../api/types.js';
import { readCall, settleLater } from './call.js';
import { notImplemented } from './HttpRequest.js';

/** Placeholder until the response cache lands: both operations fail loudly with 2300999. */
class PendingResponseCache {
  flush(...args: unknown[]): Promise<void> | undefined {
    return settleLater(readCall<undefined>(['', ...args]).callback, notImplemented('HttpResponseCache.flush'));
  }

  delete(...args: unknown[]): Promise<void> | undefined {
    return settleLater(readCall<undefined>(['', ...args]).callback, notImplemented('HttpResponseCache.delete'));
  }
}

/** Starts (or returns a handle to) the process-wide response cache. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the size matters once the cache exists
export function createHttpResponseCache(cacheSize?: number): HttpResponseCache {
  return new PendingResponseCache() as unknown as HttpResponseCache;
}
