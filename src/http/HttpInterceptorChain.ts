import type { HttpInterceptor, HttpRequest } from '../api/types.js';
import { thrownError } from '../errors/business-error.js';
import { INTERNAL_ERROR } from '../errors/codes.js';
import { appliedChains } from './chains.js';
import { HttpRequestObject } from './HttpRequest.js';

const PARAM_NOT_SUPPORTED = 2300801;
const DUPLICATED_TYPE = 2300802;


/** Interceptors (API 22) grouped into a chain that can be applied to HttpRequest objects. */
export class HttpInterceptorChain {
  readonly #chain: HttpInterceptor[] = [];

  /** The interceptors in the order they were added. */
  getChain(): HttpInterceptor[] {
    return [...this.#chain];
  }

  /** Appends interceptors; one per type. Throws 2300801 for a non-array, 2300802 for a repeated type. */
  addChain(chain: HttpInterceptor[]): boolean {
    if (!Array.isArray(chain)) throw thrownError(PARAM_NOT_SUPPORTED);
    for (const item of chain as unknown[]) {
      const type = (item as { interceptorType?: unknown } | null)?.interceptorType;
      if (typeof type !== 'string' || type === '') throw thrownError(INTERNAL_ERROR);
      if (this.#chain.some((i) => (i.interceptorType as string) === type)) throw thrownError(DUPLICATED_TYPE);
      this.#chain.push(item as HttpInterceptor);
    }
    return true;
  }

  /** Attaches this chain to `httpRequest` (replacing any earlier chain); `false` when the chain is empty. */
  apply(httpRequest: HttpRequest): boolean;
  // The device counts the arguments (2300801 unless exactly one): read them all.
  apply(...args: unknown[]): boolean {
    if (args.length !== 1) throw thrownError(PARAM_NOT_SUPPORTED);
    if (this.#chain.length === 0) return false;
    const target = args[0];
    if (typeof target !== 'object' || target === null) throw thrownError(PARAM_NOT_SUPPORTED);
    if (!(target instanceof HttpRequestObject)) throw thrownError(INTERNAL_ERROR);
    appliedChains.set(target, new Map(this.#chain.map((i) => [i.interceptorType as string, i])));
    return true;
  }
}
