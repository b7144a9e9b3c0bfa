// Measurements that need a process of their own (clean heap, clean RSS, no JIT state from other
// libraries): the small-GET runs, micro-benchmarks, peak RSS, the large stream, the cache, and the
// profiled loop.
// Usage: node --expose-gc child.js <mode> <origin> [args…]; prints one `BENCH_RESULT {json}` line.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import http from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { stream as undiciStream } from 'undici';
import { CLIENTS, NOT_IMPLEMENTED, codeOf, undiciAgent, type ClientKind } from './clients.js';
import { RESULT_PREFIX, intEnv, median, percentile, settle } from './common.js';
import { runLoad } from './load.js';

function emit(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

function kindNamed(name: string): ClientKind {
  const kind = CLIENTS.find((k) => k.name === name);
  if (kind === undefined) throw new Error(`no client ${name}`);
  return kind;
}

/** Samples memory every 50 ms; `stop()` returns the peak RSS and the heap/external figures at that moment. */
function rssSampler(): { stop(): { peak: number; heapTotal: number; arrayBuffers: number } } {
  let at = process.memoryUsage();
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > at.rss) at = m;
  };
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peak: at.rss, heapTotal: at.heapTotal, arrayBuffers: at.arrayBuffers };
    },
  };
}

// ---- micro-benchmarks of the compiled internals ---------------------------------------------

let sink: unknown;

/** Median ns per call over `batches` batches of ~`batchMs` each. */
function nsPerOp(fn: () => unknown, batchMs = 100, batches = 7): number {
  let iterations = 256;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) sink = fn();
    const dt = performance.now() - t0;
    if (dt >= 20) {
      iterations = Math.max(1, Math.ceil((iterations * batchMs) / dt));
      break;
    }
    iterations *= 4;
  }
  const per: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) sink = fn();
    per.push(((performance.now() - t0) * 1e6) / iterations);
  }
  return median(per);
}

type AnyFn = (...args: never[]) => unknown;

/** An export of one of the library's modules (tsc's per-module build of src/ in .build/src/), or why it is not there. */
async function internal(path: string, name: string, arity: number): Promise<AnyFn | string> {
  // The package ships only bundles; the micro-benchmarks time single internal functions.
  const url = new URL(`../src/${path.slice(2)}`, import.meta.url);
  try {
    const mod = (await import(url.href)) as Record<string, unknown>;
    const fn = mod[name];
    if (typeof fn !== 'function') return `src/${path.slice(2)} has no function ${name}`;
    if (fn.length !== arity) return `src/${path.slice(2)} ${name} now takes ${fn.length} parameters (bench expects ${arity})`;
    return fn as AnyFn;
  } catch (err) {
    return `cannot load src/${path.slice(2)}: ${String(err)}`;
  }
}

interface MicroRow { readonly name: string; readonly ns: number | undefined; readonly note: string | undefined }

async function micro(origin: string): Promise<void> {
  const url = `${origin}/json`;
  const normalize = await internal('./options/normalize.js', 'normalize', 2);
  const buildResponse = await internal('./response/build.js', 'buildResponse', 2);
  const mergeHeaderBlock = await internal('./response/headers.js', 'mergeHeaderBlock', 2);
  const readCall = await internal('./http/call.js', 'readCall', 1);
  const rows: MicroRow[] = [];
  const run = (name: string, fn: AnyFn | string, call: (f: AnyFn) => unknown): void => {
    if (typeof fn === 'string') {
      rows.push({ name, ns: undefined, note: fn });
      return;
    }
    try {
      call(fn);
      rows.push({ name, ns: nsPerOp(() => call(fn)), note: undefined });
    } catch (err) {
      rows.push({ name, ns: undefined, note: `threw: ${String(err)}` });
    }
  };
  const typical = {
    method: 'POST',
    header: { 'content-type': 'application/json', authorization: 'Bearer abc', 'x-trace': '1' },
    extraData: { a: 1, b: 'two', c: [3] },
    expectDataType: 1,
    readTimeout: 30_000,
    connectTimeout: 10_000,
    usingCache: false,
  };
  run('readCall(url, options)', readCall, (f) => (f as (a: unknown[]) => unknown)([url, typical]));
  run('normalize(url) — GET, no options', normalize, (f) => (f as (u: string, o: undefined) => unknown)(url, undefined));
  run('normalize(url, options) — POST, 3 headers, object body', normalize, (f) =>
    (f as (u: string, o: object) => unknown)(url, typical));

  const rawHeaders = [
    'Content-Type', 'application/json', 'Content-Length', '1024', 'Date', new Date().toUTCString(),
    'Connection', 'keep-alive', 'Keep-Alive', 'timeout=120',
  ].map((s) => Buffer.from(s));
  run('mergeHeaderBlock — 5 raw headers', mergeHeaderBlock, (f) =>
    (f as (into: object, raw: Buffer[]) => unknown)({}, rawHeaders));

  if (typeof normalize !== 'string') {
    const plan = (normalize as (u: string, o: undefined) => unknown)(url, undefined);
    const body = Buffer.from(JSON.stringify({ pad: 'x'.repeat(1013) }));
    const header = {
      'content-type': 'application/json', 'content-length': '1024', date: new Date().toUTCString(),
      connection: 'keep-alive', 'keep-alive': 'timeout=120',
    };
    const marks = { start: 1, hopStart: 1, sent: 1.1, firstByte: 1.2, headers: 1.2, body: 1.3, end: 1.3, fresh: undefined };
    const transfer = { status: 200, header, body, jar: undefined, marks, socket: undefined, reused: true, redirects: 0 };
    run('buildResponse — 1 KiB JSON as string', buildResponse, (f) =>
      (f as (p: unknown, t: unknown) => unknown)(plan, transfer));
  } else {
    rows.push({ name: 'buildResponse', ns: undefined, note: 'needs normalize() for its plan' });
  }
  emit({ rows });
}

// ---- peak RSS over N requests ------------------------------------------------------------------

async function rss(origin: string, name: string, total: number, concurrency: number): Promise<void> {
  const made = await kindNamed(name).create(`${origin}/json`);
  if (typeof made === 'string') {
    emit({ skipped: made });
    return;
  }
  const workers = Array.from({ length: concurrency }, () => made.worker());
  await settle();
  const baseline = process.memoryUsage.rss();
  const sampler = rssSampler();
  const r = await runLoad(workers, total, intEnv('BENCH_MAX_SECONDS', 60) * 1000);
  const { peak } = sampler.stop();
  await made.close();
  emit({ baseline, peak, completed: r.completed, errors: r.errors, firstError: r.firstError, elapsedMs: r.elapsedMs });
}

// ---- one large body ---------------------------------------------------------------------------

async function bigStream(origin: string, name: string, bytes: number): Promise<void> {
  const url = `${origin}/large?bytes=${bytes}`;
  const limitMs = intEnv('BENCH_STREAM_TIMEOUT_SECONDS', 180) * 1000;
  let received = 0;
  let transfer: () => Promise<number>;
  if (name === 'ohos') {
    const h = http.createHttp();
    h.on('dataReceive', (chunk: ArrayBuffer) => { received += chunk.byteLength; });
    try {
      await h.requestInStream(`${origin}/large?bytes=65536`, { readTimeout: 10_000 });
    } catch (err) {
      emit({
        skipped: codeOf(err) === NOT_IMPLEMENTED
          ? 'requestInStream still rejects with 2300999 (not implemented in this build)'
          : `requestInStream failed: ${JSON.stringify(err)}`,
      });
      h.destroy();
      return;
    }
    transfer = () => h.requestInStream(url, { readTimeout: limitMs });
  } else {
    const dispatcher = undiciAgent();
    const sinkStream = (): Writable => new Writable({
      write(chunk: Buffer, _enc, cb) {
        received += chunk.length;
        cb();
      },
    });
    const get = async (u: string): Promise<number> => {
      let status = 0;
      await undiciStream(u, { dispatcher, method: 'GET', signal: AbortSignal.timeout(limitMs) }, ({ statusCode }) => {
        status = statusCode;
        return sinkStream();
      });
      return status;
    };
    await get(`${origin}/large?bytes=65536`);
    transfer = () => get(url);
  }
  await settle();
  received = 0;
  const before = process.memoryUsage();
  const baseline = before.rss;
  const sampler = rssSampler();
  const t0 = performance.now();
  let status = 0;
  let error: string | undefined;
  try {
    status = await transfer();
  } catch (err) {
    error = err instanceof Error ? err.message : JSON.stringify(err);
  }
  const elapsedMs = performance.now() - t0;
  const { peak, heapTotal, arrayBuffers } = sampler.stop();
  emit({
    status, error, received, bytes, elapsedMs, baseline, peak,
    heapTotalGrowth: heapTotal - before.heapTotal, arrayBuffersAtPeak: arrayBuffers,
  });
}

// ---- the response cache: fresh hit vs a round trip ------------------------------------------

async function cache(origin: string, total: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ohos-bench-cache-'));
  configure({ cacheDir: dir });
  const url = `${origin}/cacheable`;
  const hits = async (): Promise<number> => ((await (await fetch(`${origin}/cacheable-hits`)).json()) as { hits: number }).hits;
  let handle: ReturnType<typeof http.createHttpResponseCache> | undefined;
  try {
    try {
      handle = http.createHttpResponseCache();
      await handle.flush();
    } catch (err) {
      emit({
        skipped: codeOf(err) === NOT_IMPLEMENTED
          ? 'createHttpResponseCache still rejects with 2300999 (the cache is not built yet)'
          : `createHttpResponseCache failed: ${JSON.stringify(err)}`,
      });
      return;
    }
    const h = http.createHttp();
    const first = await h.request(url, { usingCache: true });
    const before = await hits();
    const second = await h.request(url, { usingCache: true });
    if (second.connectionExtraInfo?.isCacheHit !== true || (await hits()) !== before) {
      emit({ skipped: `cache is running but a fresh max-age response was not served from it (first ${first.responseCode}, isCacheHit ${String(second.connectionExtraInfo?.isCacheHit)})` });
      return;
    }
    const network = [(): Promise<void> => h.request(url, { usingCache: false }).then(() => undefined)];
    const cached = [(): Promise<void> => h.request(url, { usingCache: true }).then(() => undefined)];
    const limitMs = intEnv('BENCH_MAX_SECONDS', 60) * 1000;
    await runLoad(network, Math.min(500, total), limitMs);
    await runLoad(cached, Math.min(500, total), limitMs);
    await settle();
    const n = await runLoad(network, total, limitMs);
    await settle();
    const startHits = await hits();
    const c = await runLoad(cached, total, limitMs);
    const leaked = (await hits()) - startHits;
    h.destroy();
    const summary = (r: typeof n): object => ({
      completed: r.completed,
      errors: r.errors,
      rps: (r.completed * 1000) / r.elapsedMs,
      p50: percentile(r.latencies, 50),
      p99: percentile(r.latencies, 99),
      mean: r.latencies.reduce((a, b) => a + b, 0) / r.latencies.length,
    });
    emit({ network: summary(n), cached: summary(c), serverHitsDuringCacheRun: leaked });
  } finally {
    try {
      await handle?.delete();
    } catch {
      // The placeholder rejects; nothing to delete then.
    }
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- one small-GET run: one client alone in this process, as an app would use it ----------------

/**
 * Warms up for `warmMs` (pools, then the JIT), then measures for `measureMs`. No forced GC in between: a full
 * GC discards optimized code whose embedded objects died, so a run right after one measures recompiling.
 */
async function small(origin: string, name: string, concurrency: number, warmMs: number, measureMs: number): Promise<void> {
  const made = await kindNamed(name).create(`${origin}/json`);
  if (typeof made === 'string') {
    emit({ skipped: made });
    return;
  }
  const workers = Array.from({ length: concurrency }, () => made.worker());
  await runLoad(workers, Infinity, warmMs);
  const r = await runLoad(workers, Infinity, measureMs);
  await made.close();
  emit({
    completed: r.completed,
    errors: r.errors,
    firstError: r.firstError,
    elapsedMs: r.elapsedMs,
    cpu: r.cpuMicrosPerRequest,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    stuck: r.stuck,
  });
}

// ---- the loop profiled with --cpu-prof -------------------------------------------------------

async function profile(origin: string, name: string, total: number, concurrency: number): Promise<void> {
  const made = await kindNamed(name).create(`${origin}/json`);
  if (typeof made === 'string') {
    emit({ skipped: made });
    return;
  }
  const workers = Array.from({ length: concurrency }, () => made.worker());
  await runLoad(workers, Math.min(2000, total), 60_000);
  await settle();
  const r = await runLoad(workers, total, intEnv('BENCH_MAX_SECONDS', 60) * 1000);
  await made.close();
  emit({ completed: r.completed, errors: r.errors, rps: (r.completed * 1000) / r.elapsedMs });
}

const [mode, origin, a, b, c, d] = process.argv.slice(2);
if (origin === undefined || !/^https?:\/\/127\.0\.0\.1:/.test(origin)) throw new Error('child needs a 127.0.0.1 origin');
switch (mode) {
  case 'small':
    await small(origin, a as string, Number(b), Number(c), Number(d));
    break;
  case 'micro':
    await micro(origin);
    break;
  case 'rss':
    await rss(origin, a as string, Number(b), Number(c));
    break;
  case 'stream':
    await bigStream(origin, a as string, Number(b));
    break;
  case 'cache':
    await cache(origin, Number(a));
    break;
  case 'profile':
    await profile(origin, a as string, Number(b), Number(c));
    break;
  default:
    throw new Error(`unknown mode ${String(mode)}`);
}
if (sink === process) console.log('');
// Whatever a library left open must not keep this child alive once its result is out.
setTimeout(() => { process.exit(0); }, 2000).unref();
