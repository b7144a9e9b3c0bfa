import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { HttpResponse } from '../api/types.js';
import { thrownError } from '../errors/business-error.js';
import { messageOf, PARAMETER_ERROR, PERMISSION_DENIED } from '../errors/codes.js';
import { settings } from '../config.js';

/** What the worker sends back for one request. */
export type SyncReply = { ok: HttpResponse } | { err: { code: number; message: string } };

interface Channel {
  readonly worker: Worker;
  readonly port: MessagePort;
}

let channel: Channel | undefined;
// node:worker_threads is loaded on the first requestSync, not at import.
const threads = (): typeof import('node:worker_threads') => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

function open(): Channel {
  if (channel !== undefined) return channel;
  const { MessageChannel, Worker: WorkerClass } = threads();
  const { port1, port2 } = new MessageChannel();
  // The worker is its own bundle next to this one in dist/bundle/ (see scripts/build.mjs).
  const worker = new WorkerClass(new URL('./sync-worker.cjs', import.meta.url), {
    workerData: { port: port2 },
    transferList: [port2],
  });
  // The worker waits for work only while the caller is blocked on it: never keep the process alive.
  worker.unref();
  port1.unref();
  worker.once('exit', () => (channel = undefined));
  channel = { worker, port: port1 };
  return channel;
}

/** Function-valued options cannot cross to the worker thread; they are left out (documented). */
function cloneable(options: object | undefined): object | undefined {
  if (options === undefined) return undefined;
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));
}

/**
 * A blocking request, as the device's requestSync: the transfer runs on a worker thread with its
 * own event loop while this thread waits on `Atomics.wait`. Network failures throw an Error with
 * the numeric device code (the d.ts contract); argument errors throw the device's string "401".
 */
export function requestSync(args: readonly unknown[]): HttpResponse {
  const [url, options] = args;
  if (args.length < 1 || args.length > 2 || typeof url !== 'string') throw thrownError(PARAMETER_ERROR);
  if (args.length === 2 && (typeof options !== 'object' || options === null)) throw thrownError(PARAMETER_ERROR);
  const { worker, port } = open();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  // configure() settings live per thread: hand over the ones that can be cloned.
  const { defaultProxy, cacheDir, internetPermission, deviceRelease } = settings;
  const handed = { defaultProxy, cacheDir, internetPermission, deviceRelease };
  worker.postMessage({ url, options: cloneable(options as object | undefined), signal, settings: handed });
  Atomics.wait(signal, 0, 0);
  const reply = threads().receiveMessageOnPort(port)?.message as SyncReply | undefined;
  if (reply === undefined) throw thrownError(2300999, new Error('requestSync worker gave no answer'));
  if ('ok' in reply) return reply.ok;
  // Argument and permission failures are thrown with the device's string codes.
  if (reply.err.code === PARAMETER_ERROR || reply.err.code === PERMISSION_DENIED) throw thrownError(reply.err.code);
  const err = new Error(messageOf(reply.err.code)) as Error & { code: number };
  err.code = reply.err.code;
  throw err;
}
