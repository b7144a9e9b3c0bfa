// `npm run bench`: ohos-net-http against raw undici and the usual alternatives, on a local server in
// its own process. Prints a table and writes bench/results.md. Every knob is a BENCH_* variable (README.md).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BASELINE, CLIENTS, FLOOR, FLOOR_DEVICE, type Transport } from './clients.js';
import { RESULT_PREFIX, fixed, intEnv, median, mib, startServer, type BenchServer } from './common.js';
import { formatSummary, summarise } from './profile-summary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

/** Each small-GET run: this long to warm up (pools, then the JIT), then this long measured. */
const WARMUP_MS = intEnv('BENCH_WARMUP_MS', 1000);
const MEASURE_MS = Math.max(100, intEnv('BENCH_MEASURE_MS', 1500));
const ROUNDS = Math.max(1, intEnv('BENCH_ROUNDS', 5));
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,64').split(',').map(Number).filter((n) => n >= 1);
const RSS_REQUESTS = intEnv('BENCH_RSS_REQUESTS', 10_000);
const STREAM_BYTES = intEnv('BENCH_STREAM_BYTES', 1024 ** 3);
const STREAM_ROUNDS = Math.max(1, intEnv('BENCH_STREAM_ROUNDS', 3));
const CACHE_REQUESTS = intEnv('BENCH_CACHE_REQUESTS', 2000);
const IMPORT_RUNS = Math.max(1, intEnv('BENCH_IMPORT_RUNS', 11));
const PROFILE = process.env.BENCH_PROFILE === '1';
const PROFILE_REQUESTS = intEnv('BENCH_PROFILE_REQUESTS', 20_000);
const TRANSPORTS = (process.env.BENCH_TRANSPORTS ?? 'h1,h2').split(',').filter((t): t is Transport => t === 'h1' || t === 'h2');
/** Only the clients whose names contain one of these (comma list); the floor and undici.request always run. */
const ONLY_CLIENTS = process.env.BENCH_CLIENTS?.split(',').filter((c) => c !== '');
const OURS = 'ohos request()';
const SYNC = 'ohos requestSync()';
const SECTIONS = new Set((process.env.BENCH_ONLY ?? 'http,micro,rss,import,stream,cache,profile').split(','));

const notes: string[] = [];
const md: string[] = [];
/** One line per target of issues 3, 5 and 7, collected by the sections that measure them. */
const verdicts: string[] = [];

function note(text: string): void {
  notes.push(text);
  console.log(`  note: ${text}`);
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** Runs child.js in a fresh process and returns its result object. */
function child(args: readonly (string | number)[], execArgv: readonly string[] = ['--expose-gc'], timeoutMs = 300_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...execArgv, CHILD, ...args.map(String)], { stdio: ['ignore', 'pipe', 'inherit'], cwd: ROOT });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line === undefined) reject(new Error(`child ${args.join(' ')} exited ${String(code)} without a result`));
      else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown>);
    });
  });
}

// ---- small GETs -------------------------------------------------------------------------------

interface Row {
  readonly transport: Transport;
  readonly name: string;
  readonly concurrency: number;
  readonly rps: number;
  /** Median over rounds of this client's req/s divided by undici.request's in the same round. */
  readonly pairedRatio: number;
  /** The same against the dispatch floor. */
  readonly floorRatio: number;
  /** The same against the floor held to the device's rules (its request headers and connection discipline). */
  readonly deviceFloorRatio: number;
  /** Median over rounds of request()'s req/s divided by this client's (at c=1: mean latency relative to request()). */
  readonly latencyVsRequest: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpu: number;
  readonly errors: number;
  readonly completed: number;
}

const TRANSPORT_LABEL: Record<Transport, string> = { h1: 'HTTP/1.1', h2: 'TLS + HTTP/2' };

/** Median over the rounds both ran of a[i] / b[i]. */
function pairedMedian(a: readonly number[] | undefined, b: readonly number[] | undefined): number {
  if (a === undefined || b === undefined) return NaN;
  const ratios = a.map((v, i) => v / (b[i] ?? NaN)).filter((r) => !Number.isNaN(r));
  return ratios.length === 0 ? NaN : median(ratios);
}

/** The median of the rounds a client ran (a run that failed to report leaves NaN in its round). */
function medianOf(values: readonly number[]): number {
  const ran = values.filter((v) => !Number.isNaN(v));
  return ran.length === 0 ? NaN : median(ran);
}

interface SmallRun {
  readonly completed: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly elapsedMs: number;
  readonly cpu: number;
  readonly p50: number;
  readonly p99: number;
  readonly stuck: boolean;
}

/**
 * Every run is a fresh process with one client, warmed up, then measured for a fixed time; every client runs once
 * per round, in an order rotated each round, so that the ratios pair runs seconds apart.
 */
async function smallGets(origin: string, transport: Transport): Promise<Row[]> {
  const kinds = CLIENTS.filter((kind) =>
    (kind.transports ?? ['h1']).includes(transport) &&
    (ONLY_CLIENTS === undefined || kind.name === FLOOR || kind.name === FLOOR_DEVICE || kind.name === BASELINE || ONLY_CLIENTS.some((c) => kind.name.includes(c))));
  const skipped = new Set<string>();
  const rows: Row[] = [];
  for (const c of CONCURRENCY) {
    const names = kinds.filter((k) => (k.maxConcurrency ?? Infinity) >= c).map((k) => k.name);
    const series = (): Map<string, number[]> => new Map(names.map((n) => [n, Array<number>(ROUNDS).fill(NaN)]));
    const rps = series();
    const p50s = series();
    const p99s = series();
    const cpus = series();
    const errs = new Map<string, number>(names.map((n) => [n, 0]));
    const done = new Map<string, number>(names.map((n) => [n, 0]));
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order each round: no library always runs right after the same neighbour.
      const order = names.map((_, i) => names[(i + round) % names.length] as string);
      for (const name of order) {
        if (skipped.has(name)) continue;
        let r: SmallRun;
        try {
          const out = await child(['small', origin, name, c, WARMUP_MS, MEASURE_MS], ['--expose-gc'], WARMUP_MS + MEASURE_MS + 60_000);
          if (typeof out.skipped === 'string') {
            note(`${name} skipped: ${out.skipped}`);
            skipped.add(name);
            continue;
          }
          r = out as unknown as SmallRun;
        } catch (err) {
          note(`${name} ${transport} c=${c} round ${round + 1}: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        const perSecond = (r.completed * 1000) / r.elapsedMs;
        (rps.get(name) as number[])[round] = perSecond;
        (p50s.get(name) as number[])[round] = r.p50;
        (p99s.get(name) as number[])[round] = r.p99;
        (cpus.get(name) as number[])[round] = r.cpu;
        errs.set(name, (errs.get(name) ?? 0) + r.errors);
        done.set(name, (done.get(name) ?? 0) + r.completed);
        if (r.errors > 0) note(`${name} ${transport} c=${c}: ${r.errors} failed requests (first: ${String(r.firstError)})`);
        if (r.stuck) note(`${name} ${transport} c=${c}: requests still unsettled 10 s after the run's end`);
        console.log(`  ${transport} c=${String(c).padStart(2)} round ${round + 1}/${ROUNDS}  ${name.padEnd(24)} ${perSecond.toFixed(0).padStart(7)} req/s  ${r.cpu.toFixed(0).padStart(4)} µs CPU/req`);
      }
    }
    for (const name of names) {
      if (skipped.has(name)) continue;
      rows.push({
        transport,
        name,
        concurrency: c,
        rps: medianOf(rps.get(name) as number[]),
        pairedRatio: pairedMedian(rps.get(name), rps.get(BASELINE)),
        floorRatio: pairedMedian(rps.get(name), rps.get(FLOOR)),
        deviceFloorRatio: pairedMedian(rps.get(name), rps.get(FLOOR_DEVICE)),
        latencyVsRequest: pairedMedian(rps.get(OURS), rps.get(name)),
        p50: medianOf(p50s.get(name) as number[]),
        p99: medianOf(p99s.get(name) as number[]),
        cpu: medianOf(cpus.get(name) as number[]),
        errors: errs.get(name) ?? 0,
        completed: done.get(name) ?? 0,
      });
    }
  }
  return rows;
}

function tableOf(rows: readonly Row[]): string {
  const lines = [
    '| client | c | req/s | × floor | × undici | p50 ms | × undici | p99 ms | × undici | client CPU µs/req | × undici | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const base = rows.find((b) => b.name === BASELINE && b.concurrency === r.concurrency);
    const x = (v: number, b: number | undefined): string => (b === undefined ? 'n/a' : fixed(v / b));
    lines.push(`| ${r.name} | ${r.concurrency} | ${r.rps.toFixed(0)} | ${fixed(r.floorRatio)} | ${fixed(r.pairedRatio)} | ${fixed(r.p50, 3)} | ${x(r.p50, base?.p50)} | ${fixed(r.p99, 3)} | ${x(r.p99, base?.p99)} | ${r.cpu.toFixed(0)} | ${x(r.cpu, base?.cpu)} | ${r.errors} |`);
  }
  return lines.join('\n');
}

function targets(rows: readonly Row[]): string[] {
  const out: string[] = [];
  const find = (t: Transport, name: string, c: number): Row | undefined => rows.find((r) => r.transport === t && r.name === name && r.concurrency === c);
  for (const t of TRANSPORTS) {
    for (const c of CONCURRENCY) {
      const ours = find(t, OURS, c);
      if (ours === undefined) continue;
      const label = `${TRANSPORT_LABEL[t]} c=${c}`;
      // The floor targets: 0.85 over HTTP/1.1 at every concurrency; over TLS + HTTP/2 at c=64.
      const floorTarget = t === 'h1' || c >= 64;
      const floorCpu = find(t, FLOOR, c)?.cpu ?? NaN;
      out.push(`- ${label}: request() = **${fixed(ours.floorRatio, 3)} × the dispatch floor**, ${fixed(ours.pairedRatio, 3)} × undici.request req/s; client CPU per request ${fixed(ours.cpu / floorCpu)} × the floor's${floorTarget ? ` — ${ours.floorRatio >= 0.85 ? 'meets' : 'MISSES'} ≥ 0.85 × floor` : ''}`);
      const deviceFloor = find(t, FLOOR_DEVICE, c);
      if (deviceFloor !== undefined) {
        out.push(`- ${label}: (not a target) request() = ${fixed(ours.deviceFloorRatio, 3)} × the floor held to the device's rules, which itself runs at ${fixed(deviceFloor.floorRatio, 3)} × the floor`);
      }
      const ax = find(t, 'axios', c);
      if (ax !== undefined) {
        const vsAxios = ours.pairedRatio / ax.pairedRatio;
        out.push(`- ${label}: request() = **${fixed(vsAxios)} × axios** req/s — ${vsAxios >= 2.5 ? 'meets' : 'MISSES'} the ≥ 2.5 × target (undici.request itself is ${fixed(1 / ax.pairedRatio)} × axios here)`);
      }
      const sync = find(t, SYNC, c);
      if (sync !== undefined) {
        // p50, not the mean: the mean moves with every stall another process causes.
        const p50 = sync.p50 / ours.p50;
        out.push(`- ${label}: requestSync() latency = **${fixed(p50, 3)} × request()** (p50; mean, paired by round: ${fixed(sync.latencyVsRequest)} ×) — ${p50 <= 1.5 ? 'meets' : 'MISSES'} ≤ 1.5 ×`);
      }
    }
  }
  return out;
}

// ---- other sections ---------------------------------------------------------------------------

async function microSection(origin: string): Promise<void> {
  const r = await child(['micro', origin]);
  const rows = r.rows as { name: string; ns: number | undefined; note: string | undefined }[];
  md.push('## Per-request overhead (micro-benchmarks of compiled internals)', '', '| function | ns / call | note |', '| --- | ---: | --- |');
  for (const row of rows) {
    md.push(`| ${row.name} | ${row.ns === undefined ? 'skipped' : row.ns.toFixed(0)} | ${row.note ?? ''} |`);
    console.log(`  ${row.name.padEnd(56)} ${row.ns === undefined ? `skipped: ${String(row.note)}` : `${row.ns.toFixed(0)} ns`}`);
    if (row.note !== undefined) note(`micro ${row.name}: ${row.note}`);
  }
  md.push('');
}

async function rssSection(origin: string): Promise<void> {
  md.push(`## Peak RSS over ${RSS_REQUESTS} requests (c=64, fresh process each)`, '', '| client | RSS before | peak RSS | growth | req/s |', '| --- | ---: | ---: | ---: | ---: |');
  for (const name of ['ohos request()', BASELINE]) {
    const r = await child(['rss', origin, name, RSS_REQUESTS, 64]);
    if (typeof r.skipped === 'string') {
      note(`RSS ${name} skipped: ${r.skipped}`);
      continue;
    }
    const base = r.baseline as number;
    const peak = r.peak as number;
    const rps = ((r.completed as number) * 1000) / (r.elapsedMs as number);
    if ((r.errors as number) > 0) note(`RSS run ${name}: ${String(r.errors)} errors (${String(r.firstError)})`);
    md.push(`| ${name} | ${mib(base)} | ${mib(peak)} | ${mib(peak - base)} | ${rps.toFixed(0)} |`);
    console.log(`  ${name.padEnd(24)} RSS ${mib(base)} → peak ${mib(peak)} (+${mib(peak - base)})`);
  }
  md.push('');
}

function importSection(): void {
  const time = (args: string[]): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}`);
    return performance.now() - t0;
  };
  const withPkg: number[] = [];
  const bare: number[] = [];
  const inProcess: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    bare.push(time(['-e', 'void 0']));
    withPkg.push(time(['-e', "import('ohos-net-http')"]));
    const r = spawnSync(process.execPath, [
      '--input-type=module', '-e',
      "const t = performance.now(); await import('ohos-net-http'); process.stdout.write(String(performance.now() - t));",
    ], { cwd: ROOT, encoding: 'utf8' });
    inProcess.push(Number(r.stdout));
  }
  const delta = median(withPkg) - median(bare);
  md.push(
    '## Import time', '',
    `| measure (median of ${IMPORT_RUNS}) | ms |`, '| --- | ---: |',
    `| \`node -e "import('ohos-net-http')"\` wall time | ${fixed(median(withPkg), 1)} |`,
    `| \`node -e "void 0"\` wall time (baseline) | ${fixed(median(bare), 1)} |`,
    `| **difference** (target < 50) | **${fixed(delta, 1)}** |`,
    `| \`await import('ohos-net-http')\` measured inside the process | ${fixed(median(inProcess), 1)} |`,
    '',
  );
  console.log(`  import: ${fixed(delta, 1)} ms over baseline (in-process ${fixed(median(inProcess), 1)} ms)`);
  verdicts.push(`- import 'ohos-net-http': **${fixed(delta, 1)} ms** over a bare \`node -e\` — ${delta < 50 ? 'meets' : 'MISSES'} the < 50 ms target`);
}

async function streamSection(origin: string): Promise<void> {
  const best = new Map<string, number>();
  const growth = new Map<string, number>();
  const runs = new Map<string, string[]>();
  let skipped: string | undefined;
  for (let round = 0; round < STREAM_ROUNDS && skipped === undefined; round++) {
    const order = round % 2 === 0 ? ['undici', 'ohos'] : ['ohos', 'undici'];
    for (const lib of order) {
      const r = await child(['stream', origin, lib, STREAM_BYTES]);
      if (typeof r.skipped === 'string') {
        skipped = r.skipped;
        continue;
      }
      if (r.error !== undefined || r.received !== STREAM_BYTES || r.status !== 200) {
        note(`stream ${lib}: status ${String(r.status)}, ${String(r.received)} of ${STREAM_BYTES} bytes, error ${String(r.error)}`);
        continue;
      }
      const mbps = (STREAM_BYTES / 1024 / 1024) / ((r.elapsedMs as number) / 1000);
      const grew = (r.peak as number) - (r.baseline as number);
      best.set(lib, Math.max(best.get(lib) ?? 0, mbps));
      growth.set(lib, Math.max(growth.get(lib) ?? -Infinity, grew));
      const detail = `JS heap +${mib(r.heapTotalGrowth as number)}, ArrayBuffers ${mib(r.arrayBuffersAtPeak as number)} at the peak`;
      runs.set(lib, [...(runs.get(lib) ?? []), `${mbps.toFixed(0)} MiB/s, RSS +${mib(grew)} (${detail})`]);
      console.log(`  stream round ${round + 1}/${STREAM_ROUNDS} ${lib.padEnd(7)} ${mbps.toFixed(0)} MiB/s, RSS +${mib(grew)}`);
    }
  }
  md.push(`## One ${mib(STREAM_BYTES)} body (best of ${STREAM_ROUNDS} per client, fresh process each; RSS sampled every 50 ms)`, '');
  if (skipped !== undefined) {
    note(`requestInStream stream row skipped: ${skipped}`);
    verdicts.push(`- requestInStream ${mib(STREAM_BYTES)}: skipped — ${skipped}`);
    md.push(`requestInStream row skipped: ${skipped}`, '');
  }
  md.push('| client | MiB/s (best) | × undici.stream | peak RSS growth (worst) | every run |', '| --- | ---: | ---: | ---: | --- |');
  const base = best.get('undici');
  for (const [lib, label] of [['ohos', 'ohos requestInStream()'], ['undici', 'undici.stream → discarding Writable']] as const) {
    const v = best.get(lib);
    if (v === undefined) continue;
    md.push(`| ${label} | ${v.toFixed(0)} | ${base === undefined ? 'n/a' : fixed(v / base, 3)} | ${mib(growth.get(lib) ?? 0)} | ${(runs.get(lib) ?? []).join('; ')} |`);
  }
  const ours = best.get('ohos');
  if (ours !== undefined && base !== undefined) {
    const ratio = ours / base;
    const grew = growth.get('ohos') ?? 0;
    // Both measured the same way (fresh process, same sampler): ours may grow at most 16 MiB more than undici.stream.
    const allowed = (growth.get('undici') ?? 0) + 16 * 1024 * 1024;
    md.push('', `Targets: throughput ≥ 1.0 × undici.stream → **${fixed(ratio, 3)}**; RSS growth ≤ undici.stream's + 16 MiB (${mib(allowed)}) → **${mib(grew)}**.`);
    verdicts.push(`- requestInStream ${mib(STREAM_BYTES)}: **${fixed(ratio, 3)} × undici.stream** throughput — ${ratio >= 1 ? 'meets' : 'MISSES'} ≥ 1.0; RSS growth **${mib(grew)}** (undici.stream ${mib(growth.get('undici') ?? 0)}) — ${grew <= allowed ? 'meets' : 'MISSES'} ≤ undici.stream's + 16 MiB`);
  }
  md.push('');
}

async function cacheSection(origin: string): Promise<void> {
  const r = await child(['cache', origin, CACHE_REQUESTS]);
  md.push(`## Fresh cache hit vs a loopback round trip (request(), c=1, ${CACHE_REQUESTS} each)`, '');
  if (typeof r.skipped === 'string') {
    note(`cache row skipped: ${r.skipped}`);
    verdicts.push(`- fresh cache hit vs round trip: skipped — ${r.skipped}`);
    md.push(`Skipped: ${r.skipped}`, '');
    return;
  }
  interface S { rps: number; p50: number; p99: number; mean: number; errors: number }
  const n = r.network as S;
  const c = r.cached as S;
  md.push(
    '| path | req/s | p50 ms | p99 ms | mean ms |', '| --- | ---: | ---: | ---: | ---: |',
    `| network (\`usingCache: false\`) | ${n.rps.toFixed(0)} | ${fixed(n.p50, 3)} | ${fixed(n.p99, 3)} | ${fixed(n.mean, 3)} |`,
    `| fresh cache hit | ${c.rps.toFixed(0)} | ${fixed(c.p50, 3)} | ${fixed(c.p99, 3)} | ${fixed(c.mean, 3)} |`,
    '',
    `Cache hit is **${fixed(n.mean / c.mean, 1)} ×** faster by mean latency (p50: ${fixed(n.p50 / c.p50, 1)} ×); targets ≥ 10 × (issue 5), ≥ 20 × (issue 7). Server requests during the cache run: ${String(r.serverHitsDuringCacheRun)}.`,
    '',
  );
  console.log(`  cache hit ${fixed(n.mean / c.mean, 1)} × faster than the network (mean)`);
  const x = n.mean / c.mean;
  verdicts.push(`- fresh cache hit: **${fixed(x, 1)} ×** faster than a loopback round trip (mean latency) — ${x >= 20 ? 'meets ≥ 20 × (issue 7) and ≥ 10 × (issue 5)' : x >= 10 ? 'meets ≥ 10 × (issue 5), MISSES ≥ 20 × (issue 7)' : 'MISSES ≥ 10 ×'}`);
}

async function profileSection(server: BenchServer): Promise<void> {
  const dir = join(ROOT, '.build', 'bench-profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  md.push(`## CPU profiles (\`node --cpu-prof\`, ${PROFILE_REQUESTS} requests after 2000 warm-up)`, '');
  for (const t of TRANSPORTS) {
    for (const c of CONCURRENCY) {
      for (const name of [OURS, FLOOR, BASELINE]) {
        const sub = join(dir, `${t}_${name.replace(/\W+/g, '_')}_c${c}`);
        const origin = t === 'h1' ? server.origin : server.secureOrigin;
        const r = await child(['profile', origin, name, PROFILE_REQUESTS, c], ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${sub}`]);
        const file = readdirSync(sub).find((f) => f.endsWith('.cpuprofile'));
        if (file === undefined) {
          note(`no profile written for ${name} ${t} c=${c}`);
          continue;
        }
        const title = `${name}, ${TRANSPORT_LABEL[t]}, c=${c}: ${fixed(r.rps as number, 0)} req/s under the profiler — ${join(sub, file).slice(ROOT.length)}`;
        const text = formatSummary(title, summarise(join(sub, file), 20));
        md.push(text, '');
        console.log(`\n${text}\n`);
      }
    }
  }
}

// ---- main ---------------------------------------------------------------------------------------

const started = performance.now();
const git = (args: string[]): string => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const revision = `${git(['rev-parse', '--short', 'HEAD']) || 'unknown'}${git(['status', '--porcelain', '--', 'src']) === '' ? '' : ' + uncommitted changes in src/'}`;
const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const envUsed = Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_')).map(([k, v]) => `${k}=${String(v)}`);
const command = `${envUsed.length > 0 ? `${envUsed.join(' ')} ` : ''}${process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : `node ${process.execArgv.join(' ')} .build/bench/run.js`}`;
console.log(`ohos-net-http bench — ${cpu}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`  small GETs: ${ROUNDS} rounds; each run a fresh process, ${WARMUP_MS} ms warm-up then ${MEASURE_MS} ms measured; concurrency ${CONCURRENCY.join(', ')}`);

const server = await startServer();
const rows: Row[] = [];
/**
 * How fast this host runs right now: the floor alone at HTTP/1.1 c=64 for a moment, before and after the bench.
 * A busy host shows here and not in the guest's load average (other tenants' load does not count in it).
 */
async function hostProbe(): Promise<string> {
  try {
    const r = (await child(['small', server.origin, FLOOR, 64, 500, 1500], [], 60_000)) as unknown as SmallRun;
    return `${((r.completed * 1000) / r.elapsedMs).toFixed(0)} req/s (${r.cpu.toFixed(0)} µs CPU per request)`;
  } catch (err) {
    return `no result (${err instanceof Error ? err.message : String(err)})`;
  }
}
const probeBefore = await hostProbe();
console.log(`  host probe: the floor alone at HTTP/1.1 c=64 ran ${probeBefore}`);
let probeAfter = 'not run';
try {
  if (SECTIONS.has('http')) {
    for (const t of TRANSPORTS) {
      console.log(`\nSmall GET (1 KiB JSON), ${TRANSPORT_LABEL[t]}`);
      rows.push(...await smallGets(t === 'h1' ? server.origin : server.secureOrigin, t));
    }
  }
  if (SECTIONS.has('micro')) {
    console.log('\nMicro-benchmarks');
    await microSection(server.origin);
  }
  if (SECTIONS.has('rss')) {
    console.log('\nPeak RSS');
    await rssSection(server.origin);
  }
  if (SECTIONS.has('import')) {
    console.log('\nImport time');
    importSection();
  }
  if (SECTIONS.has('stream') && STREAM_BYTES > 0) {
    console.log(`\nLarge body (${mib(STREAM_BYTES)})`);
    await streamSection(server.origin);
  }
  if (SECTIONS.has('cache')) {
    console.log('\nCache');
    await cacheSection(server.origin);
  }
  if (PROFILE && SECTIONS.has('profile')) {
    console.log('\nCPU profiles');
    await profileSection(server);
  }
  probeAfter = await hostProbe();
  console.log(`  host probe after: ${probeAfter}`);
} finally {
  await server.close();
}

const elapsed = (performance.now() - started) / 1000;
const head = [
  '# ohos-net-http benchmark results',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpu}, ${os.cpus().length} cores, ${os.type()} ${os.release()} (${os.arch()}), ${mib(os.totalmem())} RAM`,
  `- Code: ${revision}`,
  `- Node ${process.version}; undici ${versionOf('undici')}, axios ${versionOf('axios')}, got ${versionOf('got')}, node-fetch ${versionOf('node-fetch')}`,
  `- Command: \`${command}\` (took ${elapsed.toFixed(0)} s); load average before the run ${loadBefore}`,
  `- Host probe (the floor alone at HTTP/1.1 c=64 for 1.5 s after 0.5 s of warm-up, in a fresh process; a busy host shows here, not in the guest's load average): ${probeBefore} before the run, ${probeAfter} after it`,
  `- Server: node:http (HTTP/1.1) and node:http2 createSecureServer (TLS + HTTP/2, allowHTTP1, maxConcurrentStreams 128, test/fixtures certificate; our client passes caPath, undici its own Agent's connect.ca) in a separate process on 127.0.0.1, keep-alive. Client: every run is a fresh process with one client in it, as an app would use it; every client runs once per round, in an order rotated each round.`,
  `- Small GET: each run warms up for ${WARMUP_MS} ms (pools, then the JIT), then is measured for ${MEASURE_MS} ms, with no forced GC in between (a full GC discards optimized code whose embedded objects died, so a run right after one measures recompiling); ${ROUNDS} rounds; req/s = median of rounds; its ratios = median over rounds of (client ÷ the dispatch floor, or ÷ undici.request, in the same round), which cancels most of the load other processes put on the machine; p50/p99 = median of the runs' own. The floor is undici's \`dispatch\` with a handler that only collects the bytes and decodes them to a string (no Readable, no header object); it and undici.request share the Agent settings of our pools (allowH2, headersTimeout 0, bodyTimeout 0). \`undici dispatch, device rules\` is the same handler held to what the device does: its default request headers (User-Agent, Accept, Accept-Encoding), the next HTTP/1.1 request only once undici has handed the socket back to its pool (one loop turn; sooner, undici opens a second connection), one multiplexed HTTP/2 connection (undici alone opens one per concurrent first request). requestSync() blocks, so it runs at c=1 only; its latency ratio is its p50 over request()'s p50 (medians of the runs; the mean, as median over rounds of request() req/s ÷ requestSync() req/s, is given beside it). Latency and CPU ratios: lower is better. Client CPU = user + system time of the client process per request (median of rounds): steadier than req/s when the machine is shared.`,
  '',
];
const body: string[] = [];
if (rows.length > 0) verdicts.unshift(...targets(rows));
if (verdicts.length > 0) body.push('## Targets', '', ...verdicts, '');
for (const t of TRANSPORTS) {
  const these = rows.filter((r) => r.transport === t);
  if (these.length === 0) continue;
  body.push(`## Small GET, 1 KiB JSON body read as text, ${TRANSPORT_LABEL[t]}`, '', tableOf(these), '');
  console.log(`\n${TRANSPORT_LABEL[t]}\n${tableOf(these)}`);
}
console.log(`\n${verdicts.join('\n')}`);
const tail = notes.length > 0 ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : [];
// A partial run (BENCH_ONLY) must not overwrite the full table: it goes to .build/ unless BENCH_OUT says otherwise.
const out = process.env.BENCH_OUT ?? join(ROOT, process.env.BENCH_ONLY === undefined ? 'bench/results.md' : '.build/bench-results-partial.md');
writeFileSync(out, [...head, ...body, ...md, ...tail].join('\n'));
console.log(`\nwrote ${out.slice(ROOT.length)} in ${elapsed.toFixed(0)} s`);
