/** The worker thread behind requestSync: runs each request and wakes the blocked caller. */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { HttpRequestOptions } from '../api/types.js';
import { createHttp } from '../index.js';
import { configure, type ConfigureOptions } from '../node.js';
import type { SyncReply } from './sync.js';

interface Job {
  url: string;
  options: HttpRequestOptions | undefined;
  signal: Int32Array;
  settings: ConfigureOptions;
}

const port = (workerData as { port: MessagePort }).port;
const requester = createHttp();

parentPort?.on('message', (job: Job) => {
  configure(job.settings);
  const done = (reply: SyncReply): void => {
    port.postMessage(reply);
    Atomics.store(job.signal, 0, 1);
    Atomics.notify(job.signal, 0);
  };
  const pending = job.options === undefined ? requester.request(job.url) : requester.request(job.url, job.options);
  pending.then(
    (ok) => {
      done({ ok });
    },
    (err: unknown) => {
      const e = err as { code?: unknown; message?: unknown };
      done({ err: { code: typeof e.code === 'number' ? e.code : 2300999, message: String(e.message) } });
    },
  );
});
