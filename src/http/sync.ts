import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { HttpResponse } from '../api/types.js';
import { CodedFailure, thrownError } from '../errors/business-error.js';
import { messageOf, PARAMETER_ERROR, PERMISSION_DENIED } from '../errors/codes.js';
import { settings } from '../config.js';
import { normalize } from '../options/normalize.js';
import { crossable } from './sync-clone.js';

/** What the worker sends back for one request. */
export type SyncReply = { ok: HttpResponse } | { err: { code: number; message: string } };

/** The configure() settings a worker needs; sent only when they changed since the last request. */
export interface SyncSettings {
  readonly defaultProxy: typeof settings.defaultProxy;
  readonly cacheDir: string;
  readonly internetPermission: boolean;
  readonly deviceRelease: typeof settings.deviceRelease;
}

/** One request for the worker. */
export interface SyncJob {
  readonly url: string;
  readonly options: object | undefined;
  readonly settings: SyncSettings | undefined;
}

interface Channel {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Set to 1 by the worker when its answer is on `port`; one buffer for the worker's whole life. */
  readonly signal: Int32Array;
  /** Whether the caller may spin before it sleeps: only with a second core for the worker to run on. */
  readonly spins: boolean;
  sent: SyncSettings | undefined;
}

let channel: Channel | undefined;
// node:worker_threads is loaded on the first requestSync, not at import.
let threadsModule: typeof import('node:worker_threads') | undefined;
const threads = (): typeof import('node:worker_threads') =>
  (threadsModule ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));

function open(): Channel {
  if (channel !== undefined) return channel;
  const { MessageChannel, Worker: WorkerClass } = threads();
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  // The worker is its own bundle next to this one in dist/bundle/ (see scripts/build.mjs).
  const worker = new WorkerClass(new URL('./sync-worker.cjs', import.meta.url), {
    workerData: { port: port2, signal },
    transferList: [port2],
  });
  // The worker waits for work only while the caller is blocked on it: never keep the process alive.
  worker.unref();
  port1.unref();
  const spins = availableParallelism() > 1;
  const opened: Channel = { worker, port: port1, signal, spins, sent: undefined };
  worker.once('exit', () => {
    if (channel === opened) channel = undefined;
  });
  channel = opened;
  return opened;
}

/** The settings to hand over with this request, or undefined when the worker already has them. */
function settingsUpdate(c: Channel): SyncSettings | undefined {
  const { defaultProxy, cacheDir, internetPermission, deviceRelease } = settings;
  const sent = c.sent;
  if (sent !== undefined && sent.defaultProxy === defaultProxy && sent.cacheDir === cacheDir && sent.internetPermission === internetPermission
    && sent.deviceRelease === deviceRelease) {
    return undefined;
  }
  c.sent = { defaultProxy, cacheDir, internetPermission, deviceRelease };
  return c.sent;
}

/** Device parsing on this thread first: what request() rejects with 401 is thrown here, as "401". */
function checkArguments(url: string, options: object | undefined): void {
  try {
    normalize(url, options);
  } catch (err) {
    if (err instanceof CodedFailure && err.deviceCode === PARAMETER_ERROR) throw thrownError(PARAMETER_ERROR);
    // Anything else is the transfer's to report: the worker meets it again.
  }
}

/**
 * How long a blocked caller spins before it sleeps. Waking a thread asleep in `Atomics.wait` costs
 * tens of microseconds (more on a virtual machine, whose idle core must be woken too): a quarter of
 * a local request. Spinning is bounded, so a slow answer costs at most this much extra CPU.
 */
const SPIN_MS = 1;

/** Blocks until the worker has set the flag: spins up to SPIN_MS first, then sleeps. */
function awaitAnswer(c: Channel): void {
  const signal = c.signal;
  if (c.spins) {
    const until = performance.now() + SPIN_MS;
    // Reading the clock costs more than loading the word: read it every 64 loads.
    for (let k = 1; Atomics.load(signal, 0) === 0; k++) {
      if ((k & 63) === 0 && performance.now() >= until) break;
    }
  }
  // A late notify of the previous request can wake this wait early: only the flag says the answer is there.
  while (Atomics.load(signal, 0) === 0) Atomics.wait(signal, 0, 0);
}

/**
 * A blocking request, as the device's requestSync: the transfer runs on a worker thread with its
 * own event loop while this thread waits (awaitAnswer). Network failures throw an Error with
 * the numeric device code (the d.ts contract); argument errors throw the device's string "401".
 */
export function requestSync(args: readonly unknown[]): HttpResponse {
  const [url, options] = args;
  if (args.length < 1 || args.length > 2 || typeof url !== 'string') throw thrownError(PARAMETER_ERROR);
  if (args.length === 2 && (typeof options !== 'object' || options === null)) throw thrownError(PARAMETER_ERROR);
  const opts = options as object | undefined;
  checkArguments(url, opts);
  const c = open();
  const update = settingsUpdate(c);
  Atomics.store(c.signal, 0, 0);
  try {
    c.worker.postMessage({ url, options: opts, settings: update } satisfies SyncJob);
  } catch {
    // A value the structured clone cannot copy (a function or a symbol among the options): send what
    // the device would read instead, or 401 when nothing usable is left of it.
    const copy = crossable(opts);
    if (copy === null) {
      if (update !== undefined) c.sent = undefined;
      throw thrownError(PARAMETER_ERROR);
    }
    c.worker.postMessage({ url, options: copy, settings: update } satisfies SyncJob);
  }
  awaitAnswer(c);
  const reply = threads().receiveMessageOnPort(c.port)?.message as SyncReply | undefined;
  if (reply === undefined) throw thrownError(2300999, new Error('requestSync worker gave no answer'));
  if ('ok' in reply) return reply.ok;
  // Argument and permission failures are thrown with the device's string codes.
  if (reply.err.code === PARAMETER_ERROR || reply.err.code === PERMISSION_DENIED) throw thrownError(reply.err.code);
  const err = new Error(messageOf(reply.err.code)) as Error & { code: number };
  err.code = reply.err.code;
  throw err;
}
