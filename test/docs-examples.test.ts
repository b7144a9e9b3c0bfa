// Docs that cannot rot: every code block of README.md and docs/*.md that is meant to run (see
// test/helpers/docs-blocks.ts for which) runs here as written, each in a child process, against the example
// server below. The rules the docs are written to:
// - Blocks address the example server as http://127.0.0.1:8080; the server listens on port 0 and its real
//   origin is substituted for that one, in the code and in the expected output.
// - A block runs in a fresh directory under one temporary root where `ohos-net-http` (this checkout, built) and
//   `undici` are installed, as a user's project would have them; HOME, XDG_CACHE_HOME and
//   OHOS_NET_HTTP_CACHE_DIR point into that root, so nothing is written anywhere else. All proxy variables
//   point at a closed local port (no_proxy covers the example server), so a block that tries to reach the
//   internet fails here instead of depending on it.
// - It must exit by itself with status 0, print nothing to stderr, and print every `// prints: text` line,
//   in order.
// - TypeScript blocks are type-checked together (tsc, strict, module nodenext, against the package's shipped
//   declarations), then stripped of their types by esbuild and run as ES modules.
//
// The example server: /echo answers with the request body; /big.iso 1 MiB of octets; /data text with
// Cache-Control: max-age=60; /config JSON; /whoami the Authorization header; /login sets session=abc123;
// /profile echoes the Cookie header ("cookie: …"); any other path 200 "hello".
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import { docFiles, expectedOutput, extractBlocks, type DocBlock } from './helpers/docs-blocks.js';
import { repoRoot, startHttp, type TestServer } from './helpers/servers.js';

const DOC_ORIGIN = 'http://127.0.0.1:8080';
const BIG = Buffer.alloc(1024 * 1024, 0x5a);
const CLOSED_PROXY = 'http://127.0.0.1:9'; // discard: nothing listens there

function exampleServer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    switch (path) {
      case '/echo':
        res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' });
        res.end(Buffer.concat(chunks));
        return;
      case '/big.iso':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': BIG.length });
        res.end(BIG);
        return;
      case '/data':
        res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=60' });
        res.end('data worth caching\n');
        return;
      case '/config':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"theme":"dark"}');
        return;
      case '/whoami':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(req.headers.authorization ?? '(anonymous)');
        return;
      case '/login':
        res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': 'session=abc123; Path=/' });
        res.end('welcome');
        return;
      case '/profile':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`cookie: ${req.headers.cookie ?? ''}`);
        return;
      default:
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hello');
    }
  });
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  hung: boolean;
}

function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  // Only keeps a hung example from hanging the suite; a hang fails however long it is allowed.
  let hung = false;
  const guard = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, 120_000);
  return new Promise((resolve) => {
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, hung });
    });
  });
}

/** Whether `expected` lines appear among `printed` lines in this order (other lines may come between). */
function printsInOrder(printed: string[], expected: string[]): boolean {
  let at = 0;
  for (const line of printed) if (at < expected.length && line.trimEnd() === expected[at]) at++;
  return at === expected.length;
}

const blocks = docFiles().flatMap((file) => extractBlocks(file));
const runnable = blocks.filter((b) => b.kind !== undefined);
const name = (b: DocBlock): string => `${b.file}:${b.line} (${b.lang})`;
const slug = (b: DocBlock): string => `${b.file.replace(/[^\w]+/g, '_')}-${b.line}`;

describe('documentation examples', () => {
  let root: string;
  let server: TestServer;
  let origin: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'ohos-docs-'));
    // A consumer project: the package by its name (its `exports` decide what resolves), and undici for MockAgent.
    mkdirSync(join(root, 'node_modules', '@types'), { recursive: true });
    symlinkSync(repoRoot, join(root, 'node_modules', 'ohos-net-http'), 'dir');
    symlinkSync(join(repoRoot, 'node_modules', 'undici'), join(root, 'node_modules', 'undici'), 'dir');
    symlinkSync(join(repoRoot, 'node_modules', '@types', 'node'), join(root, 'node_modules', '@types', 'node'), 'dir');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'docs-examples', private: true, type: 'module' }));
    mkdirSync(join(root, 'home'));
    server = await startHttp(exampleServer);
    origin = server.url.replace(/\/$/, '');
  });

  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads fences, their languages and not-run markers as the docs convention says', () => {
    const md = [
      'text', '```ts', 'const a = 1; // prints: one', '```', '<!-- not-run: needs a device -->', '', '```cjs',
      "require('x');", '```', '```sh', 'npm test', '```', '  ~~~mjs', '  // prints: two', '  ~~~', '',
    ].join('\n');
    const found = extractBlocks('x.md', md);
    assert.deepEqual(
      found.map((b) => [b.line, b.lang, b.kind, b.notRun, b.code]),
      [
        [2, 'ts', 'ts', undefined, 'const a = 1; // prints: one\n'],
        [7, 'cjs', 'cjs', 'needs a device', "require('x');\n"],
        [10, 'sh', undefined, undefined, 'npm test\n'],
        [13, 'mjs', 'esm', undefined, '// prints: two\n'],
      ],
    );
    assert.deepEqual(expectedOutput(found[0]?.code ?? ''), ['one']);
  });

  it('finds the runnable README examples', () => {
    const readme = runnable.filter((b) => b.file === 'README.md' && b.notRun === undefined);
    assert.ok(readme.length >= 6, `only ${readme.length} runnable blocks found in README.md`);
  });

  it('type-checks every TypeScript example against the shipped declarations', async () => {
    const ts = runnable.filter((b) => b.kind === 'ts' && b.notRun === undefined);
    const dir = join(root, 'typecheck');
    mkdirSync(dir);
    for (const b of ts) writeFileSync(join(dir, `${slug(b)}.ts`), b.code);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'],
          strict: true, noEmit: true, skipLibCheck: true, moduleDetection: 'force',
        },
        include: ['*.ts'],
      }),
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = await runNode([tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], dir, process.env);
    assert.equal(run.code, 0, `tsc found errors in the examples (file names are <doc>-<line>.ts):\n${run.stdout}${run.stderr}`);
  });

  for (const block of runnable) {
    it(`runs ${name(block)}`, { skip: block.notRun === undefined ? false : `not-run: ${block.notRun}` }, async () => {
      const dir = join(root, slug(block));
      mkdirSync(dir);
      const code = block.code.replaceAll(DOC_ORIGIN, origin);
      let source = code;
      if (block.kind === 'ts') source = transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' }).code;
      const file = join(dir, block.kind === 'cjs' ? 'example.cjs' : 'example.mjs');
      writeFileSync(file, source);
      const home = join(root, 'home');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOME: home,
        XDG_CACHE_HOME: join(home, '.cache'),
        OHOS_NET_HTTP_CACHE_DIR: join(dir, 'cache'),
        http_proxy: CLOSED_PROXY,
        https_proxy: CLOSED_PROXY,
        HTTPS_PROXY: CLOSED_PROXY,
        all_proxy: CLOSED_PROXY,
        ALL_PROXY: CLOSED_PROXY,
        no_proxy: '127.0.0.1,localhost,::1',
        NO_PROXY: '127.0.0.1,localhost,::1',
      };
      delete env.NODE_TEST_CONTEXT;
      delete env.NODE_OPTIONS;
      const run = await runNode([file], dir, env);
      const shown = `--- stdout ---\n${run.stdout}--- stderr ---\n${run.stderr}--- code, as run (${block.kind ?? ''}) ---\n${code}`;
      assert.equal(run.hung, false, `did not exit by itself\n${shown}`);
      assert.equal(run.code, 0, `exit status ${String(run.code ?? run.signal)}\n${shown}`);
      assert.equal(run.stderr, '', `printed to stderr\n${shown}`);
      const expected = expectedOutput(code);
      assert.ok(printsInOrder(run.stdout.split('\n'), expected), `expected these lines in order: ${JSON.stringify(expected)}\n${shown}`);
    });
  }
});
