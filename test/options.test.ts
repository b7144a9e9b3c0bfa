// Request options (spec §2.2–2.4, §7) against ONE real echo server: every assertion is about what the
// server actually received (method, target, headers, body bytes), never about internal plan objects.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http, { type HttpRequestOptions, type HttpResponse } from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { readBody, startHttp, type Handler, type TestServer } from './helpers/servers.js';

/** What the echo server saw. Carried in the `x-echo` response header (so HEAD works too) and in the body. */
interface Echo {
  readonly method: string;
  /** Request target, its bytes read as UTF-8. */
  readonly url: string;
  /** Node's parsed headers (names lowercased by Node). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Header names exactly as they came over the wire, in order. */
  readonly names: readonly string[];
  /** Body bytes, base64. */
  readonly body: string;
}

const MiB = 1024 * 1024;
const SIX_MIB = 6 * MiB;
const seen: Echo[] = [];
const bigBodies = new Map<number, Buffer>();

/**
 * Routes: /_redir/N → 302 to /_redir/N-1 until 0; /_big/N → N bytes; /_empty → empty 200;
 * /_slow… → echo after 300 ms; anything else → echo at once.
 */
const handler: Handler = (req, res) => {
  const target = req.url ?? '';
  const redirect = /^\/_redir\/(\d+)$/.exec(target);
  if (redirect !== null && Number(redirect[1]) > 0) {
    res.writeHead(302, { location: `/_redir/${Number(redirect[1]) - 1}`, 'content-length': 0 });
    res.end();
    return;
  }
  const big = /^\/_big\/(\d+)$/.exec(target);
  if (big !== null) {
    const n = Number(big[1]);
    let bytes = bigBodies.get(n);
    if (bytes === undefined) {
      bytes = Buffer.alloc(n, 0x61);
      bigBodies.set(n, bytes);
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
    res.end(bytes);
    return;
  }
  if (target === '/_empty') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 0 });
    res.end();
    return;
  }
  void readBody(req).then((body) => {
    const names: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) names.push(req.rawHeaders[i] ?? '');
    const echo: Echo = {
      method: req.method ?? '',
      url: Buffer.from(target, 'latin1').toString('utf8'),
      headers: req.headers,
      names,
      body: body.toString('base64'),
    };
    seen.push(echo);
    const json = JSON.stringify(echo);
    const send = (): void => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': Buffer.from(json).toString('base64') });
      res.end(json);
    };
    if (!target.startsWith('/_slow')) {
      send();
      return;
    }
    const timer = setTimeout(send, 300);
    res.on('close', () => {
      clearTimeout(timer);
    });
  });
};

let server: TestServer;
const client = http.createHttp();

/** Options are deliberately loose: the tests pass what the d.ts forbids, as apps do. */
type Loose = Record<string, unknown>;

function request(path: string, options: Loose = {}): Promise<HttpResponse> {
  return client.request(`${server.origin}${path}`, options as HttpRequestOptions);
}

function echoOf(res: HttpResponse): Echo {
  const header = res.header as Record<string, unknown>;
  assert.equal(typeof header['x-echo'], 'string', 'the echo server answered');
  return JSON.parse(Buffer.from(header['x-echo'] as string, 'base64').toString('utf8')) as Echo;
}

/** Sends, expects 200, returns what the server saw. */
async function echo(path: string, options: Loose = {}): Promise<Echo> {
  const res = await request(path, options);
  assert.equal(res.responseCode, 200);
  return echoOf(res);
}

function bodyOf(e: Echo): Buffer {
  return Buffer.from(e.body, 'base64');
}

/** The single value of a header the server received (undefined when absent). */
function headerOf(e: Echo, name: string): string | undefined {
  const v = e.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** A short name for a value in a test title. */
function show(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor !== Object) return value.constructor.name;
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return 'an object JSON cannot represent';
  }
}

function errorCodeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

/** Expects the request to fail with `code` through the promise. */
async function rejectsWith(path: string, options: Loose, code: number): Promise<void> {
  await assert.rejects(request(path, options), (err: unknown) => {
    assert.equal(errorCodeOf(err), code);
    return true;
  });
}

/** Expects the request to fail with `code` through the callback (`(err, undefined)`, request returns undefined). */
function callbackFailsWith(path: string, options: Loose, code: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const returned = (client.request as (...args: unknown[]) => unknown)(
      `${server.origin}${path}`,
      options,
      (err: unknown, data: unknown) => {
        try {
          assert.equal(errorCodeOf(err), code);
          assert.equal(data, undefined);
          resolve();
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
    );
    if (returned !== undefined) reject(new Error('request() with a callback must return undefined'));
  });
}

/** 401 through both the callback and the promise, and nothing reached the server. */
async function parameterError(path: string, options: Loose): Promise<void> {
  const requests = server.requests;
  await callbackFailsWith(path, options, 401);
  await rejectsWith(path, options, 401);
  assert.equal(server.requests, requests, 'nothing may reach the server');
}

describe('request options against a real echo server', () => {
  before(async () => {
    leakBaseline();
    server = await startHttp(handler);
  });
  after(async () => {
    await server.close();
    await assertNoLeaks({ timeoutMs: 3000 });
  });

  // Must run first: the warning is emitted once per option name per process.
  describe('numeric options: present but not a number reads as 0 (with one warning per name)', () => {
    const warnings: (Error & { code?: unknown })[] = [];
    const onWarning = (w: Error & { code?: unknown }): void => {
      if (w.code === 'OHOS_NUMERIC_OPTION') warnings.push(w);
    };
    before(() => {
      process.on('warning', onWarning);
    });
    after(() => {
      process.off('warning', onWarning);
    });

    it('readTimeout: undefined → no timeout (a 300 ms answer still arrives), while 100 ms times out', async () => {
      await rejectsWith('/_slow/short', { readTimeout: 100 }, 2300028);
      const e = await echo('/_slow/none', { readTimeout: undefined });
      assert.equal(e.url, '/_slow/none');
      await echo('/_slow/again', { readTimeout: undefined });
    });

    it('maxLimit: undefined → every non-empty body fails with 2300023, an empty body succeeds', async () => {
      await rejectsWith('/plain', { maxLimit: undefined }, 2300023);
      await rejectsWith('/_big/1', { maxLimit: undefined }, 2300023);
      const res = await request('/_empty', { maxLimit: undefined });
      assert.equal(res.responseCode, 200);
      assert.equal(res.result, '');
      await rejectsWith('/_big/1', { maxLimit: 'x' }, 2300023);
    });

    it("connectTimeout: 'x' (and undefined) still connect", async () => {
      await echo('/ct', { connectTimeout: 'x' });
      await echo('/ct', { connectTimeout: undefined });
    });

    it("emits one 'OHOS_NUMERIC_OPTION' process warning per option name", async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const names = warnings.map((w) => /HttpRequestOptions\.(\w+)/.exec(w.message)?.[1]).sort();
      assert.deepEqual(names, ['connectTimeout', 'maxLimit', 'readTimeout']);
    });

    it('a real number never warns', async () => {
      const before = warnings.length;
      await echo('/n', { readTimeout: 5000, connectTimeout: 5000, maxLimit: MiB, priority: 'x', maxRedirects: 'x' });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(warnings.length, before);
    });
  });

  describe('method', () => {
    const cases: { name: string; options: Loose; method: string }[] = [
      { name: 'default', options: {}, method: 'GET' },
      { name: 'PROPFIND passes through', options: { method: 'PROPFIND' }, method: 'PROPFIND' },
      { name: 'PATCH', options: { method: 'PATCH' }, method: 'PATCH' },
      { name: 'DELETE', options: { method: 'DELETE' }, method: 'DELETE' },
      { name: 'customMethod wins over method', options: { method: 'POST', customMethod: 'MKCOL' }, method: 'MKCOL' },
      { name: 'customMethod alone', options: { customMethod: 'PURGE' }, method: 'PURGE' },
      { name: "customMethod '' is ignored", options: { method: 'PUT', customMethod: '' }, method: 'PUT' },
      { name: 'customMethod > 128 chars is ignored', options: { method: 'PUT', customMethod: 'A'.repeat(129) }, method: 'PUT' },
      { name: 'non-string customMethod is ignored', options: { method: 'PUT', customMethod: 7 }, method: 'PUT' },
      { name: 'non-string method → GET', options: { method: 1 }, method: 'GET' },
      { name: 'method object → GET', options: { method: { toString: () => 'POST' } }, method: 'GET' },
      { name: "method '' without body → GET (curl's default)", options: { method: '' }, method: 'GET' },
      { name: "method '' with a body → POST (curl's default)", options: { method: '', extraData: 'x' }, method: 'POST' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const e = await echo('/m', c.options);
        assert.equal(e.method, c.method);
      });
    }

    it('a 128-char customMethod is sent (node:http refuses the unknown method with 400)', async () => {
      const res = await request('/m', { method: 'PUT', customMethod: 'A'.repeat(128) });
      assert.equal(res.responseCode, 400);
    });
  });

  describe('extraData on GET-like methods → query', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'TRACE']) {
      it(`${method}: a string is appended verbatim, an object is encoded`, async () => {
        const s = await echo('/q', { method, extraData: `a=1&b='x'&c="<{|}>"&d=%zz` });
        assert.equal(s.method, method);
        assert.equal(s.url, `/q?a=1&b='x'&c="<{|}>"&d=%zz`);
        assert.equal(bodyOf(s).length, 0);
        assert.equal(headerOf(s, 'content-type'), undefined);
        const o = await echo('/q', { method, extraData: { a: '1', 'b c': 'x y' } });
        assert.equal(o.url, '/q?a=1&b%20c=x%20y');
        assert.equal(headerOf(o, 'content-type'), 'application/x-www-form-urlencoded');
      });
    }

    const objects: { name: string; path?: string; value: unknown; url: string; urlencoded: boolean }[] = [
      { name: 'only string values; empty names/values dropped', value: { a: '1', n: 1, t: true, o: {}, u: undefined, z: null, e: '', '': 'v', b: '2' }, url: '/q?a=1&b=2', urlencoded: false },
      { name: "unreserved only: space → %20, !'()* encoded", value: { k: "a b!'()*-._~" }, url: '/q?k=a%20b%21%27%28%29%2A-._~', urlencoded: true },
      { name: 'reserved characters encoded', value: { 'k&=': '/?#[]@$+,;:%' }, url: '/q?k%26%3D=%2F%3F%23%5B%5D%40%24%2B%2C%3B%3A%25', urlencoded: true },
      { name: 'UTF-8 bytes as uppercase hex', value: { 'é': 'ü€😀' }, url: '/q?%C3%A9=%C3%BC%E2%82%AC%F0%9F%98%80', urlencoded: true },
      { name: 'inherited enumerable keys too', value: Object.assign(Object.create({ inh: 'v' }) as object, { own: 'w' }), url: '/q?own=w&inh=v', urlencoded: false },
      { name: 'arrays: index keys', value: ['x', 'y z'], url: '/q?0=x&1=y%20z', urlencoded: true },
      { name: '& onto an existing query', path: '/q?x=1', value: { a: '1' }, url: '/q?x=1&a=1', urlencoded: false },
      { name: 'existing query + nothing usable → trailing &', path: '/q?x=1', value: { n: 1 }, url: '/q?x=1&', urlencoded: false },
      { name: 'trailing ? dropped', path: '/q?', value: { a: '1' }, url: '/q?a=1', urlencoded: false },
      { name: 'trailing ? dropped with nothing usable', path: '/q?', value: {}, url: '/q', urlencoded: false },
      { name: 'ArrayBuffer is an object without keys', path: '/q?x=1', value: new ArrayBuffer(4), url: '/q?x=1&', urlencoded: false },
    ];
    for (const c of objects) {
      it(`object: ${c.name}`, async () => {
        const e = await echo(c.path ?? '/q', { extraData: c.value });
        assert.equal(e.url, c.url);
        assert.equal(headerOf(e, 'content-type'), c.urlencoded ? 'application/x-www-form-urlencoded' : undefined);
        assert.equal(bodyOf(e).length, 0);
      });
    }

    const strings: { name: string; path: string; value: unknown; url: string }[] = [
      { name: 'string onto an existing query', path: '/q?x=1', value: 'y=2', url: '/q?x=1&y=2' },
      { name: 'string with a trailing ?', path: '/q?', value: 'y=2', url: '/q?y=2' },
      { name: 'empty string onto a query → trailing &', path: '/q?x=1', value: '', url: '/q?x=1&' },
      { name: 'number ignored', path: '/q?x=1', value: 5, url: '/q?x=1' },
      { name: 'boolean ignored', path: '/q', value: true, url: '/q' },
      { name: 'null → nothing', path: '/q?x=1', value: null, url: '/q?x=1' },
      { name: 'undefined → nothing', path: '/q?x=1', value: undefined, url: '/q?x=1' },
    ];
    for (const c of strings) {
      it(c.name, async () => {
        const e = await echo(c.path, { extraData: c.value });
        assert.equal(e.url, c.url);
        assert.equal(headerOf(e, 'content-type'), undefined);
      });
    }
  });

  describe('extraData on POST-like methods → body', () => {
    const bodies: { name: string; value: unknown; bytes: Buffer }[] = [
      { name: 'string as UTF-8', value: 'héllo wörld', bytes: Buffer.from('héllo wörld') },
      { name: 'string with NUL kept', value: 'a\0b', bytes: Buffer.from('a\0b') },
      { name: 'ArrayBuffer raw', value: new Uint8Array([0, 1, 2, 0xff]).buffer, bytes: Buffer.from([0, 1, 2, 0xff]) },
      { name: 'object → JSON', value: { a: 1, b: [true, null], c: 'x' }, bytes: Buffer.from('{"a":1,"b":[true,null],"c":"x"}') },
      { name: 'array → JSON', value: [1, 'a'], bytes: Buffer.from('[1,"a"]') },
      { name: 'TypedArray → JSON (not raw)', value: new Uint8Array([1, 2]), bytes: Buffer.from('{"0":1,"1":2}') },
      { name: 'DataView → JSON', value: new DataView(new ArrayBuffer(2)), bytes: Buffer.from('{}') },
      { name: 'toJSON honoured', value: { toJSON: () => 'custom' }, bytes: Buffer.from('"custom"') },
    ];
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      for (const b of bodies) {
        it(`${method}: ${b.name}`, async () => {
          const e = await echo('/b?x=1', { method, extraData: b.value });
          assert.equal(e.method, method);
          assert.equal(e.url, '/b?x=1', 'the URL is untouched');
          assert.deepEqual(bodyOf(e), b.bytes);
        });
      }
    }

    const invalid: { name: string; value: unknown }[] = [
      { name: "''", value: '' },
      { name: 'a number', value: 0 },
      { name: 'a boolean', value: true },
      { name: 'an empty ArrayBuffer', value: new ArrayBuffer(0) },
      { name: 'an object JSON cannot represent (BigInt)', value: { n: 1n } },
      { name: 'a function', value: () => 'x' },
    ];
    for (const method of ['POST', 'PUT', 'PATCH', 'PROPFIND']) {
      for (const c of invalid) {
        it(`${method}: ${c.name} → 401 via callback and promise`, async () => {
          await parameterError('/b', { method, extraData: c.value });
        });
      }
    }

    for (const value of [null, undefined]) {
      it(`POST: extraData ${String(value)} → no body`, async () => {
        const e = await echo('/b', { method: 'POST', extraData: value });
        assert.equal(e.method, 'POST');
        assert.equal(bodyOf(e).length, 0);
        assert.equal(headerOf(e, 'content-type'), undefined);
      });
    }
  });

  describe('body / queryParams (API 26)', () => {
    it('body wins: extraData is ignored when body is present', async () => {
      const e = await echo('/b', { method: 'POST', extraData: 'old', body: 'new' });
      assert.equal(bodyOf(e).toString(), 'new');
    });

    it('queryParams present: extraData ignored (GET: no query from it; POST: no body from it)', async () => {
      const g = await echo('/b', { extraData: 'a=1', queryParams: 'q=1' });
      assert.equal(g.url, '/b?q=1');
      const p = await echo('/b', { method: 'POST', extraData: 'data', queryParams: 'q=1' });
      assert.equal(p.url, '/b?q=1');
      assert.equal(bodyOf(p).length, 0);
    });

    it('body: undefined still makes extraData ignored', async () => {
      const e = await echo('/b', { method: 'POST', extraData: 'data', body: undefined });
      assert.equal(bodyOf(e).length, 0);
    });

    for (const method of ['GET', 'POST', 'PUT', 'OPTIONS', 'PROPFIND']) {
      it(`${method}: body is sent as a body, for any method`, async () => {
        const e = await echo('/b', { method, body: { k: 'v' } });
        assert.equal(e.method, method);
        assert.equal(e.url, '/b');
        assert.equal(bodyOf(e).toString(), '{"k":"v"}');
      });
    }

    it('body ArrayBuffer raw, TypedArray as JSON', async () => {
      assert.deepEqual(bodyOf(await echo('/b', { method: 'POST', body: new Uint8Array([9, 8]).buffer })), Buffer.from([9, 8]));
      assert.equal(bodyOf(await echo('/b', { method: 'POST', body: new Uint8Array([9, 8]) })).toString(), '{"0":9,"1":8}');
    });

    for (const value of ['', 0, true, new ArrayBuffer(0), null, { n: 1n }]) {
      it(`invalid body ${show(value)} is silently not sent (no 401)`, async () => {
        const e = await echo('/b', { method: 'POST', body: value });
        assert.equal(bodyOf(e).length, 0);
        assert.equal(headerOf(e, 'content-type'), undefined);
      });
    }

    const queries: { name: string; path?: string; value: unknown; url: string; urlencoded: boolean }[] = [
      { name: 'string verbatim', value: `a=1&b='2'&c="<>"&d=%zz`, url: `/p?a=1&b='2'&c="<>"&d=%zz`, urlencoded: false },
      {
        name: 'object rules',
        value: { arr: ['x', 'y', null], n: null, u: undefined, i: 42, neg: -3, f: 1.5, t: true, fa: false, o: { a: 1 }, s: 'a b', e: '' },
        url: '/p?arr=x&arr=y&arr&n&u&i=42&neg=-3&f=1.500000&t=true&fa=false&o=&s=a%20b&e=',
        urlencoded: true,
      },
      {
        name: 'C %f text for fractions (exact ties round half to even)',
        value: { a: -0.25, b: 1e-7, c: 1.0000005, d: 0.0078125, e: 0.0234375, f: -0.0078125 },
        url: '/p?a=-0.250000&b=0.000000&c=1.000001&d=0.007812&e=0.023438&f=-0.007812',
        urlencoded: false,
      },
      { name: 'names are encoded too', value: { 'a b': 'c' }, url: '/p?a%20b=c', urlencoded: true },
      { name: 'joined onto an existing query', path: '/p?x=1', value: { a: '1' }, url: '/p?x=1&a=1', urlencoded: false },
      { name: 'empty object onto an existing query → trailing &', path: '/p?x=1', value: {}, url: '/p?x=1&', urlencoded: false },
      { name: "'' onto an existing query → trailing &", path: '/p?x=1', value: '', url: '/p?x=1&', urlencoded: false },
      { name: 'empty object, trailing ? dropped', path: '/p?', value: {}, url: '/p', urlencoded: false },
    ];
    for (const c of queries) {
      it(`queryParams: ${c.name}`, async () => {
        const e = await echo(c.path ?? '/p', { queryParams: c.value });
        assert.equal(e.url, c.url);
        assert.equal(headerOf(e, 'content-type'), c.urlencoded ? 'application/x-www-form-urlencoded' : undefined);
      });
    }

    it('body alone also rebuilds the URL (existing query gains a trailing &)', async () => {
      const e = await echo('/p?x=1', { method: 'POST', body: 'b' });
      assert.equal(e.url, '/p?x=1&');
      assert.equal(bodyOf(e).toString(), 'b');
    });
  });

  describe('header', () => {
    it('names are lowercased on the wire', async () => {
      const e = await echo('/h', { header: { 'X-Mixed-Case': 'v', ACCEPT: 'text/plain' } });
      assert.ok(e.names.includes('x-mixed-case'), e.names.join(','));
      assert.ok(!e.names.includes('X-Mixed-Case'));
      assert.equal(headerOf(e, 'x-mixed-case'), 'v');
      assert.equal(headerOf(e, 'accept'), 'text/plain');
    });

    it('duplicates differing in case collapse (last enumerated wins)', async () => {
      const e = await echo('/h', { header: { 'X-Dup': 'first', 'x-dup': 'second', 'x-DUP': 'third' } });
      assert.equal(e.names.filter((n) => n.toLowerCase() === 'x-dup').length, 1);
      assert.equal(headerOf(e, 'x-dup'), 'third');
    });

    const values: { value: unknown; text: string }[] = [
      { value: 'plain', text: 'plain' },
      { value: true, text: 'true' },
      { value: false, text: 'false' },
      { value: 42, text: '42' },
      { value: -7, text: '-7' },
      { value: 2 ** 53, text: '9007199254740992' },
      { value: 1.5, text: '1.500000' },
      { value: -0.25, text: '-0.250000' },
      { value: 0.0078125, text: '0.007812' },
      { value: null, text: '' },
      { value: undefined, text: '' },
      { value: { a: 1 }, text: '' },
      { value: ['a'], text: '' },
      { value: 'abc\0def', text: 'abc' },
    ];
    for (const v of values) {
      it(`value ${show(v.value)} → '${v.text.replace('\0', '\\0')}'`, async () => {
        const e = await echo('/h', { header: { 'x-v': v.value } });
        assert.ok(e.names.includes('x-v'), 'the header is sent, even with an empty value');
        assert.equal(headerOf(e, 'x-v'), v.text);
      });
    }

    for (const header of ['x-a: b', 5, true, null, undefined]) {
      it(`non-object header ${show(header)} is ignored (still 200, defaults only)`, async () => {
        const e = await echo('/h', { method: 'POST', header, extraData: 'x' });
        assert.equal(headerOf(e, 'x-a'), undefined);
        assert.equal(headerOf(e, 'content-type'), 'application/x-www-form-urlencoded', 'no JSON seed without a header object');
      });
    }

    const seeds: { name: string; options: Loose; contentType: string | undefined }[] = [
      { name: 'POST + header object → application/json', options: { method: 'POST', header: {}, extraData: 'x' }, contentType: 'application/json' },
      { name: 'POST + header object, no body → application/json', options: { method: 'POST', header: {} }, contentType: 'application/json' },
      { name: 'PUT + header object', options: { method: 'PUT', header: { 'x-a': '1' }, extraData: 'x' }, contentType: 'application/json' },
      { name: 'DELETE + header object', options: { method: 'DELETE', header: {} }, contentType: 'application/json' },
      { name: 'PATCH + header object', options: { method: 'PATCH', header: {}, extraData: 'x' }, contentType: 'application/json' },
      { name: "method '' + header object", options: { method: '', header: {}, extraData: 'x' }, contentType: 'application/json' },
      { name: 'user content-type overrides the seed', options: { method: 'POST', header: { 'Content-Type': 'text/x' }, extraData: 'x' }, contentType: 'text/x' },
      { name: 'GET + header object → none', options: { header: {} }, contentType: undefined },
      { name: 'HEAD + header object → none', options: { method: 'HEAD', header: {} }, contentType: undefined },
      { name: 'custom method (not POST-like) + header object + body → curl form default', options: { method: 'PROPFIND', header: {}, extraData: 'x' }, contentType: 'application/x-www-form-urlencoded' },
      { name: 'custom method + header object, no body → none', options: { customMethod: 'MKCOL', header: {} }, contentType: undefined },
      { name: 'no header + POST body → curl form default', options: { method: 'POST', extraData: 'x' }, contentType: 'application/x-www-form-urlencoded' },
      { name: 'no header + GET body (API 26) → curl form default', options: { body: 'x' }, contentType: 'application/x-www-form-urlencoded' },
      { name: 'no header + POST without body → none', options: { method: 'POST' }, contentType: undefined },
    ];
    for (const s of seeds) {
      it(`content-type: ${s.name}`, async () => {
        const e = await echo('/h', s.options);
        assert.equal(headerOf(e, 'content-type'), s.contentType);
      });
    }

    it('defaults: user-agent libcurl-agent/1.0, accept */*, accept-encoding', async () => {
      const e = await echo('/h');
      assert.equal(headerOf(e, 'user-agent'), 'libcurl-agent/1.0');
      assert.equal(headerOf(e, 'accept'), '*/*');
      assert.match(headerOf(e, 'accept-encoding') ?? '', /\bgzip\b/);
      assert.match(headerOf(e, 'accept-encoding') ?? '', /\bdeflate\b/);
      assert.equal(headerOf(e, 'host'), `127.0.0.1:${server.port}`);
    });

    it('user values override the defaults', async () => {
      const e = await echo('/h', { header: { 'User-Agent': 'mine/2', Accept: 'text/plain', 'Accept-Encoding': 'identity' } });
      assert.equal(headerOf(e, 'user-agent'), 'mine/2');
      assert.equal(headerOf(e, 'accept'), 'text/plain');
      assert.equal(headerOf(e, 'accept-encoding'), 'identity');
      assert.equal(e.names.filter((n) => n.toLowerCase() === 'user-agent').length, 1);
    });

    const smuggling: { name: string; header: Loose }[] = [
      { name: 'CRLF in a value', header: { 'x-a': 'v\r\nx-injected: 1' } },
      { name: 'LF in a value', header: { 'x-a': 'v\nx-injected: 1' } },
      { name: 'CR in a value', header: { 'x-a': 'v\rx' } },
      { name: 'CRLF in a name', header: { 'x-a\r\nx-injected': 'v' } },
      { name: 'CRLF CRLF request smuggling', header: { 'x-a': 'v\r\n\r\nGET /evil HTTP/1.1\r\nhost: x' } },
      { name: 'another control character in a value', header: { 'x-a': 'v\x01x' } },
      { name: 'a space in a name', header: { 'x a': 'v' } },
    ];
    for (const s of smuggling) {
      it(`${s.name} → 401, nothing reaches the server`, async () => {
        await parameterError('/h', { header: s.header });
        await parameterError('/h', { method: 'POST', header: s.header, extraData: 'x' });
      });
    }
  });

  describe('compared with curl on the same echo server', () => {
    async function viaCurl(args: string[], path: string): Promise<Echo> {
      const count = seen.length;
      const r = await curlRun([...args, `${server.origin}${path}`]);
      assert.equal(r.exitCode, 0, r.stderr);
      const e = seen[seen.length - 1];
      assert.ok(seen.length > count && e !== undefined, 'curl reached the echo server');
      return e;
    }

    it('POST form: `curl -X POST -d x` and extraData x send the same method, body and content-type', async () => {
      const curl = await viaCurl(['-X', 'POST', '-d', 'x'], '/curl-post');
      const ours = await echo('/ours-post', { method: 'POST', extraData: 'x' });
      assert.equal(ours.method, curl.method);
      assert.deepEqual(bodyOf(ours), bodyOf(curl));
      assert.equal(headerOf(ours, 'content-type'), headerOf(curl, 'content-type'));
      assert.equal(headerOf(ours, 'content-length'), headerOf(curl, 'content-length'));
    });

    it('custom method with a body: `curl -X PROPFIND -d x` gets the same form default', async () => {
      const curl = await viaCurl(['-X', 'PROPFIND', '-d', 'x'], '/curl-propfind');
      const ours = await echo('/ours-propfind', { method: 'PROPFIND', extraData: 'x' });
      assert.equal(ours.method, curl.method);
      assert.equal(headerOf(ours, 'content-type'), headerOf(curl, 'content-type'));
    });

    it('GET defaults: same header set as `curl -A libcurl-agent/1.0 --compressed`, same accept', async () => {
      const curl = await viaCurl(['-A', 'libcurl-agent/1.0', '--compressed'], '/curl-get');
      const ours = await echo('/ours-get');
      const names = (e: Echo): string[] => e.names.map((n) => n.toLowerCase()).filter((n) => n !== 'connection').sort();
      assert.deepEqual(names(ours), names(curl));
      assert.equal(headerOf(ours, 'accept'), headerOf(curl, 'accept'));
      assert.equal(headerOf(ours, 'user-agent'), headerOf(curl, 'user-agent'));
    });

    it("a GET extraData string goes out as curl sends the same URL (no re-encoding of ' \" < > { | })", async () => {
      const query = `a='1'&b="2"&c=<3>&d={|}^\``;
      const curl = await viaCurl(['-g'], `/curl-url?${query}`);
      const ours = await echo('/curl-url', { extraData: query });
      assert.equal(ours.url, curl.url);
    });

    it('non-ASCII in the URL gets the answer curl gets', async () => {
      // Whether node:http takes such a target depends on its parser (Node 20.20 answers 400, 20.18 takes it).
      const url = `${server.origin}/é?k=ü`;
      const curl = await curlRun(['-g', '-s', '-o', '/dev/null', '-w', '%{http_code}', url]);
      assert.equal(String((await client.request(url)).responseCode), curl.stdout);
      assert.equal((await client.request(`${server.origin}/x`, { extraData: { k: 'ü' } })).responseCode, 200, 'encoded objects are fine');
    });

    it('non-ASCII in the URL reaches the server as the bytes curl sends', {
      todo: 'curl 7.88 percent-encodes non-ASCII in the path (/%c3%a9) and sends the query raw; ours sends both raw. ' +
        'Seen only where node:http takes such targets (Node 20.18); on 20.20 both get 400',
    }, async () => {
      const before = seen.length;
      await curlRun(['-g', '-s', '-o', '/dev/null', `${server.origin}/é?k=ü`]);
      const curlSaw = seen.slice(before).map((e) => e.url);
      const mark = seen.length;
      await client.request(`${server.origin}/é?k=ü`);
      assert.deepEqual(seen.slice(mark).map((e) => e.url), curlSaw);
    });
  });

  describe('maxLimit', () => {
    it('a 6 MiB body fails with 2300023 by default (5 MiB)', async () => {
      await rejectsWith(`/_big/${SIX_MIB}`, {}, 2300023);
    });
    it('succeeds with maxLimit 8 MiB', async () => {
      const res = await request(`/_big/${SIX_MIB}`, { maxLimit: 8 * MiB });
      assert.equal(res.responseCode, 200);
      assert.equal((res.result as ArrayBuffer).byteLength, SIX_MIB);
    });
    it('values above 100 MiB are clamped (101 MiB still accepts 6 MiB)', async () => {
      const res = await request(`/_big/${SIX_MIB}`, { maxLimit: 101 * MiB });
      assert.equal(res.responseCode, 200);
    });
    it('uint32 rule: -1 wraps to 4 GiB-1 and is clamped; 2^32 + 1024 wraps to 1024', async () => {
      assert.equal((await request(`/_big/${SIX_MIB}`, { maxLimit: -1 })).responseCode, 200);
      await rejectsWith(`/_big/${SIX_MIB}`, { maxLimit: 2 ** 32 + 1024 }, 2300023);
    });
  });

  describe('maxRedirects', () => {
    it('2 allows two hops and fails the third with 2300047', async () => {
      const e = await echo('/_redir/2', { maxRedirects: 2 });
      assert.equal(e.url, '/_redir/0');
      await rejectsWith('/_redir/3', { maxRedirects: 2 }, 2300047);
    });
    it('0 refuses the first redirect', async () => {
      await rejectsWith('/_redir/1', { maxRedirects: 0 }, 2300047);
    });
    for (const value of [-1, 'x', undefined, null, 2 ** 31]) {
      it(`${show(value)} → default 30`, async () => {
        const e = await echo('/_redir/30', { maxRedirects: value });
        assert.equal(e.url, '/_redir/0');
        await rejectsWith('/_redir/31', { maxRedirects: value }, 2300047);
      });
    }
    it('non-finite numbers read as int64 0 (napi rule)', async () => {
      await rejectsWith('/_redir/1', { maxRedirects: Number.NaN }, 2300047);
      await rejectsWith('/_redir/1', { maxRedirects: Number.POSITIVE_INFINITY }, 2300047);
    });
  });

  describe('URL', () => {
    it('without a scheme → http://', async () => {
      const res = await client.request(`127.0.0.1:${server.port}/noscheme?a=1`);
      assert.equal(res.responseCode, 200);
      assert.equal(echoOf(res).url, '/noscheme?a=1');
    });
    // curl is the oracle: it sends the path and query as written (see the curl comparison above).
    const targets: { path: string; url: string }[] = [
      { path: '/a/../b/./c?x=/../y#frag', url: '/b/c?x=/../y' },
      { path: '/a/%2e%2e/b', url: '/a/%2e%2e/b' },
      { path: '/q?', url: '/q?' },
      { path: `/p'"<>{|}^\`?k='"<>`, url: `/p'"<>{|}^\`?k='"<>` },
      { path: '/%7e?%zz', url: '/%7e?%zz' },
    ];
    for (const t of targets) {
      it(`${t.path} goes out as ${t.url}`, async () => {
        assert.equal((await echo(t.path)).url, t.url);
      });
    }
    it('a backslash in the authority → 2300003 (curl refuses it; WHATWG would read a path)', async () => {
      await assert.rejects(client.request(`127.0.0.1:${server.port}\\p`), (err: unknown) => errorCodeOf(err) === 2300003);
    });
  });

  describe('priority', () => {
    for (const priority of [0, 0.5, 1001, 'x', -1]) {
      it(`${JSON.stringify(priority)} still gives 200`, async () => {
        const e = await echo('/pr', { priority });
        assert.equal(e.method, 'GET');
      });
    }
  });

  describe('resumeFrom / resumeTo', () => {
    const ranges: { name: string; options: Loose; range: string | undefined }[] = [
      { name: 'from and to', options: { resumeFrom: 1, resumeTo: 100 }, range: 'bytes=1-100' },
      { name: 'from only', options: { resumeFrom: 5 }, range: 'bytes=5-' },
      { name: 'to only', options: { resumeTo: 10 }, range: 'bytes=-10' },
      { name: 'fractions truncated', options: { resumeFrom: 5.9, resumeTo: 10.2 }, range: 'bytes=5-10' },
      { name: 'upper bound 2^32 kept', options: { resumeFrom: 2 ** 32 }, range: 'bytes=4294967296-' },
      { name: 'to == from → none', options: { resumeFrom: 10, resumeTo: 10 }, range: undefined },
      { name: 'to < from → none', options: { resumeFrom: 10, resumeTo: 5 }, range: undefined },
      { name: 'from 0 ignored', options: { resumeFrom: 0 }, range: undefined },
      { name: 'from 2^32+1 ignored', options: { resumeFrom: 2 ** 32 + 1 }, range: undefined },
      { name: 'to 2^32+1 ignored, from kept', options: { resumeFrom: 5, resumeTo: 2 ** 32 + 1 }, range: 'bytes=5-' },
      { name: 'from 0 ignored, to kept', options: { resumeFrom: 0, resumeTo: 7 }, range: 'bytes=-7' },
      { name: 'non-numbers ignored', options: { resumeFrom: '5', resumeTo: null }, range: undefined },
    ];
    for (const r of ranges) {
      it(`${r.name} → ${r.range ?? 'no range'}`, async () => {
        const e = await echo('/r', r.options);
        assert.equal(headerOf(e, 'range'), r.range);
        assert.equal(headerOf(e, 'user-agent'), r.range === undefined ? 'libcurl-agent/1.0' : undefined);
      });
    }

    it('a ranged request carries no user-agent, unless the app sets one', async () => {
      const plain = await echo('/r', { resumeFrom: 1 });
      assert.ok(!plain.names.some((n) => n.toLowerCase() === 'user-agent'));
      const own = await echo('/r', { resumeFrom: 1, header: { 'User-Agent': 'app/1' } });
      assert.equal(headerOf(own, 'user-agent'), 'app/1');
      assert.equal(headerOf(own, 'range'), 'bytes=1-');
    });

    it('range + PUT → 2300999, nothing reaches the server', async () => {
      const requests = server.requests;
      await rejectsWith('/r', { method: 'PUT', resumeFrom: 1, extraData: 'x' }, 2300999);
      await rejectsWith('/r', { customMethod: 'PUT', resumeTo: 9 }, 2300999);
      assert.equal(server.requests, requests);
    });

    it('range + POST is sent', async () => {
      const e = await echo('/r', { method: 'POST', resumeFrom: 1, resumeTo: 2, extraData: 'x' });
      assert.equal(headerOf(e, 'range'), 'bytes=1-2');
    });
  });

  describe('headers the transport owns', () => {
    it('leaves out Expect, Transfer-Encoding, Keep-Alive and Upgrade instead of failing', async () => {
      const e = await echo('/owned', {
        method: 'POST',
        extraData: 'hello',
        header: { Expect: '100-continue', 'Transfer-Encoding': 'chunked', 'Keep-Alive': 'timeout=5', Upgrade: 'websocket', 'X-Kept': 'yes' },
      });
      for (const name of ['expect', 'transfer-encoding', 'keep-alive', 'upgrade']) assert.equal(headerOf(e, name), undefined, name);
      assert.equal(headerOf(e, 'x-kept'), 'yes');
      assert.equal(bodyOf(e).toString(), 'hello');
    });
  });
});
