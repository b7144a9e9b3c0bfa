// Load: 10 000 requests with up to 200 in flight against a local keep-alive server, over one HttpRequest object
// and over many, mixed with timeouts (a stalling route, readTimeout 50 → 2300028) and destroy() storms (objects
// destroyed with requests in flight → 2300023; a request after destroy → 2300999). Every request must settle
// exactly once — callback or promise — with the right outcome, no rejection may go unhandled, and the heap must
// stay flat after warm-up. Bounded in count and in time; loopback only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import http, { type HttpRequest, type HttpRequestOptions, type HttpResponse } from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { MESSAGES } from './helpers/device-errors.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { startHttp, type TestServer } from './helpers/servers.js';

const IN_FLIGHT = 200;
/** Requests per phase; two phases make the 10 000. */
const PER_PHASE = 5000;
/** Heap is measured once this many requests of a phase have settled. */
const WARM_UP = 1500;
/** Every tenth request goes to the stalling route. */
const STALL_EVERY = 10;
const STALL_TIMEOUT = 50;
/** Requests per doomed object in a destroy storm, and the delay before destroy(). */
const STORM_SIZE = 20;
const STORM_DELAY = 15;
/** Heap growth allowed between warm-up and the end of a phase (after full GCs). */
const HEAP_BOUND = 24 * 1024 * 1024;

/** A full GC, when V8 lets us have one (`--expose-gc` set at run time, read back through a fresh context). */
const gc: (() => void) | undefined = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const fn: unknown = runInNewContext('gc');
    return typeof fn === 'function' ? (fn as () => void) : undefined;
  } catch {
    return undefined;
  }
})();

async function heapUsed(): Promise<number | undefined> {
  if (gc === undefined) return undefined;
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(10);
  }
  return process.memoryUsage().heapUsed;
}

type Expected = { kind: 'ok' } | { kind: 'error'; code: number; message: string };
const OK: Expected = { kind: 'ok' };
const failure = (code: number): Expected => ({ kind: 'error', code, message: MESSAGES[code] ?? '?' });
const TIMED_OUT = failure(2300028);
const DESTROYED_IN_FLIGHT = failure(2300023);
const AFTER_DESTROY = failure(2300999);

/** Book-keeping of one phase: settlements per request id, and every wrong outcome. */
class Ledger {
  readonly settled = new Map<number, number>();
  readonly wrong: string[] = [];
  issued = 0;
  done = 0;
  #waiters: (() => void)[] = [];

  open(): number {
    const id = this.issued++;
    this.settled.set(id, 0);
    return id;
  }

  settle(id: number, expected: Expected, err: unknown, res: HttpResponse | undefined): void {
    const n = (this.settled.get(id) ?? 0) + 1;
    this.settled.set(id, n);
    if (n > 1) {
      this.wrong.push(`request ${id} settled ${n} times`);
      return;
    }
    this.done++;
    if (expected.kind === 'ok') {
      if (err !== undefined && err !== null) this.wrong.push(`request ${id}: expected a response, got ${JSON.stringify(err)}`);
      else if (res?.responseCode !== 200 || res.result !== 'ok') this.wrong.push(`request ${id}: bad response ${String(res?.responseCode)}`);
    } else {
      const got = JSON.stringify(err);
      const want = JSON.stringify({ code: expected.code, message: expected.message });
      if (got !== want) this.wrong.push(`request ${id}: expected ${want}, got ${got ?? 'a response'}`);
    }
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  get inFlight(): number {
    return this.issued - this.done;
  }

  /** Resolves once fewer than `n` requests are in flight. */
  async below(n: number): Promise<void> {
    while (this.inFlight >= n) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Every id settled exactly once. */
  check(): void {
    const counts = new Map<number, number>();
    for (const n of this.settled.values()) counts.set(n, (counts.get(n) ?? 0) + 1);
    assert.deepEqual(this.wrong.slice(0, 10), [], `${this.wrong.length} wrong outcomes`);
    assert.deepEqual([...counts.entries()], [[1, this.issued]], 'settlements per request (count → requests)');
  }
}

/** Sends one request, alternating callback and promise forms; the ledger sees its single settlement. */
function send(ledger: Ledger, req: HttpRequest, url: string, options: HttpRequestOptions, expected: Expected): void {
  const id = ledger.open();
  if (id % 2 === 0) {
    const returned: unknown = req.request(url, options, (err, res) => {
      ledger.settle(id, expected, err, res);
    });
    if (returned !== undefined) ledger.wrong.push(`request ${id}: callback form returned ${typeof returned}`);
  } else {
    req.request(url, options).then(
      (res) => {
        ledger.settle(id, expected, undefined, res);
      },
      (err: unknown) => {
        ledger.settle(id, expected, err, undefined);
      },
    );
  }
}

describe('load: 10 000 requests, 200 in flight', () => {
  let server: TestServer;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(async () => {
    leakBaseline();
    process.on('unhandledRejection', onUnhandled);
    configure({ defaultProxy: null }); // loopback only, whatever the environment's proxy says
    server = await startHttp((req, res) => {
      if (req.url?.startsWith('/stall') === true) return; // never answers; the client's readTimeout ends it
      if (req.url?.startsWith('/slow') === true) {
        const t = setTimeout(() => res.end('ok'), 300);
        res.on('close', () => {
          clearTimeout(t);
        });
        return;
      }
      res.end('ok');
    });
  });

  after(async () => {
    await server.close();
    process.off('unhandledRejection', onUnhandled);
    await assertNoLeaks({ timeoutMs: 3000 });
  });

  /**
   * Runs PER_PHASE requests through `pick` (which sends one request or a storm and says how many it sent),
   * keeping at most IN_FLIGHT pending. Returns the heap growth between warm-up and the end.
   */
  async function phase(ledger: Ledger, pick: (i: number) => number): Promise<number | undefined> {
    let heapAtWarmUp: number | undefined;
    let i = 0;
    while (ledger.issued < PER_PHASE) {
      await ledger.below(IN_FLIGHT - STORM_SIZE);
      if (heapAtWarmUp === undefined && ledger.done >= WARM_UP) {
        await ledger.below(1);
        heapAtWarmUp = (await heapUsed()) ?? -1;
      }
      pick(i++);
    }
    await ledger.below(1);
    await sleep(50); // a late second settlement would land here
    const heapAtEnd = await heapUsed();
    ledger.check();
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
    return heapAtEnd === undefined || heapAtWarmUp === undefined || heapAtWarmUp < 0 ? undefined : heapAtEnd - heapAtWarmUp;
  }

  const stall = { readTimeout: STALL_TIMEOUT };
  const plain: HttpRequestOptions = {};

  it(`${PER_PHASE} requests over one HttpRequest, every ${STALL_EVERY}th timing out`, { timeout: 60_000 }, async (t) => {
    const ledger = new Ledger();
    const req = http.createHttp();
    const started = Date.now();
    const growth = await phase(ledger, (i) => {
      if (i % STALL_EVERY === STALL_EVERY - 1) send(ledger, req, `${server.url}stall?${i}`, stall, TIMED_OUT);
      else send(ledger, req, `${server.url}ok?${i}`, plain, OK);
      return 1;
    });
    req.destroy();
    t.diagnostic(`${ledger.issued} requests in ${Date.now() - started} ms; heap growth ${growth === undefined ? 'not measured (no gc)' : `${(growth / 1048576).toFixed(1)} MiB`}`);
    if (growth !== undefined) assert.ok(growth < HEAP_BOUND, `heap grew by ${growth} bytes after warm-up`);
  });

  it(`${PER_PHASE} requests over many HttpRequest objects, with timeouts and destroy() storms`, { timeout: 60_000 }, async (t) => {
    const ledger = new Ledger();
    const pool: HttpRequest[] = Array.from({ length: 50 }, () => http.createHttp());
    const started = Date.now();
    let storms = 0;
    const growth = await phase(ledger, (i) => {
      if (i % 25 === 24) {
        // A storm: a fresh object with STORM_SIZE requests in flight is destroyed; one more request after that.
        storms++;
        const doomed = http.createHttp();
        for (let k = 0; k < STORM_SIZE - 1; k++) send(ledger, doomed, `${server.url}slow?${i}-${k}`, plain, DESTROYED_IN_FLIGHT);
        setTimeout(() => {
          doomed.destroy();
          send(ledger, doomed, `${server.url}ok?after-destroy-${i}`, plain, AFTER_DESTROY);
          doomed.destroy(); // a second destroy() is harmless
        }, STORM_DELAY);
        return STORM_SIZE;
      }
      const req = pool[i % pool.length] as HttpRequest;
      if (i % STALL_EVERY === STALL_EVERY - 1) send(ledger, req, `${server.url}stall?${i}`, stall, TIMED_OUT);
      else send(ledger, req, `${server.url}ok?${i}`, plain, OK);
      return 1;
    });
    for (const req of pool) req.destroy();
    t.diagnostic(`${ledger.issued} requests (${storms} storms) in ${Date.now() - started} ms; heap growth ${growth === undefined ? 'not measured (no gc)' : `${(growth / 1048576).toFixed(1)} MiB`}`);
    if (growth !== undefined) assert.ok(growth < HEAP_BOUND, `heap grew by ${growth} bytes after warm-up`);
  });
});
