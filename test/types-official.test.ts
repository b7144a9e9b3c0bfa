// The shipped declarations against the SDK's: every public type assigned to the SDK's declaration of
// it and back under `tsc --strict` (test/fixtures/official-types holds the SDK shapes as facts), and
// every public declaration documented as the SDK documents it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docCoverage } from './helpers/jsdoc-coverage.js';
import { repoRoot } from './helpers/servers.js';

const run = promisify(execFile);
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const fixtures = join(repoRoot, 'test', 'fixtures', 'official-types');
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ohos-types-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Compiles `files` against the package and the SDK facts; the compiler's report ('' when clean). */
async function compile(files: string[]): Promise<string> {
  const config = join(dir, `tsconfig-${String(Math.random()).slice(2)}.json`);
  const dist = (file: string): string[] => [join(repoRoot, 'dist', file)];
  await writeFile(config, JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, exactOptionalPropertyTypes: true,
      noEmit: true, skipLibCheck: false, types: [], lib: ['ES2022'],
      paths: {
        'ohos-net-http': dist('index.d.ts'),
        'ohos-net-http/kit': dist('kit.d.ts'),
        'ohos-net-http/base': dist('base.d.ts'),
        'ohos-net-http/connection': dist(join('connection', 'index.d.ts')),
      },
    },
    files,
  }));
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', config]);
    return stdout;
  } catch (err) {
    return String((err as { stdout?: string }).stdout);
  }
}

describe('assignability to and from the SDK declarations (tsc --strict)', () => {
  it('http: every enum, type alias, interface, function and the interceptor class', async () => {
    assert.equal(await compile([join(fixtures, 'assign-http.ts')]), '');
  });

  it('connection: every enum, interface and function with all its overloads', async () => {
    assert.equal(await compile([join(fixtures, 'assign-connection.ts')]), '');
  });

  it('fails for shapes that differ (the checks above can fail)', async () => {
    // The shapes the package shipped before its types matched the SDK's: each must be refused.
    const lines = [
      "import type official from '" + join(fixtures, 'http.js') + "';",
      'declare function mutual<A, B>(toOfficial: (a: A) => B, toOurs: (b: B) => A): void;',
      "type UnionMethod = 'GET' | 'POST' | 'OPTIONS' | 'HEAD' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT' | 'PATCH';",
      'declare class ChainWithPrivate { #chain: unknown; getChain(): official.HttpInterceptor[]; addChain(c: official.HttpInterceptor[]): boolean; apply(...args: unknown[]): boolean }',
      'mutual<UnionMethod, official.RequestMethod>((a) => a, (b) => b);',
      'mutual<Readonly<Record<string, unknown>>, official.X509Cert>((a) => a, (b) => b);',
      "mutual<'DEFAULT' | 'ONLY_V4' | 'ONLY_V6', official.AddressFamily>((a) => a, (b) => b);",
      'mutual<ChainWithPrivate, official.HttpInterceptorChain>((a) => a, (b) => b);',
    ];
    const file = join(dir, 'differ.ts');
    await writeFile(file, lines.join('\n'));
    const report = await compile([file]);
    for (let line = 5; line <= lines.length; line++) {
      assert.match(report, new RegExp(`differ\\.ts\\(${line},`), `refused: ${lines[line - 1] ?? ''}`);
    }
  });
});

describe('JSDoc of the shipped declarations', () => {
  const items = docCoverage();

  it('every public declaration has a description and @since', () => {
    assert.ok(items.length > 500, `${items.length} declarations found`);
    const missing = items.filter((i) => !i.description || !i.since).map((i) => i.name);
    assert.deepEqual(missing, []);
  });

  it('the members the SDK documents error codes for carry @throws', () => {
    const throwing = new Set(items.filter((i) => i.throws).map((i) => i.name.replace(/^[^:]*:/, '')));
    for (const member of [
      'HttpRequest.request', 'HttpRequest.requestInStream', 'HttpRequest.requestSync',
      'HttpInterceptorChain.addChain', 'HttpInterceptorChain.apply',
    ]) {
      assert.ok(throwing.has(member), `${member} has @throws`);
    }
    const overloads = items.filter((i) => /HttpRequest\.(request|requestInStream|requestSync)$/.test(i.name));
    assert.equal(overloads.length, 7);
    assert.ok(overloads.every((i) => i.throws), 'every request overload lists its codes');
  });
});
