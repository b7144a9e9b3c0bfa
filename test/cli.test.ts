// The ohos-http command line, run as a real process against local servers: curl's exit codes and one-line
// failures, proxies, HTTP/2 heads, --json, --version and the demo tour.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { curl, ohosHttp as cli } from './helpers/cli.js';
import { startProxy, type ProxyServer } from './helpers/proxy.js';
import { closedPort, fixture, fixturePem, listen, readBody, startH2, startHttp, type TestServer } from './helpers/servers.js';

const FILE = randomBytes(3 * 1024 * 1024);

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
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/moved' });
        return void res.end();
      }
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

/** A failure is reported in exactly one line, never with a stack trace. */
function oneLine(stderr: string): string {
  assert.equal(stderr.split('\n').length, 2, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /);
  return stderr;
}

describe('ohos-http', () => {
  it('prints the body and exits 0 for any HTTP status; -i adds the status line and headers', async () => {
    const r = await cli(['-i', `${base}missing`]);
    assert.equal(r.code, 0);
    const text = r.stdout.toString();
    assert.match(text, /^HTTP\/1\.1 404 Not Found\r\n/);
    assert.match(text, /\r\nx-why: gone\r\n/);
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

  it('-o into a missing directory: the request is made, then exit 23 with one line, as curl', async () => {
    const target = join(dir, 'no', 'such', 'dir', 'out.bin');
    const before = server.requests;
    const c = await curl(['-sS', '-o', target, `${base}file`]);
    const r = await cli(['-o', target, `${base}file`]);
    assert.equal(c.code, 23);
    assert.equal(r.code, 23);
    assert.equal(server.requests - before, 2);
    assert.equal(oneLine(r.stderr), 'ohos-http: 2300023 Failed to write the received data to the disk or application\n');
    // An empty body too: curl creates the file at the end, and fails there.
    assert.equal((await cli(['-o', target, '-I', `${base}file`])).code, 23);
  });

  it('prints the whole HttpResponse with --json', async () => {
    const r = await cli(['--json', `${base}missing`]);
    const res = JSON.parse(r.stdout.toString()) as Record<string, unknown>;
    assert.equal(res.responseCode, 404);
    assert.equal(res.result, 'not here');
    assert.deepEqual(Object.keys(res).slice(0, 3), ['responseCode', 'cookies', 'header']);
    const loop = await cli(['--json', `${base}moved`]);
    assert.equal(loop.code, 47);
    assert.equal(oneLine(loop.stderr), 'ohos-http: 2300047 The number of redirections reaches the maximum allowed\n');
  });

  it('exits with curl\'s number on failure, in one line; -s silences it and -S brings it back', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/`;
    const refused = await cli([url]);
    assert.equal(refused.code, (await curl(['-s', url])).code);
    assert.equal(refused.code, 7);
    assert.equal(oneLine(refused.stderr), 'ohos-http: 2300007 Failed to connect to the server\n');
    const silent = await cli(['-s', url]);
    assert.deepEqual([silent.code, silent.stderr], [7, '']);
    assert.equal((await curl(['-s', url])).stderr, '');
    const shown = await cli(['-sS', url]);
    assert.equal(shown.code, 7);
    assert.equal(shown.stderr, refused.stderr);
    assert.equal(oneLine((await curl(['-sS', url])).stderr).startsWith('curl: (7) '), true);
    const timeout = await cli(['--max-time', '0.3', `${base}stall`]);
    assert.equal(timeout.code, (await curl(['-s', '--max-time', '0.3', `${base}stall`])).code);
    assert.equal(timeout.code, 28);
    assert.equal(oneLine(timeout.stderr), 'ohos-http: 2300028 Operation timeout\n');
  });

  it('every failure is one line with curl\'s exit code: bad URL, unsupported proxy scheme, redirect loops', async () => {
    const cases = [['http://[::1/'], ['--proxy', 'socks4://127.0.0.1:1', base], ['-L', '--max-redirs', '3', `${base}moved`], ['-L', `${base}moved`]];
    for (const args of cases) {
      const r = await cli(args);
      const c = await curl(['-s', '-o', '/dev/null', ...args]);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.equal(r.code, c.code, args.join(' '));
      assert.match(oneLine(r.stderr), /^ohos-http: 23000\d\d \S/);
    }
  });

  it('-c into a missing directory: the transfer still counts (exit 0, as curl), with a warning', async () => {
    const jar = join(dir, 'none', 'jar.txt');
    const c = await curl(['-s', '-o', '/dev/null', '-c', jar, base]);
    const r = await cli(['-o', '/dev/null', '-c', jar, base]);
    assert.deepEqual([r.code, c.code], [0, 0]);
    assert.equal(oneLine(r.stderr), `Warning: failed to save cookies in ${jar}\n`);
    assert.equal((await cli(['-s', '-o', '/dev/null', '-c', jar, base])).stderr, '');
  });

  it('answers an unknown flag as curl does: two lines naming it, exit 2', async () => {
    for (const flag of ['--no-such-flag', '-W']) {
      const ours = await cli([flag, base]);
      const theirs = await curl([flag, base]);
      assert.equal(ours.code, 2);
      assert.equal(ours.code, theirs.code);
      assert.equal(ours.stderr, `ohos-http: option ${flag}: is unknown\nohos-http: try 'ohos-http --help' for more information\n`);
      assert.equal(theirs.stderr.split('\n')[0], `curl: option ${flag}: is unknown`);
    }
    const missing = await cli(['-d']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^ohos-http: option -d: requires parameter\n/);
    const bad = await cli(['--max-time', 'soon', base]);
    assert.equal(bad.code, (await curl(['--max-time', 'soon', base])).code);
    assert.match(bad.stderr, /^ohos-http: option --max-time: expected a proper numerical parameter\n/);
  });

  it('--help and --version exit 0; --version names the package', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout.toString(), /^Usage: ohos-http/);
    const v = await cli(['--version']);
    assert.equal(v.code, 0);
    const pkg = JSON.parse(await readFile(join(fixture('ca.pem'), '..', '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
    assert.equal(v.stdout.toString(), `${pkg.name} ${pkg.version}\n`);
  });

  it('runs the demo tour with no URL (npm start) and exits 0', async () => {
    const r = await cli([], { timeoutMs: 60_000 });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const out = r.stdout.toString();
    for (const step of [/GET with a redirect/, /JSON POST/, /"bytes": 25165824/, /"isCacheHit": true/, /"code": 2300007/]) assert.match(out, step);
  });
});

describe('ohos-http through proxies and over HTTP/2', () => {
  let proxy: ProxyServer;
  let tlsFront: tls.Server;
  let tlsPort: number;
  before(async () => {
    proxy = await startProxy();
    // An HTTPS proxy: TLS in front of the plain proxy. A cleartext request to it fails the handshake.
    tlsFront = tls.createServer({ cert: fixturePem('server.pem'), key: fixturePem('server-key.pem') }, (socket) => {
      const inner = net.connect(proxy.port, '127.0.0.1');
      socket.on('error', () => inner.destroy());
      inner.on('error', () => socket.destroy());
      socket.pipe(inner).pipe(socket);
    });
    tlsFront.on('tlsClientError', () => {
      /* the cleartext attempt */
    });
    tlsPort = await listen(tlsFront);
  });
  after(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => tlsFront.close(() => {
      resolve();
    }));
  });

  it('--proxy https:// speaks TLS to the proxy, as curl does', async () => {
    const url = `${base}missing`;
    const proxyUrl = `https://localhost:${tlsPort}`;
    const hits = proxy.hits.length;
    const c = await curl(['-s', '--proxy', proxyUrl, '--proxy-cacert', fixture('ca.pem'), url]);
    const r = await cli(['-s', '--proxy', proxyUrl, url], { env: { NODE_EXTRA_CA_CERTS: fixture('ca.pem') } });
    assert.equal(c.code, 0);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.toString(), c.stdout.toString());
    assert.deepEqual(proxy.hits.slice(hits).map((h) => h.target), [url, url]);
    // Plain http:// to the same port is a different proxy: no TLS, no answer.
    assert.notEqual((await cli(['-s', '--max-time', '5', '--proxy', `http://localhost:${tlsPort}`, url])).code, 0);
  });

  it('-i over HTTP/2: curl\'s "HTTP/2 200" line and the headers as received', async () => {
    const h2 = await startH2((_req, res) => {
      res.setHeader('content-type', 'text/plain');
      res.setHeader('x-h2', 'yes');
      res.end('over h2\n');
    });
    try {
      const c = await curl(['-s', '-i', '--cacert', fixture('ca.pem'), h2.url]);
      const r = await cli(['-s', '-i', '--cacert', fixture('ca.pem'), h2.url]);
      assert.equal(r.code, 0);
      const dateless = (b: Buffer): string => b.toString().replace(/^date: .*$/gim, 'date: <date>');
      assert.equal(dateless(r.stdout), dateless(c.stdout));
      assert.match(r.stdout.toString(), /^HTTP\/2 200 \r\n/);
    } finally {
      await h2.close();
    }
  });
});
