// Shared helpers of the benchmark: settings from the environment, the server process, statistics.
import { fork, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export { sleep };

/** A non-negative integer from the environment, or the default. */
export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return Math.floor(n);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage (when run with --expose-gc) and lets the loop go quiet, so one run's debris is not the next run's pause. */
export async function settle(ms = 100): Promise<void> {
  if (gc !== undefined) {
    gc();
    gc();
  }
  await sleep(ms);
}

export interface BenchServer {
  readonly origin: string;
  /** The same routes over TLS + HTTP/2 (certificate of test/fixtures, signed by its ca.pem). */
  readonly secureOrigin: string;
  close(): Promise<void>;
}

/** Forks server.js and waits for its port. Only 127.0.0.1 is ever used. */
export async function startServer(): Promise<BenchServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server.js', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const ports = await new Promise<{ port: number; securePort: number }>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('bench server did not start in 10 s')); }, 10_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as { port: number; securePort: number });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${String(code)}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${ports.port}`,
    secureOrigin: `https://127.0.0.1:${ports.securePort}`,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, sleep(2000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** The p-th percentile (0–100) of an ascending array, nearest-rank. */
export function percentile(sorted: Float64Array | readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function fixed(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The stdout line a child process prints its result on. */
export const RESULT_PREFIX = 'BENCH_RESULT ';
