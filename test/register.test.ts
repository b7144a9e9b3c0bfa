// Unmodified HarmonyOS code: the loader hook for device module names, and device examples type-checking.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, startHttp, type TestServer } from './helpers/servers.js';

const run = promisify(execFile);
let server: TestServer;
let dir: string;

before(async () => {
  server = await startHttp((_req, res) => res.end('from the server'));
  dir = await mkdtemp(join(tmpdir(), 'ohos-register-'));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ohos-net-http/register', () => {
  it('resolves @ohos.net.http, @kit.NetworkKit and @ohos.base to one module instance', async () => {
    // The app lives outside the package: only the hook can resolve these names.
    const app = join(dir, 'app.mjs');
    await writeFile(app, `
      import http from '@ohos.net.http';
      import { http as kitHttp } from '@kit.NetworkKit';
      import * as base from '@ohos.base';
      const res = await http.createHttp().request(${JSON.stringify(server.url)});
      console.log(JSON.stringify({
        same: kitHttp.createHttp === http.createHttp && kitHttp.RequestMethod === http.RequestMethod,
        base: typeof base,
        code: res.responseCode,
        result: res.result,
      }));
    `);
    const { stdout } = await run(process.execPath, ['--import', 'ohos-net-http/register', app], { cwd: repoRoot });
    assert.deepEqual(JSON.parse(stdout), { same: true, base: 'object', code: 200, result: 'from the server' });
  });

  for (const flag of ['--import', '--require']) {
    it(`serves require() of the three names under ${flag}, one instance with import`, async () => {
      const app = join(dir, 'app.cjs');
      await writeFile(app, `
        const http = require('@ohos.net.http');
        const { http: kitHttp } = require('@kit.NetworkKit');
        const base = require('@ohos.base');
        let other;
        try { require('constructor'); } catch (err) { other = err.code; }
        (async () => {
          const imported = await import('@ohos.net.http');
          const res = await http.createHttp().request(${JSON.stringify(server.url)});
          console.log(JSON.stringify({
            same: kitHttp.createHttp === http.createHttp && imported.default === http.default,
            base: typeof base, other, code: res.responseCode, result: res.result,
          }));
        })();
      `);
      const { stdout } = await run(process.execPath, [flag, 'ohos-net-http/register', app], { cwd: repoRoot });
      assert.deepEqual(JSON.parse(stdout), { same: true, base: 'object', other: 'MODULE_NOT_FOUND', code: 200, result: 'from the server' });
    });
  }

  it('fails to resolve those names without the hook (the test above is not vacuous)', async () => {
    const app = join(dir, 'plain.mjs');
    await writeFile(app, "import http from '@ohos.net.http'; console.log(typeof http);");
    await assert.rejects(run(process.execPath, [app], { cwd: repoRoot }), /ERR_INVALID_MODULE_SPECIFIER|ERR_MODULE_NOT_FOUND/);
  });
});

describe('type declarations', () => {
  it('type-check device example code mapped with tsconfig paths', async () => {
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const project = join(repoRoot, 'test', 'fixtures', 'device-code', 'tsconfig.json');
    const { stdout } = await run(process.execPath, [tsc, '-p', project]);
    assert.equal(stdout, '');
  });

  it('reject code that misuses the API', async () => {
    const file = join(dir, 'bad.ts');
    await writeFile(file, `
      import http from '@ohos.net.http';
      http.createHttp().request('u', { readTimeout: '1s' });
      http.createHttp().on('noSuchEvent', () => {});
    `);
    const cfg = join(dir, 'tsconfig.json');
    const paths = (name: string): string => join(repoRoot, 'dist', name);
    await writeFile(cfg, JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, module: 'ESNext', moduleResolution: 'Bundler', types: [], lib: ['ES2022'],
        paths: { '@ohos.net.http': [paths('index.d.ts')] },
      },
      files: [file],
    }));
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    await assert.rejects(run(process.execPath, [tsc, '-p', cfg]), (err: { stdout?: string }) => {
      assert.match(String(err.stdout), /readTimeout/);
      assert.match(String(err.stdout), /noSuchEvent/);
      return true;
    });
  });
});
