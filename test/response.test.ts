// The HttpResponse: headers across hops, result typing, decoding, cookies, timings, connection info.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { readBody, startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;
let other: TestServer;
let base: string;
const seenByOther: Record<string, string | undefined>[] = [];
const seenByServer: { method: string; url: string; body: string; headers: Record<string, unknown> }[] = [];

before(async () => {
  other = await startHttp((req, res) => {
    seenByOther.push({ authorization: req.headers.authorization, cookie: req.headers.cookie });
    res.end('other');
  });
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seenByServer.push({ method: req.method ?? '', url: url.pathname, body: body.toString(), headers: req.headers });
      const send = (type: string, payload: string | Buffer, extra: Record<string, string> = {}): void => {
        res.writeHead(200, { 'content-type': type, ...extra });
        res.end(payload);
      };
      switch (url.pathname) {
        case '/hop1':
          res.writeHead(301, { location: '/hop2', 'x-a': '1', 'x-b': 'one', 'set-cookie': 'h1=1; Path=/' });
          return void res.end('moved');
        case '/hop2':
          res.writeHead(302, { location: '/json', 'x-b': 'two', 'set-cookie': ['h2=2; Path=/; HttpOnly', 'h3=3; Domain=127.0.0.1; Path=/; Max-Age=3600; Secure'] });
          return void res.end();
        case '/json': return send('application/json; charset=utf-8', '{"a":[1,2],"b":"é"}');
        case '/badjson': return send('application/json', '{nope');
        case '/big-json': return send('application/json', JSON.stringify({ pad: 'x'.repeat(70_000) }));
        case '/png': return send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
        case '/bin': return send('application/octet-stream', Buffer.from([0, 1, 2, 3]));
        case '/nul': return send('text/plain', Buffer.from('before\0after'));
        case '/utf8-header': return send('text/plain', 'x', { 'x-name': Buffer.from('café ☕', 'utf8').toString('latin1') });
        case '/latin1': return send('text/plain; charset=iso-8859-1', Buffer.from('café', 'utf8'));
        case '/gzip': return send('text/plain', zlib.gzipSync('zipped text'), { 'content-encoding': 'gzip' });
        case '/deflate': return send('text/plain', zlib.deflateSync('deflated text'), { 'content-encoding': 'deflate' });
        case '/br': return send('text/plain', zlib.brotliCompressSync('brotli text'), { 'content-encoding': 'br' });
        case '/empty': res.writeHead(204); return void res.end();
        case '/cross': res.writeHead(302, { location: `${other.url}landing` }); return void res.end();
        case '/same': res.writeHead(302, { location: '/json' }); return void res.end();
        case '/r302': res.writeHead(302, { location: '/json' }); return void res.end();
        case '/r307': res.writeHead(307, { location: '/json' }); return void res.end();
        default: return send('text/plain', 'plain');
      }
    });
  });
  base = server.url;
});
after(async () => {
  await server.close();
  await other.close();
});

describe('response header', () => {
  it('merges every hop: lowercase keys, last value wins, set-cookie array, no status line', async () => {
    const res = await http.createHttp().request(`${base}hop1`);
    const h = res.header as Record<string, unknown>;
    assert.equal(res.responseCode, 200);
    assert.equal(h['x-a'], '1');
    assert.equal(h['x-b'], 'two');
    assert.equal(h.location, '/json');
    assert.deepEqual(h['set-cookie'], ['h1=1; Path=/', 'h2=2; Path=/; HttpOnly', 'h3=3; Domain=127.0.0.1; Path=/; Max-Age=3600; Secure']);
    assert.equal(h['status-line'], undefined);
    for (const key of Object.keys(h)) assert.equal(key, key.toLowerCase());
    assert.deepEqual(Object.keys(res), [
      'responseCode', 'cookies', 'header', 'result', 'resultType', 'performanceTiming', 'connectionExtraInfo',
    ]);
  });
});

describe('response header values', () => {
  it('decodes header bytes as UTF-8, as the device does', async () => {
    const res = await http.createHttp().request(`${base}utf8-header`);
    assert.equal((res.header as Record<string, string>)['x-name'], 'café ☕');
  });
});

describe('result typing', () => {
  const cases: [string, object, unknown, number][] = [
    ['/json', {}, '{"a":[1,2],"b":"é"}', 0],
    ['/json', { expectDataType: http.HttpDataType.OBJECT }, { a: [1, 2], b: 'é' }, 1],
    ['/json', { expectDataType: 3 }, '{"a":[1,2],"b":"é"}', 0],
    ['/badjson', { expectDataType: http.HttpDataType.OBJECT }, '{nope', 0],
    ['/png', {}, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 2],
    ['/png', { expectDataType: http.HttpDataType.STRING }, '\ufffdPNG', 0],
    ['/bin', {}, new Uint8Array([0, 1, 2, 3]), 2],
    ['/plain', { expectDataType: http.HttpDataType.ARRAY_BUFFER }, new Uint8Array(Buffer.from('plain')), 2],
    ['/nul', {}, 'before', 0],
    ['/latin1', {}, 'café', 0],
    ['/gzip', {}, 'zipped text', 0],
    ['/deflate', {}, 'deflated text', 0],
    ['/br', {}, 'brotli text', 0],
    ['/empty', {}, '', 0],
  ];
  for (const [path, options, expected, type] of cases) {
    it(`${path} ${JSON.stringify(options)} → resultType ${type}`, async () => {
      const res = await http.createHttp().request(`${base}${path.slice(1)}`, options);
      assert.equal(res.resultType, type);
      if (expected instanceof Uint8Array) {
        assert.ok(res.result instanceof ArrayBuffer);
        assert.deepEqual(new Uint8Array(res.result), expected);
      } else {
        assert.deepEqual(res.result, expected);
      }
    });
  }

  it('falls back to the content-type rule for OBJECT bodies over 64 KiB', async () => {
    const res = await http.createHttp().request(`${base}big-json`, { expectDataType: http.HttpDataType.OBJECT });
    assert.equal(res.resultType, 0);
    assert.equal(typeof res.result, 'string');
  });

  it('keeps content-encoding in the header and answers HEAD with an empty result', async () => {
    const req = http.createHttp();
    const res = await req.request(`${base}gzip`);
    assert.equal((res.header as Record<string, string>)['content-encoding'], 'gzip');
    const head = await req.request(`${base}gzip`, { method: http.RequestMethod.HEAD });
    assert.equal(head.result, '');
  });
});

describe('cookies', () => {
  it('lists the jar as Netscape cookie-file lines, the same lines curl writes', async () => {
    const res = await http.createHttp().request(`${base}hop1`);
    const dir = await mkdtemp(join(tmpdir(), 'ohos-cookies-'));
    try {
      const jar = join(dir, 'jar.txt');
      assert.equal((await curlRun(['-L', '-c', jar, `${base}hop1`])).exitCode, 0);
      const curlLines = (await readFile(jar, 'utf8'))
        .split('\n')
        .filter((l) => l !== '' && (!l.startsWith('#') || l.startsWith('#HttpOnly_')));
      // Expiry seconds depend on when each jar stored the cookie: compare them within a few seconds.
      const split = (lines: string[]): string[][] => lines.map((l) => l.split('\t')).sort((a, b) => (a[5] ?? '').localeCompare(b[5] ?? ''));
      const ours = split(res.cookies.split('\r\n'));
      const theirs = split(curlLines);
      assert.equal(ours.length, 3);
      assert.equal(ours.length, theirs.length);
      ours.forEach((line, i) => {
        const ref = theirs[i] ?? [];
        assert.ok(Math.abs(Number(line[4]) - Number(ref[4])) <= 5, `expiry ${line[4]} vs ${ref[4]}`);
        assert.deepEqual([...line.slice(0, 4), ...line.slice(5)], [...ref.slice(0, 4), ...ref.slice(5)]);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is an empty string when no cookie was set', async () => {
    assert.equal((await http.createHttp().request(base)).cookies, '');
  });

  it('sends cookies set during redirects on the next hop, as curl does', async () => {
    seenByServer.length = 0;
    await curlRun(['-L', '--cookie', '', `${base}hop1`]);
    const curlCookie = seenByServer.at(-1)?.headers.cookie;
    await http.createHttp().request(`${base}hop1`);
    // Same cookies; the order within the header is not significant (RFC 6265 order here, curl sorts its own way).
    const set = (v: unknown): string[] => String(v).split('; ').sort();
    assert.deepEqual(set(seenByServer.at(-1)?.headers.cookie), set(curlCookie));
    assert.deepEqual(set(curlCookie), ['h1=1', 'h2=2', 'h3=3']);
  });
});

describe('redirects', () => {
  it('does not carry Authorization or Cookie to another origin, keeps them on the same origin', async () => {
    seenByOther.length = 0;
    seenByServer.length = 0;
    const header = { authorization: 'Bearer secret', cookie: 'sid=1' };
    await http.createHttp().request(`${base}cross`, { header });
    assert.deepEqual(seenByOther, [{ authorization: undefined, cookie: undefined }]);
    await http.createHttp().request(`${base}same`, { header });
    assert.equal(seenByServer.at(-1)?.headers.authorization, 'Bearer secret');
  });

  for (const [path, curlBody] of [['r302', ''], ['r307', 'payload']] as const) {
    it(`follows ${path} with a POST the way curl -X POST -L does`, async () => {
      seenByServer.length = 0;
      await curlRun(['-X', 'POST', '-d', 'payload', '-L', `${base}${path}`]);
      const curlHops = seenByServer.splice(0).map((s) => [s.method, s.url, s.body]);
      await http.createHttp().request(`${base}${path}`, { method: http.RequestMethod.POST, extraData: 'payload' });
      const ourHops = seenByServer.splice(0).map((s) => [s.method, s.url, s.body]);
      assert.deepEqual(ourHops, curlHops);
      assert.equal(ourHops[1]?.[2], curlBody);
    });
  }
});

describe('performanceTiming and connectionExtraInfo', () => {
  it('measures a new connection, then reports a reused one with tcpTiming 0', async () => {
    const fresh = await startHttp((_req, res) => res.end('t'));
    try {
      const req = http.createHttp();
      const first = await req.request(fresh.url);
      const t = first.performanceTiming;
      assert.deepEqual(Object.keys(t).sort(), [
        'dnsTiming', 'firstReceiveTiming', 'firstSendTiming', 'redirectTiming', 'responseBodyTiming',
        'responseHeaderTiming', 'tcpTiming', 'tlsTiming', 'totalFinishTiming', 'totalTiming',
      ]);
      for (const v of Object.values(t)) assert.ok(typeof v === 'number' && v >= 0);
      assert.ok(t.tcpTiming > 0);
      assert.equal(t.tlsTiming, 0);
      assert.equal(t.redirectTiming, 0);
      assert.ok(t.firstSendTiming >= t.tcpTiming);
      assert.ok(t.totalTiming >= t.totalFinishTiming && t.totalFinishTiming >= t.firstReceiveTiming);
      assert.equal(first.connectionExtraInfo?.isReusedConnection, false);
      const second = await req.request(fresh.url);
      assert.equal(second.performanceTiming.tcpTiming, 0);
      assert.equal(second.connectionExtraInfo?.isReusedConnection, true);
      assert.equal(fresh.connections, 1);
      const info = second.connectionExtraInfo;
      assert.equal(info?.networkProtocolName, 'HTTP/1.1');
      assert.equal(info?.remoteAddress, '127.0.0.1');
      assert.equal(info?.remotePort, fresh.port);
      assert.ok((info?.localPort ?? 0) > 0);
      assert.equal(info?.isCacheHit, false);
      assert.equal(info?.isProxyConnection, false);
      assert.equal(info?.redirectCount, 0);
    } finally {
      await fresh.close();
    }
  });

  it('counts redirects and their time', async () => {
    const res = await http.createHttp().request(`${base}hop1`);
    assert.equal(res.connectionExtraInfo?.redirectCount, 2);
    assert.ok(res.performanceTiming.redirectTiming > 0);
  });
});
