// What a user installs: a fresh clone of the committed tree is packed with `npm pack` (its prepack builds it), the
// tarball is installed into a new CommonJS project and a new ES module project, and each uses every entry point,
// the bin, the register hook and the types the way a user would, against a local server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startHttp, type TestServer } from './helpers/servers.js';

/** Exactly what the tarball holds; a file added to or missing from the package must show up here. */
const PACKED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'package.json',
  ...['index', 'node', 'kit', 'base', 'register'].flatMap((e) => [`dist/${e}.d.ts`, `dist/${e}.d.cts`, `dist/bundle/${e}.cjs`, `dist/bundle/${e}.mjs`]),
  'dist/bundle/connection.cjs',
  'dist/bundle/connection.mjs',
  ...['api/address-family', 'api/base', 'api/connection-enums', 'api/connection-types', 'api/enums', 'api/request-types', 'api/tls-types',
    'api/types', 'api/x509-types', 'config', 'connection/index', 'connection/namespace', 'connection/unavailable', 'namespace',
    'http/HttpResponseCache', 'http/heads', 'transport/head', 'unavailable']
    .flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.d.cts`]),
  ...['ethernet', 'mdns', 'policy', 'sharing', 'webSocket', 'socket', 'statistics', 'vpn', 'vpnExtension', 'networkSecurity', 'eap',
    'netFirewall', 'VpnExtensionAbility'].flatMap((m) => [`dist/bundle/device/${m}.cjs`, `dist/bundle/device/${m}.mjs`]),
  'dist/bundle/core.cjs',
  'dist/bundle/main.mjs',
  'dist/bundle/register-hooks.mjs',
  'dist/bundle/sync-worker.cjs',
].sort();

const TSC = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

interface Run { stdout: string; stderr: string }

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err === null) resolve({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${err.message}\n${stdout}\n${stderr}`));
    });
  });
}
const node = (args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<Run> => run(process.execPath, args, cwd, env);

let work: string;
let server: TestServer;
let tarball: string;
const projects = { commonjs: '', module: '' };

before(async () => {
  server = await startHttp((req, res) => res.end(`hello ${req.url ?? ''}`));
  work = await mkdtemp(join(tmpdir(), 'ohos-package-'));
  // A fresh clone of what is committed; only the build tools are borrowed from this checkout.
  const clone = join(work, 'clone');
  await run('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone], work);
  await symlink(join(repoRoot, 'node_modules'), join(clone, 'node_modules'), 'dir');
  await run('npm', ['pack', '--silent', '--pack-destination', work], clone);
  const packed = (await readdir(work)).filter((f) => f.endsWith('.tgz'));
  assert.equal(packed.length, 1, `one tarball: ${packed.join(', ')}`);
  tarball = join(work, packed[0] ?? '');

  await Promise.all((['commonjs', 'module'] as const).map(async (type) => {
    const dir = join(work, type);
    projects[type] = dir;
    await mkdir(dir);
    await writeConsumer(dir, type, packed[0] ?? '');
    // Offline: the dependencies come from npm's cache (CI's `npm ci` has filled it); no network is used.
    await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--silent'], dir);
    // Node's own types, for the type checks (the package's declarations refer to undici's, which need them).
    await symlink(join(repoRoot, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir');
  }));
});

/**
 * A project that depends on the tarball, with a lockfile pinning the package's dependencies to this checkout's
 * versions: `npm ci --offline` then installs from npm's cache without asking the registry for anything.
 */
async function writeConsumer(dir: string, type: 'commonjs' | 'module', tgz: string): Promise<void> {
  const ours = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
    version: string; license: string; dependencies: Record<string, string>; bin: unknown; engines: unknown;
  };
  const locked = (JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> }).packages;
  const dependencies = { 'ohos-net-http': `file:../${tgz}` };
  const name = `consumer-${type}`;
  const packages: Record<string, unknown> = {
    '': { name, version: '1.0.0', dependencies },
    'node_modules/ohos-net-http': {
      version: ours.version, resolved: dependencies['ohos-net-http'], license: ours.license,
      dependencies: ours.dependencies, bin: ours.bin, engines: ours.engines,
    },
  };
  const pending = Object.keys(ours.dependencies);
  for (let dep = pending.pop(); dep !== undefined; dep = pending.pop()) {
    const key = `node_modules/${dep}`;
    const entry = locked[key];
    assert.ok(entry !== undefined, `${dep} is in package-lock.json`);
    packages[key] = entry;
    pending.push(...Object.keys(entry.dependencies ?? {}).filter((d) => packages[`node_modules/${d}`] === undefined));
  }
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, type, dependencies }));
  await writeFile(join(dir, 'package-lock.json'), JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
}

after(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds exactly the bundles, the declarations, README, LICENSE, CHANGELOG and package.json', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball], work);
    const files = stdout.split('\n').filter((line) => line !== '' && !line.endsWith('/')).map((line) => line.replace(/^package\//, '')).sort();
    assert.deepEqual(files, PACKED);
    const { size } = await stat(tarball);
    assert.ok(size > 30_000 && size < 200_000, `tarball size ${size} bytes`);
  });

  it('carries the full Apache-2.0 text', async () => {
    const { stdout } = await run('tar', ['-xOzf', tarball, 'package/LICENSE'], work);
    assert.match(stdout, /Apache License\s+Version 2\.0, January 2004/);
    assert.match(stdout, /END OF TERMS AND CONDITIONS/);
  });
});

/** Loads every entry point, checks import and require see one instance, and makes a request and a requestSync. */
const USE_EVERY_ENTRY = `
  const url = process.env.SERVER_URL;
  const http = load('ohos-net-http');
  const node = load('ohos-net-http/node');
  const kit = load('ohos-net-http/kit');
  const base = load('ohos-net-http/base');
  const pkg = load('ohos-net-http/package.json');
  const imported = await import('ohos-net-http');
  const importedNode = await import('ohos-net-http/node');
  node.configure({ internetPermission: false });
  const denied = importedNode.currentSettings().internetPermission === false;
  node.configure({ internetPermission: true });
  const res = await http.createHttp().request(url + 'async');
  const sync = http.createHttp().requestSync(url + 'sync');
  const failure = await http.createHttp().request('http://127.0.0.1:1/').catch((e) => e);
  console.log(JSON.stringify({
    code: res.responseCode, result: res.result, sync: sync.responseCode + ' ' + sync.result,
    sameModule: imported.default === http.default && imported.createHttp === http.createHttp
      && imported.default.createHttp === http.createHttp && kit.http === http.default,
    sameSettings: importedNode.configure === node.configure && denied,
    base: typeof base, version: pkg.version, error: JSON.stringify(failure), name: failure.name,
  }));
`;

const EXPECTED_USE = {
  code: 200, result: 'hello /async', sync: '200 hello /sync', sameModule: true, sameSettings: true, base: 'object', version: '0.1.0',
  error: '{"code":2300007,"message":"Failed to connect to the server"}', name: 'BusinessError',
};

const DEVICE_APP = `
  const res = await http.createHttp().request(process.env.SERVER_URL + 'device');
  console.log(JSON.stringify({ code: res.responseCode, same: kit.http.createHttp === http.createHttp, base: typeof base }));
`;
const EXPECTED_DEVICE = { code: 200, same: true, base: 'object' };

/** A consumer file that uses the types as an app would, and must fail where the API is misused. */
const TYPED = (imports: string): string => `${imports}
import type { HttpResponse } from 'ohos-net-http';

const req = http.createHttp();
const pending: Promise<HttpResponse> = req.request(process.env['SERVER_URL'] + 'typed', { method: http.RequestMethod.GET });
configure({ internetPermission: true });
const same: boolean = kit.createHttp === http.createHttp;
export function misuse(): void {
  // @ts-expect-error the declarations are real (not \`any\`): a string is not a timeout
  void req.request('u', { readTimeout: '1s' });
}
pending.then((res) => console.log(JSON.stringify({ code: res.responseCode, same })), (err: BusinessError) => console.log(err.code));
`;

async function typeCheckAndRun(dir: string, source: string): Promise<unknown> {
  await writeFile(join(dir, 'typed.ts'), source);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
    // skipLibCheck spares checking all of @types/node; a declaration that fails to resolve still shows, as the
    // misuse above would then type-check.
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, skipLibCheck: true, types: ['node'], outDir: 'out' },
    files: ['typed.ts'],
  }));
  await node([TSC, '-p', 'tsconfig.json'], dir);
  const { stdout } = await node([join('out', 'typed.js')], dir, { SERVER_URL: server.url });
  return JSON.parse(stdout);
}

describe('a CommonJS project', () => {
  it('requires every entry point, with one instance shared with import()', async () => {
    const dir = projects.commonjs;
    await writeFile(join(dir, 'use.js'), `const load = require;\n(async () => {${USE_EVERY_ENTRY}})();`);
    const { stdout } = await node(['use.js'], dir, { SERVER_URL: server.url });
    assert.deepEqual(JSON.parse(stdout), EXPECTED_USE);
  });

  it('runs device code that requires @ohos.net.http under --require and under --import', async () => {
    const dir = projects.commonjs;
    await writeFile(join(dir, 'device.js'), `const http = require('@ohos.net.http');
      const kit = require('@kit.NetworkKit');
      const base = require('@ohos.base');
      (async () => {${DEVICE_APP}})();`);
    for (const flag of ['--require', '--import']) {
      const { stdout } = await node([flag, 'ohos-net-http/register', 'device.js'], dir, { SERVER_URL: server.url });
      assert.deepEqual(JSON.parse(stdout), EXPECTED_DEVICE, flag);
    }
    await assert.rejects(node(['device.js'], dir), /Cannot find module '@ohos\.net\.http'/, 'without the hook');
  });

  it('type-checks with module nodenext, and the compiled code runs', async () => {
    const result = await typeCheckAndRun(projects.commonjs, TYPED(`import http = require('ohos-net-http');
import { configure } from 'ohos-net-http/node';
import { http as kit } from 'ohos-net-http/kit';
import type { BusinessError } from 'ohos-net-http/base';`));
    assert.deepEqual(result, { code: 200, same: true });
  });

  it('runs the ohos-http bin with npx', async () => {
    const { stdout } = await run('npx', ['--offline', 'ohos-http', '--version'], projects.commonjs);
    assert.equal(stdout, 'ohos-net-http 0.1.0\n');
  });
});

describe('an ES module project', () => {
  it('imports every entry point, with one instance shared with require', async () => {
    const dir = projects.module;
    await writeFile(join(dir, 'use.js'), `import { createRequire } from 'node:module';
      const load = createRequire(import.meta.url);
      ${USE_EVERY_ENTRY}`);
    const { stdout } = await node(['use.js'], dir, { SERVER_URL: server.url });
    assert.deepEqual(JSON.parse(stdout), EXPECTED_USE);
  });

  it('runs device code that imports @ohos.net.http under --import and under --require', async () => {
    const dir = projects.module;
    await writeFile(join(dir, 'device.js'), `import http from '@ohos.net.http';
      import * as kit from '@kit.NetworkKit';
      import * as base from '@ohos.base';
      ${DEVICE_APP}`);
    for (const flag of ['--import', '--require']) {
      const { stdout } = await node([flag, 'ohos-net-http/register', 'device.js'], dir, { SERVER_URL: server.url });
      assert.deepEqual(JSON.parse(stdout), EXPECTED_DEVICE, flag);
    }
    await assert.rejects(node(['device.js'], dir), /ERR_MODULE_NOT_FOUND|ERR_INVALID_MODULE_SPECIFIER|Cannot find package/, 'without the hook');
  });

  it('type-checks with module nodenext, and the compiled code runs', async () => {
    const result = await typeCheckAndRun(projects.module, TYPED(`import http from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { http as kit } from 'ohos-net-http/kit';
import type { BusinessError } from 'ohos-net-http/base';`));
    assert.deepEqual(result, { code: 200, same: true });
  });

  it('runs the ohos-http bin with npx', async () => {
    const { stdout } = await run('npx', ['--offline', 'ohos-http', '--version'], projects.module);
    assert.equal(stdout, 'ohos-net-http 0.1.0\n');
  });
});
