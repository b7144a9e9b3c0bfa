import { performance } from 'node:perf_hooks';
import type { HttpResponse } from '../api/types.js';
import type { RequestPlan } from '../options/plan.js';
import { buildResponse } from '../response/build.js';
import type { TransferResult } from '../transport/transfer.js';
import { makeEntry, ownBytes, type CacheEntry } from './entry.js';
import { isStorable } from './policy.js';
import { varyNames, varyValues } from './vary.js';
import { copyHeader, hitResponse, mergeValidated, validatedResponse } from './respond.js';

/** Where an exchange stores its outcome; the cache ignores writes of an earlier generation (before a delete()). */
export interface EntrySink {
  put(generation: number, key: string, entry: CacheEntry): void;
  remove(generation: number, key: string): void;
}

/**
 * One request() seen by the running cache: either answered from it (`hit`), or sent as `plan`
 * (with validators when a stale entry is being revalidated) and then `complete`d with the
 * transfer's result, which stores, refreshes or drops the entry and builds the response.
 */
export class CacheExchange {
  /** The response of a fresh hit; when set, nothing goes to the network. */
  readonly hit: HttpResponse | undefined;
  /** The plan to send. */
  readonly plan: RequestPlan;
  readonly #original: RequestPlan;
  readonly #sink: EntrySink;
  readonly #generation: number;
  readonly #key: string;
  readonly #volatile: boolean;
  /** The stale entry being revalidated with validators. */
  readonly #validating: CacheEntry | undefined;
  readonly #revalidating: boolean;

  constructor(
    sink: EntrySink,
    generation: number,
    key: string,
    volatile: boolean,
    plan: RequestPlan,
    outcome:
      | { readonly kind: 'store' }
      | { readonly kind: 'fresh'; readonly entry: CacheEntry; readonly warnings: readonly string[]; readonly start: number }
      | { readonly kind: 'stale'; readonly entry: CacheEntry; readonly conditional: Readonly<Record<string, string>> },
  ) {
    this.#sink = sink;
    this.#generation = generation;
    this.#key = key;
    this.#volatile = volatile;
    this.#original = plan;
    this.plan = plan;
    this.hit = undefined;
    this.#validating = undefined;
    this.#revalidating = false;
    if (outcome.kind === 'fresh') {
      this.hit = hitResponse(plan, outcome.entry, outcome.warnings, outcome.start);
    } else if (outcome.kind === 'stale') {
      this.#revalidating = true;
      if (Object.keys(outcome.conditional).length > 0) {
        this.#validating = outcome.entry;
        this.plan = Object.freeze({ ...plan, headers: { ...plan.headers, ...outcome.conditional } });
      }
    }
  }

  /** The response for the transfer's result; stores it when it may be stored. */
  complete(t: TransferResult): HttpResponse {
    const plan = this.#original;
    // Wall-clock times of the marks, measured back from now (performance.timeOrigin drifts from Date.now()).
    const wallOffset = Date.now() - performance.now();
    const requestTime = wallOffset + t.marks.start;
    const responseTime = wallOffset + (t.marks.headers || t.marks.end);
    const stored = this.#validating;
    if (stored !== undefined && t.status === 304) {
      const entry = makeEntry({ ...stored, header: mergeValidated(stored.header, t.header), requestTime, responseTime });
      this.#sink.put(this.#generation, this.#key, entry);
      return validatedResponse(plan, entry, t);
    }
    const res = buildResponse(plan, t);
    // Vary: * never matches a later request (RFC 9111 §4.1): such a response is not worth storing.
    const vary = varyNames(t.header);
    if (vary !== '*' && isStorable(t.status, plan.headers, t.header)) {
      const entry = makeEntry({
        status: t.status,
        header: copyHeader(t.header),
        body: ownBytes(t.body),
        cookies: res.cookies,
        requestTime,
        responseTime,
        info: { ...(res.connectionExtraInfo ?? connectionUnknown), isCacheHit: false },
        vary: vary === undefined ? undefined : varyValues(vary, t.sent),
        volatile: this.#volatile,
      });
      this.#sink.put(this.#generation, this.#key, entry);
    } else if (this.#revalidating) {
      // The stale entry was superseded by a response that may not be stored.
      this.#sink.remove(this.#generation, this.#key);
    }
    return res;
  }
}

const connectionUnknown = {
  networkProtocolName: 'Unknown/Non-HTTP',
  localAddress: '',
  remoteAddress: '',
  localPort: -1,
  remotePort: -1,
  isReusedConnection: false,
  isProxyConnection: false,
  isCacheHit: false,
  redirectCount: 0,
};
