// HttpResponseCache across processes: a restart answers from disk, a process with a running cache
// exits by itself (and writes what it stored on the way out), and SIGKILL in the middle of writes
// never leaves a file the next process chokes on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import http from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { cacheableRoute, startCounting } from './helpers/cache.js';
import { repoRoot, type TestServer } from './helpers/servers.js';

const FILE = 'http-cache.v1';
let server: TestServer;
let count: (path: string) => number;
const dirs: string[] = [];

before(async () => {
  leakBaseline();
  ({ server, count } = await startCounting(cacheableRoute(600, (path: string) => path)));
});

after(async () => {
  await server.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  await assertNoLeaks();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ohos-cache-proc-'));
  dirs.push(dir);
  return dir;
}

interface ChildResult { code: number | null; signal: string | null; stdout: string; stderr: string }

/** Runs an ESM snippet in a child Node process inside the package, so `ohos-net-http` resolves to this build. */
function runScript(source: string, timeoutMs = 15_000): Promise<ChildResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', source], { cwd: repoRoot, timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
      resolve({ code, signal: err?.signal ?? null, stdout, stderr });
    });
  });
}

/** A child script that starts a cache in `dir`, fetches `path` and prints [status, result, isCacheHit]. */
const fetchOnce = (dir: string, path: string): string => `
  import http from 'ohos-net-http';
  import { configure } from 'ohos-net-http/node';
  configure({ cacheDir: ${JSON.stringify(dir)} });
  http.createHttpResponseCache();
  const res = await http.createHttp().request(${JSON.stringify(server.origin + path)});
  console.log(JSON.stringify([res.responseCode, res.result, res.connectionExtraInfo.isCacheHit]));
`;

describe('persistence across processes', () => {
  it('a second process with the same cache directory answers from disk without touching the server', async () => {
    const dir = await tempDir();
    configure({ cacheDir: dir });
    const cache = http.createHttpResponseCache();
    const req = http.createHttp();
    try {
      await req.request(`${server.origin}/restart`);
      await cache.flush();
      const r = await runScript(fetchOnce(dir, '/restart'));
      assert.equal(r.stderr, '');
      assert.deepEqual(JSON.parse(r.stdout), [200, '/restart #1', true]);
      assert.equal(count('/restart'), 1);
    } finally {
      req.destroy();
      await cache.delete();
    }
  });

  it('a process with a running cache exits by itself after its last request, writing its entries on the way out', async () => {
    const dir = await tempDir();
    const started = Date.now();
    const first = await runScript(fetchOnce(dir, '/exit'), 10_000);
    assert.equal(first.stderr, '');
    assert.equal(first.code, 0, `the child did not exit by itself (signal ${String(first.signal)})`);
    assert.ok(Date.now() - started < 10_000);
    assert.deepEqual(JSON.parse(first.stdout), [200, '/exit #1', false]);
    assert.deepEqual(await readdir(dir), [FILE]);
    const second = await runScript(fetchOnce(dir, '/exit'));
    assert.deepEqual(JSON.parse(second.stdout), [200, '/exit #1', true]);
    assert.equal(second.code, 0);
    assert.equal(count('/exit'), 1);
  });
});

describe('crash safety', () => {
  it('SIGKILL in the middle of repeated flushes leaves a file the next process loads, every time', async (t) => {
    const dir = await tempDir();
    const probe = `${server.origin}/probe`;
    // Each round stores a new 400 kB response and flushes: a file of several MB rewritten back to back.
    const writer = `
      import http from 'ohos-net-http';
      import { configure } from 'ohos-net-http/node';
      configure({ cacheDir: ${JSON.stringify(dir)} });
      const cache = http.createHttpResponseCache();
      const req = http.createHttp();
      await req.request(${JSON.stringify(probe)});
      await cache.flush();
      console.log('ready');
      for (let i = 0; ; i++) {
        await req.request(${JSON.stringify(probe)});
        await req.request(${JSON.stringify(`${server.origin}/big?round=`)} + (i % 30), { usingCache: false });
        await cache.flush();
      }
    `;
    let midWrite = 0;
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', writer], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('ready')) resolve();
        });
        child.once('exit', (code) => {
          reject(new Error(`writer exited early (${String(code)}): ${stderr}`));
        });
      });
      await sleep(20 + Math.floor(Math.random() * 200));
      if (round % 2 === 1) {
        // Odd rounds aim at the write itself: kill as soon as a temp file shows up.
        for (let i = 0; i < 500 && !(await readdir(dir)).some((name) => name.endsWith('.tmp')); i++) await sleep(1);
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      if ((await readdir(dir)).some((name) => name.endsWith('.tmp'))) midWrite++;

      const check = await runScript(fetchOnce(dir, '/probe'));
      assert.equal(check.stderr, '', `round ${round}`);
      assert.equal(check.code, 0, `round ${round}`);
      assert.deepEqual(JSON.parse(check.stdout), [200, '/probe #1', true], `round ${round}: the file did not load`);
      assert.deepEqual(await readdir(dir), [FILE], `round ${round}: a dead writer's temp file survived the next start`);
    }
    t.diagnostic(`${midWrite} of ${rounds} kills landed in the middle of a write`);
    assert.equal(count('/probe'), 1);
  });
});
