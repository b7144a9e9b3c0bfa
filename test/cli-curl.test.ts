// ohos-http against curl on the same local servers: exit codes, the bytes each request carried, and the
// -i / -w output. Only Date values are normalised (the two runs happen at different seconds).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { curl, ohosHttp, type Run, type RunOptions } from './helpers/cli.js';
import { readBody, startHttp, type TestServer } from './helpers/servers.js';

interface Seen { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }

let server: TestServer;
let base: string;
let dir: string;
const seen: Seen[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ohos-cli-curl-'));
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      switch (req.url) {
        case '/redirect':
          res.writeHead(302, { Location: '/final', 'Set-Cookie': 'hop=1; Path=/', 'Content-Length': '0' });
          return void res.end();
        case '/slow':
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          return void res.write('the first part');
        case '/gzip':
          res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
          return void res.end(gzipSync('decoded text\n'));
        case '/cookies':
          res.setHeader('Set-Cookie', ['plain=1; Path=/', 'deep=2; Path=/sub', 'secret=3; Path=/; HttpOnly', 'later=4; Path=/; Expires=Wed, 01 Jan 2048 00:00:00 GMT']);
          return void res.end('cookies set\n');
        default:
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.setHeader('X-Reply', 'yes');
          return void res.end(`answer to ${req.method ?? ''} ${req.url ?? ''}\n`);
      }
    });
  });
  base = server.origin;
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Side extends Run { readonly requests: Seen[] }

/** Runs curl, then ohos-http, with the same arguments; each with the requests the server saw for it. */
async function both(args: readonly string[], opts: RunOptions = {}): Promise<{ curl: Side; ours: Side }> {
  seen.length = 0;
  const c = await curl(args, opts);
  const curlSaw = seen.splice(0);
  const o = await ohosHttp(args, opts);
  return { curl: { ...c, requests: curlSaw }, ours: { ...o, requests: seen.splice(0) } };
}

function only(side: Side): Seen {
  assert.equal(side.requests.length, 1, `one request expected, got ${String(side.requests.length)}`);
  return side.requests[0] as Seen;
}

/** The request facts curl and we must agree on. */
function sent(side: Side, ...headers: string[]): Record<string, unknown> {
  const r = only(side);
  return { method: r.method, url: r.url, body: r.body.toString('latin1'), ...Object.fromEntries(headers.map((h) => [h, r.headers[h]])) };
}

const dateless = (b: Buffer): string => b.toString('latin1').replace(/^Date: .*$/gim, 'Date: <date>');

describe('ohos-http sends what curl sends', () => {
  it('-d @file drops CR and LF, several -d join with &, and -d means POST as a form', async () => {
    const file = join(dir, 'form.txt');
    await writeFile(file, 'a=1\r\nb=2\nc=3\n');
    const r = await both(['-s', '-d', `@${file}`, '-d', 'x=y', `${base}/`]);
    assert.equal(r.ours.code, r.curl.code);
    assert.deepEqual(sent(r.ours, 'content-type', 'content-length'), sent(r.curl, 'content-type', 'content-length'));
    assert.equal(only(r.ours).body.toString(), 'a=1b=2c=3&x=y');
  });

  it('--data-binary @file keeps every byte; --data-raw takes @ literally', async () => {
    const file = join(dir, 'bytes.bin');
    await writeFile(file, Buffer.from([0x61, 0x0d, 0x0a, 0x00, 0xff, 0x0a, 0x62]));
    const bin = await both(['-s', '--data-binary', `@${file}`, `${base}/`]);
    assert.deepEqual(sent(bin.ours, 'content-type', 'content-length'), sent(bin.curl, 'content-type', 'content-length'));
    assert.equal(only(bin.ours).body.length, 7);
    const raw = await both(['-s', '--data-raw', `@${file}`, `${base}/`]);
    assert.deepEqual(sent(raw.ours, 'content-length'), sent(raw.curl, 'content-length'));
    assert.equal(only(raw.ours).body.toString(), `@${file}`);
  });

  it('-d @- reads stdin (CR and LF dropped); --data-binary @- keeps them', async () => {
    const input = 'from\r\nstdin\n';
    for (const flag of ['-d', '--data-binary']) {
      const r = await both(['-s', flag, '@-', `${base}/`], { input });
      assert.deepEqual(sent(r.ours, 'content-length'), sent(r.curl, 'content-length'), flag);
    }
  });

  it('-d with an unreadable file warns and sends an empty POST, as curl does', async () => {
    const r = await both(['-d', `@${join(dir, 'absent')}`, '-o', '/dev/null', '-s', `${base}/`]);
    assert.equal(r.ours.code, 0);
    assert.equal(r.ours.code, r.curl.code);
    assert.deepEqual(sent(r.ours, 'content-type', 'content-length'), sent(r.curl, 'content-type', 'content-length'));
  });

  it('-A, -e, -u, -b literal and -H: the same header values', async () => {
    const args = ['-s', '-A', 'agent/1', '-e', 'http://ref.example/', '-u', 'user:pa:ss', '-b', 'k=v; k2=v2', '-H', 'X-Extra: 1', `${base}/h`];
    const r = await both(args);
    const names = ['user-agent', 'referer', 'authorization', 'cookie', 'x-extra'];
    assert.deepEqual(sent(r.ours, ...names), sent(r.curl, ...names));
    assert.equal(r.ours.stdout.toString(), r.curl.stdout.toString());
  });

  it('-X and -H override what -d and -A would add', async () => {
    const r = await both(['-s', '-X', 'PUT', '-d', 'v', '-A', 'a', '-H', 'User-Agent: b', '-H', 'Content-Type: text/plain', `${base}/`]);
    assert.deepEqual(sent(r.ours, 'user-agent', 'content-type'), sent(r.curl, 'user-agent', 'content-type'));
  });
});

describe('ohos-http writes what curl writes', () => {
  it('-i: the status line with version and reason, then the headers as sent, then the body', async () => {
    const r = await both(['-s', '-i', `${base}/page`]);
    assert.equal(r.ours.code, 0);
    assert.equal(dateless(r.ours.stdout), dateless(r.curl.stdout));
    assert.match(r.ours.stdout.toString(), /^HTTP\/1\.1 200 OK\r\nContent-Type: text\/plain; charset=utf-8\r\nX-Reply: yes\r\n/);
  });

  it('-i -L: every hop\'s status line and headers, in order', async () => {
    const r = await both(['-s', '-i', '-L', `${base}/redirect`]);
    assert.equal(dateless(r.ours.stdout), dateless(r.curl.stdout));
    assert.match(r.ours.stdout.toString(), /^HTTP\/1\.1 302 Found\r\n[^]*\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    assert.equal(r.ours.requests.length, 2);
  });

  it('without -L a redirect is the answer (exit 0, not followed)', async () => {
    const r = await both(['-s', '-i', `${base}/redirect`]);
    assert.equal(r.ours.code, 0);
    assert.equal(r.ours.code, r.curl.code);
    assert.equal(dateless(r.ours.stdout), dateless(r.curl.stdout));
    assert.equal(r.ours.requests.length, 1);
  });

  it('-I sends HEAD and writes the head', async () => {
    const r = await both(['-s', '-I', `${base}/head`]);
    assert.deepEqual(sent(r.ours), sent(r.curl));
    // undici closes the connection after every HEAD (it sends Connection: close), so the server's answer says close.
    const keepAlive = (b: Buffer): string => dateless(b).replace(/^Connection: .*\r\n(Keep-Alive: .*\r\n)?/im, 'Connection: <either>\r\n');
    assert.equal(keepAlive(r.ours.stdout), keepAlive(r.curl.stdout));
    assert.match(r.ours.stdout.toString(), /^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\n$/);
  });

  it('-w: http_code, size_download, url_effective, content_type, num_redirects, http_version', async () => {
    const format = '%{http_code} %{size_download} %{url_effective} %{content_type} %{num_redirects} %{http_version}\\n';
    for (const extra of [['-L'], []]) {
      const r = await both(['-s', '-o', '/dev/null', ...extra, '-w', format, `${base}/redirect`]);
      assert.equal(r.ours.stdout.toString(), r.curl.stdout.toString(), extra.join(' '));
    }
    const t = await ohosHttp(['-s', '-o', '/dev/null', '-w', '%{time_total}', `${base}/`]);
    assert.match(t.stdout.toString(), /^\d+\.\d{6}$/);
  });

  it('-w after a failure: http_code 000 and curl\'s exit code', async () => {
    const r = await both(['-s', '-w', '%{http_code} %{size_download} %{num_redirects}', '--max-time', '1.5', `${base}/slow`]);
    assert.equal(r.ours.code, 28);
    assert.equal(r.ours.stdout.toString(), r.curl.stdout.toString());
    const refused = await both(['-s', '-w', '%{http_code}', 'http://127.0.0.1:1/']);
    assert.deepEqual([refused.ours.code, refused.ours.stdout.toString()], [refused.curl.code, refused.curl.stdout.toString()]);
    assert.equal(refused.ours.stdout.toString(), '000');
  });

  it('-i -o file: the heads go into the file with the body, as curl writes them', async () => {
    const curlFile = join(dir, 'curl-head.txt');
    const ourFile = join(dir, 'our-head.txt');
    seen.length = 0;
    await curl(['-s', '-i', '-L', '-o', curlFile, `${base}/redirect`]);
    const r = await ohosHttp(['-s', '-i', '-L', '-o', ourFile, `${base}/redirect`]);
    assert.equal(r.stdout.length, 0);
    assert.equal(dateless(await readFile(ourFile)), dateless(await readFile(curlFile)));
  });

  it('--compressed is accepted; the body is decoded as curl --compressed decodes it', async () => {
    const r = await both(['-s', '--compressed', `${base}/gzip`]);
    assert.equal(r.ours.code, 0);
    assert.equal(r.ours.stdout.toString(), r.curl.stdout.toString());
  });

  it('--max-time on a slow body: what arrived is written, then exit 28', async () => {
    const r = await both(['-s', '--max-time', '1.5', `${base}/slow`]);
    assert.equal(r.curl.code, 28);
    assert.equal(r.ours.code, 28);
    assert.equal(r.ours.stdout.toString(), r.curl.stdout.toString());
    assert.equal(r.ours.stdout.toString(), 'the first part');
  });
});

describe('ohos-http cookie files are curl\'s', () => {
  const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '' && !l.startsWith('# ')).sort();

  it('-c writes the Netscape file curl writes; -b file sends what curl sends', async () => {
    const curlJar = join(dir, 'curl.jar');
    const ourJar = join(dir, 'ours.jar');
    seen.length = 0;
    assert.equal((await curl(['-s', '-o', '/dev/null', '-c', curlJar, `${base}/cookies`])).code, 0);
    assert.equal((await ohosHttp(['-s', '-o', '/dev/null', '-c', ourJar, `${base}/cookies`])).code, 0);
    const written = await readFile(ourJar, 'utf8');
    assert.match(written, /^# Netscape HTTP Cookie File\n/);
    assert.deepEqual(lines(written), lines(await readFile(curlJar, 'utf8')));
    assert.equal(lines(written).length, 4);

    for (const path of ['/', '/sub/page']) {
      const r = await both(['-s', '-b', curlJar, '-b', 'lit=1', `${base}${path}`]);
      const cookies = (s: Side): string[] => String(only(s).headers.cookie).split('; ').sort();
      assert.deepEqual(cookies(r.ours), cookies(r.curl), path);
    }
  });

  it('-b file and -c together: cookies read, updated and written back', async () => {
    const jar = join(dir, 'round.jar');
    const copy = join(dir, 'round-curl.jar');
    const start = '127.0.0.1\tFALSE\t/\tFALSE\t0\told\tcookie\n127.0.0.1\tFALSE\t/\tFALSE\t1\tgone\tlong-ago\n';
    await writeFile(jar, start);
    await writeFile(copy, start);
    seen.length = 0;
    await curl(['-s', '-o', '/dev/null', '-b', copy, '-c', copy, '-L', `${base}/redirect`]);
    await ohosHttp(['-s', '-o', '/dev/null', '-b', jar, '-c', jar, '-L', `${base}/redirect`]);
    assert.deepEqual(lines(await readFile(jar, 'utf8')), lines(await readFile(copy, 'utf8')));
  });
});
