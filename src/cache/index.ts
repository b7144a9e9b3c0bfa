/** The response cache: one per process, used by request() and driven by HttpResponseCache handles. */
export { responseCache, FLUSH_INTERVAL_MS } from './cache.js';
export type { CacheExchange } from './exchange.js';
export { MAX_BUDGET, MIN_BUDGET, budgetOf } from './budget.js';
