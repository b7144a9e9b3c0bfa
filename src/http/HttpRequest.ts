import { performance } from 'node:perf_hooks';
import type { HttpInterceptor, HttpResponse } from '../api/types.js';
import { responseCache } from '../cache/index.js';
import { CodedFailure, requestError, thrownError, type RequestError } from '../errors/business-error.js';
import { INTERNAL_ERROR, PERMISSION_DENIED } from '../errors/codes.js';
import { deviceCodeOf, Phase } from '../errors/map.js';
import { normalize } from '../options/normalize.js';
import type { RequestPlan } from '../options/plan.js';
import { buildResponse } from '../response/build.js';
import { permissionFailure } from '../transport/dispatchers.js';
import { toArrayBuffer } from '../response/result.js';
import { Jar } from '../response/cookies.js';
import type { HeaderObject } from '../response/headers.js';
import {
  Transfer,
  type RedirectHop,
  type TransferFailure,
  type TransferObserver,
  type TransferResult,
} from '../transport/transfer.js';
import { ActiveList, type ActiveEntry } from './active.js';
import { appliedChains } from './chains.js';
import { headListenerOf } from './heads.js';
import { blankResponse, passes, planFrom, requestContext, responseFrom } from './interceptors.js';
import { readCall, settleLater, parameterError } from './call.js';
import { Listeners } from './events.js';
import { requestSync } from './sync.js';

/**
 * How long a destroyed object's transfers may still finish: the device's transfer thread keeps receiving while
 * the app's thread runs the destroy() call and its event handlers. A response written in two parts (head, then
 * body, as Python's http.server does) is complete well within it; a body the server holds back is not.
 */
const DESTROY_GRACE_MS = 100;

function headerSnapshot(header: HeaderObject): HeaderObject {
  const copy = { ...header };
  const cookies = copy['set-cookie'];
  if (Array.isArray(cookies)) copy['set-cookie'] = [...cookies];
  return copy;
}

/**
 * `http.createHttp()`'s object. Holds listeners, the destroyed flag and the optional auto-cookie
 * jar; each request runs as its own Transfer, so many may run at once on one object.
 */
export class HttpRequestObject {
  readonly #listeners = new Listeners();
  readonly #active = new ActiveList<Transfer>();
  #destroyed = false;
  /** Fails what destroy() left in flight, once the grace has passed. */
  #doom: NodeJS.Timeout | undefined;
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

  /**
   * Later requests fail with 2300999. Transfers in flight are only marked, as on the device, where the transfer
   * runs on its own thread and fails (2300023) at its next data delivery: what arrives while the app's thread is
   * still busy with the destroy() call, or within DESTROY_GRACE_MS of it, still completes the response, and a
   * transfer that has failed otherwise keeps its error. Whatever is still running after that fails then.
   */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#jar = undefined;
    if (this.#active.size === 0) return;
    this.#doom = setTimeout(() => {
      this.#doom = undefined;
      for (const t of this.#active.values()) t.abort(new CodedFailure('HttpRequest destroyed', { curl: 23 }));
    }, DESTROY_GRACE_MS);
  }

  /** A transfer of this object ended: a pending destroy() has nothing left to wait for once none is active. */
  #ended(entry: ActiveEntry<Transfer>): void {
    this.#active.delete(entry);
    if (this.#doom !== undefined && this.#active.size === 0) {
      clearTimeout(this.#doom);
      this.#doom = undefined;
    }
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
    // After argument checks and before anything else, as on the device: no INTERNET permission → 201.
    const denied = permissionFailure();
    if (denied !== undefined) return settleLater(call.callback, requestError(PERMISSION_DENIED, denied));
    const outcome = new Promise<T>((resolve, reject) => {
      this.#run(plan, start, stream, (err, res) => {
        if (err === undefined) resolve(res as T);
        else reject(err);
      });
    });
    const callback = call.callback;
    if (callback === undefined) return outcome;
    // The promise's reactions run in the async context of the call (AsyncLocalStorage), where the transfer ends in
    // undici's; the callback is queued from there, outside the promise chain, so what it throws is uncaught.
    const deliver = (err: RequestError | undefined, res: T | undefined): void => {
      queueMicrotask(() => {
        callback(err, res);
      });
    };
    outcome.then(
      (res) => { deliver(undefined, res); },
      (err: unknown) => { deliver(err as RequestError, undefined); },
    );
    return undefined;
  }

  #run(
    plan: RequestPlan,
    start: number,
    stream: boolean,
    done: (err: RequestError | undefined, res: HttpResponse | number | undefined) => void,
  ): void {
    const chain = stream ? undefined : appliedChains.get(this);
    if (chain !== undefined) {
      void this.#intercepted(plan, start, chain, done);
      return;
    }
    // The response cache (request() only): a fresh hit answers here; otherwise it may add validators.
    const cache = stream ? undefined : responseCache.lookup(plan, start, this.#jar);
    if (cache?.hit !== undefined) {
      done(undefined, cache.hit);
      return;
    }
    const fail = (failure: TransferFailure): void => {
      done(requestError(failure.code, failure.cause), undefined);
    };
    this.#transfer(cache?.plan ?? plan, start, stream, undefined, fail, (result) => {
      if (!stream) {
        done(undefined, cache === undefined ? buildResponse(plan, result) : cache.complete(result));
        return;
      }
      this.#listeners.emit('dataEnd', undefined);
      done(undefined, result.status);
    });
  }

  /** request() through an applied interceptor chain: the five device interceptor points, in order. */
  async #intercepted(
    original: RequestPlan,
    start: number,
    chain: ReadonlyMap<string, HttpInterceptor>,
    done: (err: RequestError | undefined, res: HttpResponse | undefined) => void,
  ): Promise<void> {
    try {
      const req = requestContext(original);
      let rsp = blankResponse();
      if (!(await passes(chain, 'INITIAL_REQUEST', req, rsp))) { done(undefined, responseFrom(rsp, start)); return; }
      let plan = planFrom(original, req);
      const cache = responseCache.lookup(plan, start, this.#jar);
      let response: HttpResponse;
      if (cache?.hit !== undefined) {
        response = cache.hit;
        if (!(await passes(chain, 'READ_CACHE', req, response))) { done(undefined, responseFrom(response, start)); return; }
      } else {
        rsp = blankResponse();
        if (!(await passes(chain, 'CONNECT_NETWORK', req, rsp))) { done(undefined, responseFrom(rsp, start)); return; }
        plan = planFrom(plan, req);
        let stopped: HttpResponse | undefined;
        const onRedirect = chain.has('REDIRECTION')
          ? async (hop: RedirectHop, status: number, header: HeaderObject): Promise<boolean> => {
              const hopReq = { url: hop.url, header: hop.headers, body: hop.body === null ? '' : hop.body.toString('utf8') };
              const hopRsp = { ...blankResponse(), responseCode: status, header: headerSnapshot(header) };
              if (!(await passes(chain, 'REDIRECTION', hopReq, hopRsp))) {
                stopped = hopRsp;
                return false;
              }
              const next = planFrom({ ...plan, url: hop.url, headers: hop.headers, body: hop.body }, hopReq);
              hop.url = next.url;
              hop.headers = next.headers;
              hop.body = next.body;
              return true;
            }
          : undefined;
        const sent = cache?.plan ?? plan;
        const result = await new Promise<TransferResult>((resolve, reject) => {
          this.#transfer(sent, start, false, onRedirect, reject, resolve);
        });
        if (stopped !== undefined) { done(undefined, responseFrom(stopped, start)); return; }
        response = cache === undefined ? buildResponse(plan, result) : cache.complete(result);
      }
      if (!(await passes(chain, 'FINAL_RESPONSE', req, response))) response = responseFrom(response, start);
      done(undefined, response);
    } catch (err) {
      const failure = err as Partial<TransferFailure>;
      if (typeof failure.code === 'number' && 'cause' in failure) done(requestError(failure.code, failure.cause), undefined);
      else done(requestError(INTERNAL_ERROR, err), undefined);
    }
  }

  /** One network transfer with this object's listeners wired to it. */
  #transfer(
    plan: RequestPlan,
    start: number,
    stream: boolean,
    onRedirect: TransferObserver['onRedirect'],
    fail: (failure: TransferFailure) => void,
    ok: (result: TransferResult) => void,
  ): void {
    const listeners = this.#listeners;
    const headListener = headListenerOf(this);
    const observer: TransferObserver = {
      onHeaders(header) {
        if (listeners.size !== 0 && (listeners.has('headersReceive') || listeners.has('headerReceive'))) {
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
      onRedirect,
      onHead: headListener === undefined
        ? undefined
        : (head) => {
            // Outside undici's callback, like the device events, and queued ahead of this head's headersReceive.
            queueMicrotask(() => {
              headListener(head);
            });
          },
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
      plan,
      observer,
      this.#jar,
      start,
      (result) => {
        this.#ended(entry);
        ok(result);
      },
      (failure) => {
        this.#ended(entry);
        fail(failure);
      },
    );
    const entry = this.#active.add(transfer);
    transfer.start();
  }
}
