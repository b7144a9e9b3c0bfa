// The ohos-http command line, run as a real process against local servers, with curl's exit codes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { curlExit } from './helpers/curl.js';
import { closedPort, readBody, repoRoot, startHttp, type TestServer } from './helpers/servers.js';

// The shipped command: whatever package.json's bin points at.
const BIN = join(repoRoot, (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['ohos-http'] ?? '');
const FILE = randomBytes(3 * 1024 * 1024);

interface Run { code: number; stdout: Buffer; stderr: string }
function cli(args: string[], timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'buffer', timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout, stderr: stderr.toString() });
    });
  });
}

let server: TestServer;
let base: string;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ohos-cli-'));
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      if (req.url === '/missing') {
        res.writeHead(404, { 'x-why': 'gone' });
        return void res.end('not here');
      }
      if (req.url === '/file') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': FILE.length });
        return void res.end(FILE);
      }
      if (req.url === '/stall') return;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, body: body.toString(), test: req.headers['x-test'] ?? null }));
    });
  });
  base = server.url;
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ohos-http', () => {
  it('prints the body and exits 0 for any HTTP status; -i adds status and headers', async () => {
    const r = await cli(['-i', `${base}missing`]);
    assert.equal(r.code, 0);
    const text = r.stdout.toString();
    assert.match(text, /^HTTP 404\r\n/);
    assert.match(text, /x-why: gone\r\n/);
    assert.ok(text.endsWith('\r\n\r\nnot here'));
  });

  it('sends -X, -H and -d (text and @file)', async () => {
    const a = await cli(['-X', 'PUT', '-H', 'X-Test: yes', '-d', 'inline', base]);
    assert.deepEqual(JSON.parse(a.stdout.toString()), { method: 'PUT', body: 'inline', test: 'yes' });
    const bodyFile = join(dir, 'body.txt');
    await writeFile(bodyFile, 'from a file');
    const b = await cli(['-d', `@${bodyFile}`, base]);
    assert.deepEqual(JSON.parse(b.stdout.toString()), { method: 'POST', body: 'from a file', test: null });
  });

  it('streams -o to a file', async () => {
    const out = join(dir, 'download.bin');
    const r = await cli(['-o', out, `${base}file`]);
    assert.equal(r.code, 0);
    assert.ok((await readFile(out)).equals(FILE));
    assert.equal(r.stdout.length, 0);
  });

  it('prints the whole HttpResponse with --json', async () => {
    const r = await cli(['--json', `${base}missing`]);
    const res = JSON.parse(r.stdout.toString()) as Record<string, unknown>;
    assert.equal(res.responseCode, 404);
    assert.equal(res.result, 'not here');
    assert.deepEqual(Object.keys(res).slice(0, 3), ['responseCode', 'cookies', 'header']);
  });

  it('exits with curl\'s number on failure, like curl', async () => {
    const port = await closedPort();
    const refused = await cli([`http://127.0.0.1:${port}/`]);
    assert.equal(refused.code, await curlExit([`http://127.0.0.1:${port}/`]));
    assert.equal(refused.code, 7);
    assert.equal(refused.stderr, 'ohos-http: 2300007 Failed to connect to the server\n');
    const timeout = await cli(['--max-time', '0.3', `${base}stall`]);
    assert.equal(timeout.code, await curlExit(['--max-time', '0.3', `${base}stall`]));
    assert.equal(timeout.code, 28);
  });

  it('answers bad flags with usage and exit 2; --help and --version with 0', async () => {
    const bad = await cli(['--no-such-flag', base]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Usage: ohos-http/);
    assert.equal((await cli(['--max-time', 'soon', base])).code, 2);
    assert.equal((await cli(['--help'])).code, 0);
    assert.match((await cli(['--version'])).stdout.toString(), /^ohos-http \d+\.\d+\.\d+\n$/);
  });

  it('runs the demo tour with no URL (npm start) and exits 0', async () => {
    const r = await cli([], 60_000);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const out = r.stdout.toString();
    for (const step of [/GET with a redirect/, /JSON POST/, /"bytes": 25165824/, /"isCacheHit": true/, /"code": 2300007/]) assert.match(out, step);
  });
});
