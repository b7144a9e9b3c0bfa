import { performance } from 'node:perf_hooks';
import type { HttpResponse } from '../api/types.js';
import { responseCache } from '../cache/index.js';
import { CodedFailure, requestError, thrownError, type RequestError } from '../errors/business-error.js';
import { INTERNAL_ERROR } from '../errors/codes.js';
import { deviceCodeOf, Phase } from '../errors/map.js';
import { normalize } from '../options/normalize.js';
import type { RequestPlan } from '../options/plan.js';
import { buildResponse } from '../response/build.js';
import { toArrayBuffer } from '../response/result.js';
import { Jar } from '../response/cookies.js';
import type { HeaderObject } from '../response/headers.js';
import { Transfer, type TransferFailure, type TransferObserver, type TransferResult } from '../transport/transfer.js';
import { readCall, settleLater, parameterError } from './call.js';
import { Listeners } from './events.js';
import { requestSync } from './sync.js';

function headerSnapshot(header: HeaderObject): HeaderObject {
  const copy = { ...header };
  const cookies = copy['set-cookie'];
  if (Array.isArray(cookies)) copy['set-cookie'] = [...cookies];
  return copy;
}

/** A feature declared by the API whose runtime is not built yet: it fails loudly, never silently. */
export function notImplemented(feature: string): RequestError {
  return requestError(INTERNAL_ERROR, new Error(`${feature} is not implemented in this version of ohos-net-http`));
}

/**
 * `http.createHttp()`'s object. Holds listeners, the destroyed flag and the optional auto-cookie
 * jar; each request runs as its own Transfer, so many may run at once on one object.
 */
export class HttpRequestObject {
  readonly #listeners = new Listeners();
  readonly #active = new Set<Transfer>();
  #destroyed = false;
  #jar: Jar | undefined;

  request(...args: unknown[]): Promise<HttpResponse> | undefined {
    return this.#call<HttpResponse>(args, false);
  }

  /** Like request(), but the body arrives through dataReceive events and the result is the status code. */
  requestInStream(...args: unknown[]): Promise<number> | undefined {
    return this.#call<number>(args, true);
  }

  requestSync(...args: unknown[]): HttpResponse {
    if (this.#destroyed) throw thrownError(INTERNAL_ERROR);
    return requestSync(args);
  }

  /** Cookies set by one request are sent by this object's later requests while enabled (API 26). */
  enableAutoCookie(enable: unknown): void {
    if (typeof enable !== 'boolean') return;
    if (!enable) this.#jar = undefined;
    else this.#jar ??= new Jar();
  }

  /** Later requests fail with 2300999; transfers still in flight fail with 2300023, finished ones succeed. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#jar = undefined;
    for (const t of this.#active) t.abort(new CodedFailure('HttpRequest destroyed', { curl: 23 }));
  }

  on(...args: unknown[]): void {
    this.#listeners.on(args);
  }

  once(...args: unknown[]): void {
    this.#listeners.once(args);
  }

  off(...args: unknown[]): void {
    this.#listeners.off(args);
  }

  #call<T extends HttpResponse | number>(args: readonly unknown[], stream: boolean): Promise<T> | undefined {
    const start = performance.now();
    const call = readCall<T>(args);
    if (call.invalid) return settleLater(call.callback, parameterError());
    if (this.#destroyed) return settleLater(call.callback, requestError(INTERNAL_ERROR));
    let plan: RequestPlan;
    try {
      plan = normalize(call.url, call.options);
    } catch (err) {
      return settleLater(call.callback, requestError(deviceCodeOf(err, Phase.BeforeResponse), err));
    }
    const callback = call.callback;
    if (callback !== undefined) {
      this.#run(plan, start, stream, (err, res) => {
        queueMicrotask(() => {
          callback(err, res as T | undefined);
        });
      });
      return undefined;
    }
    return new Promise<T>((resolve, reject) => {
      this.#run(plan, start, stream, (err, res) => {
        if (err === undefined) resolve(res as T);
        else reject(err);
      });
    });
  }

  #run(
    plan: RequestPlan,
    start: number,
    stream: boolean,
    done: (err: RequestError | undefined, res: HttpResponse | number | undefined) => void,
  ): void {
    // The response cache (request() only): a fresh hit answers here; otherwise it may add validators.
    const cache = stream ? undefined : responseCache.lookup(plan, start);
    if (cache?.hit !== undefined) {
      done(undefined, cache.hit);
      return;
    }
    const listeners = this.#listeners;
    const observer: TransferObserver = {
      onHeaders(header) {
        if (listeners.has('headersReceive') || listeners.has('headerReceive')) {
          const snapshot = headerSnapshot(header);
          listeners.emit('headersReceive', snapshot);
          listeners.emit('headerReceive', snapshot);
        }
      },
      onSendProgress: listeners.has('dataSendProgress')
        ? (sendSize, totalSize) => {
            listeners.emit('dataSendProgress', { sendSize, totalSize });
          }
        : undefined,
    };
    if (stream) {
      observer.onData = (chunk) => {
        if (listeners.has('dataReceive')) listeners.emit('dataReceive', toArrayBuffer(chunk));
      };
      observer.onReceiveProgress = (receiveSize, totalSize) => {
        listeners.emit('dataReceiveProgress', { receiveSize, totalSize });
      };
    }
    const transfer = new Transfer(
      cache?.plan ?? plan,
      observer,
      this.#jar,
      start,
      (result: TransferResult) => {
        this.#active.delete(transfer);
        if (!stream) {
          done(undefined, cache === undefined ? buildResponse(plan, result) : cache.complete(result));
          return;
        }
        listeners.emit('dataEnd', undefined);
        done(undefined, result.status);
      },
      (failure: TransferFailure) => {
        this.#active.delete(transfer);
        done(requestError(failure.code, failure.cause), undefined);
      },
    );
    this.#active.add(transfer);
    transfer.start();
  }
}
