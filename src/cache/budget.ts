/** The documented maximum and default budget: 10 MiB. */
export const MAX_BUDGET = 10 * 1024 * 1024;
/** The smallest budget: 1 MiB, the device's lower clamp for its disk cache (its whole effective budget, too). */
export const MIN_BUDGET = 1024 * 1024;

/**
 * The budget in bytes for `createHttpResponseCache(...args)`: 10 MiB unless exactly one number is
 * given (NaN too), which is clamped to [1 MiB, 10 MiB] (fractions dropped).
 */
export function budgetOf(args: readonly unknown[]): number {
  const [size] = args;
  if (args.length !== 1 || typeof size !== 'number' || Number.isNaN(size)) return MAX_BUDGET;
  return Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, Math.floor(size)));
}
