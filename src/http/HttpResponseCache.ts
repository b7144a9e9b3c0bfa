import type { HttpResponseCache } from '../api/types.js';
import { budgetOf, responseCache } from '../cache/index.js';
import { requestError, type RequestError } from '../errors/business-error.js';
import { INTERNAL_ERROR } from '../errors/codes.js';
import { parameterError, settleLater, type Callback } from './call.js';

/** `()` → promise, `(callback)` → callback; anything else is a 401, delivered through a trailing function if there is one. */
function readCallback(args: readonly unknown[]): { callback: Callback<undefined> | undefined; invalid: boolean } {
  if (args.length === 0) return { callback: undefined, invalid: false };
  const last = args[args.length - 1];
  const callback = typeof last === 'function' ? (last as Callback<undefined>) : undefined;
  return { callback, invalid: args.length !== 1 || callback === undefined };
}

/** Delivers the outcome of `work` to the callback (outside the promise chain, so a throwing callback is not swallowed) or the promise. */
function settle(callback: Callback<undefined> | undefined, work: Promise<void>): Promise<void> | undefined {
  const outcome = work.then(
    () => undefined,
    (err: unknown): RequestError => requestError(INTERNAL_ERROR, err),
  );
  if (callback === undefined) {
    return outcome.then((err) => (err === undefined ? undefined : Promise.reject(err)));
  }
  void outcome.then((err) => {
    queueMicrotask(() => {
      callback(err, undefined);
    });
  });
  return undefined;
}

/** A handle on the process-wide cache; every handle drives the same cache. */
class ResponseCacheHandle {
  /** Writes the cache to its file now (nothing to do when the cache is off or unchanged). */
  flush(...args: unknown[]): Promise<void> | undefined {
    const { callback, invalid } = readCallback(args);
    if (invalid) return settleLater(callback, parameterError());
    return settle(callback, responseCache.flush());
  }

  /** Turns the cache off, forgets its entries and removes its file; `createHttpResponseCache` starts it again. */
  delete(...args: unknown[]): Promise<void> | undefined {
    const { callback, invalid } = readCallback(args);
    if (invalid) return settleLater(callback, parameterError());
    responseCache.delete();
    return settleLater(callback, undefined);
  }
}

/**
 * Starts the process-wide response cache with a budget of `cacheSize` bytes (default and maximum
 * 10 MiB, minimum 1 MiB; see docs/decisions.md) and returns a handle to it. While the cache runs,
 * later calls only return new handles.
 * @since 9
 */
export function createHttpResponseCache(...args: [cacheSize?: number]): HttpResponseCache {
  responseCache.start(budgetOf(args));
  return new ResponseCacheHandle() as unknown as HttpResponseCache;
}
