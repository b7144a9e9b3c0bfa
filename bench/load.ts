// A bounded closed-loop load: `concurrency` workers, each with one request in flight, until `total`
// requests have finished or the time limit has passed (whichever comes first). `total` Infinity: a
// run of fixed length.
import { performance } from 'node:perf_hooks';
import type { OneRequest } from './clients.js';

export interface LoadResult {
  readonly completed: number;
  readonly errors: number;
  readonly firstError: string | undefined;
  readonly elapsedMs: number;
  /** Latencies in ms, ascending. */
  readonly latencies: Float64Array;
  /** Client-process CPU time (user + system) per completed request, in µs. */
  readonly cpuMicrosPerRequest: number;
  /** Set when requests were still unsettled 10 s after the time limit. */
  readonly stuck: boolean;
}

export async function runLoad(
  workers: readonly OneRequest[],
  total: number,
  limitMs: number,
): Promise<LoadResult> {
  // A run of fixed length cannot size its array up front.
  const latencies: Float64Array | number[] = Number.isFinite(total) ? new Float64Array(total) : [];
  let next = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + limitMs;

  const loop = async (one: OneRequest): Promise<void> => {
    while (next < total && performance.now() < deadline) {
      next++;
      const t0 = performance.now();
      try {
        await one();
      } catch (err) {
        errors++;
        firstError ??= err instanceof Error ? err.message : JSON.stringify(err);
      }
      latencies[completed++] = performance.now() - t0;
    }
  };

  // A request that never settles must not hang the bench: give up 10 s after the time limit.
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((resolve) => {
    timer = setTimeout(() => { resolve('stuck'); }, limitMs + 10_000);
  });
  const outcome = await Promise.race([Promise.all(workers.map(loop)), stuck]);
  clearTimeout(timer);
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  if (outcome === 'stuck') firstError ??= 'requests did not settle';
  const done = (latencies instanceof Float64Array ? latencies.subarray(0, completed) : Float64Array.from(latencies)).sort();
  return {
    completed,
    errors,
    firstError,
    elapsedMs,
    latencies: done,
    cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, completed),
    stuck: outcome === 'stuck',
  };
}
