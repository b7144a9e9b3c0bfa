/** The worker thread behind requestSync: runs each request and wakes the blocked caller. */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { HttpRequestOptions } from '../api/types.js';
import { createHttp } from '../index.js';
import { configure } from '../node.js';
import type { SyncJob, SyncReply } from './sync.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const requester = createHttp();

function done(reply: SyncReply): void {
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function failed(err: unknown): void {
  const e = err as { code?: unknown; message?: unknown } | null;
  done({ err: { code: typeof e?.code === 'number' ? e.code : 2300999, message: String(e?.message) } });
}

parentPort?.on('message', (job: SyncJob) => {
  if (job.settings !== undefined) configure(job.settings);
  const options = job.options as HttpRequestOptions | undefined;
  const pending = options === undefined ? requester.request(job.url) : requester.request(job.url, options);
  pending.then((ok) => {
    try {
      port.postMessage({ ok } satisfies SyncReply);
    } catch (err) {
      failed(err);
      return;
    }
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  }, failed);
});
