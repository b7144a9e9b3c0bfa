import type { HttpInterceptor } from '../api/types.js';

/** Interceptor chains applied to request objects, by interceptor type; written by apply(), read per request. */
export const appliedChains = new WeakMap<object, ReadonlyMap<string, HttpInterceptor>>();
