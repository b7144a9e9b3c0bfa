// requestSync: blocks like the device, returns the HttpResponse, throws the BusinessError on failure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'ohos-net-http';
import { startChildServer, type ChildServer } from './helpers/child-server.js';

let server: ChildServer;
before(async () => {
  server = await startChildServer();
});
after(() => server.close());

describe('requestSync', () => {
  it('returns the response synchronously', () => {
    const req = http.createHttp();
    let later = false;
    setImmediate(() => (later = true));
    const res = req.requestSync(`${server.url}echo`, { method: http.RequestMethod.POST, extraData: 'sync body', expectDataType: http.HttpDataType.OBJECT });
    assert.equal(later, false, 'nothing else ran while it blocked');
    assert.equal(res.responseCode, 200);
    assert.deepEqual(res.result, { method: 'POST', url: '/echo', cookie: null, body: 'sync body' });
    assert.equal(typeof res.performanceTiming.totalTiming, 'number');
    assert.equal(req.requestSync(server.url).responseCode, 200);
  });

  it('returns an answer that comes after the caller stopped spinning and went to sleep', () => {
    const req = http.createHttp();
    // 50 ms is far past the spin budget: the answer must wake the sleeping caller.
    for (let i = 0; i < 3; i++) {
      const res = req.requestSync(`${server.url}late`);
      assert.equal(res.responseCode, 200);
      assert.equal(res.result, 'late');
      assert.equal(req.requestSync(server.url).responseCode, 200, 'a fast answer right after a slow one');
    }
  });

  it('throws an Error with the numeric device code on network failure', () => {
    const req = http.createHttp();
    assert.throws(() => req.requestSync('http://127.0.0.1:1/'), (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.equal((err as Error & { code: unknown }).code, 2300007);
      assert.equal(err.message, 'Failed to connect to the server');
      return true;
    });
    assert.throws(() => req.requestSync(`${server.url}slow`, { readTimeout: 200 }), { code: 2300028 });
  });

  it('throws the device string codes for bad arguments and after destroy()', () => {
    const req = http.createHttp() as unknown as { requestSync(...a: unknown[]): unknown; destroy(): void };
    assert.throws(() => req.requestSync(), { code: '401', message: 'Parameter error' });
    assert.throws(() => req.requestSync(42), { code: '401' });
    assert.throws(() => req.requestSync(server.url, null), { code: '401' });
    assert.throws(() => req.requestSync(server.url, { method: 'POST', extraData: '' }), { code: '401' });
    req.destroy();
    assert.throws(() => req.requestSync(server.url), { code: '2300999', message: 'Internal error' });
  });

  it('reads options that cannot be copied to its worker as request() reads them, never throwing a foreign error', async () => {
    const req = http.createHttp();
    const url = `${server.url}headers`;
    const echo = (res: http.HttpResponse): { method: string; url: string; headers: Record<string, string>; body: string } =>
      JSON.parse(res.result as string) as { method: string; url: string; headers: Record<string, string>; body: string };
    const cases: object[] = [
      // A symbol or a function where a string, a number or a header value belongs: ignored or empty, as for any wrong type.
      { method: Symbol('POST'), readTimeout: Symbol('t'), header: { 'x-fn': () => 'no', 'x-sym': Symbol('s'), 'x-ok': 'yes' } },
      { method: 'POST', extraData: { a: 1, f() { return 2; }, s: Symbol('s'), nested: { g: () => 3, b: 'b' } } },
      { extraData: { q: 'v', f: () => 1 } },
      new Proxy({ method: 'PUT', extraData: 'proxied', header: { 'x-fn': () => 1 } }, {}),
    ];
    for (const options of cases) {
      const sync = echo(req.requestSync(url, options));
      const async = echo(await req.request(url, options));
      assert.equal(sync.method, async.method);
      assert.equal(sync.url, async.url);
      assert.equal(sync.body, async.body);
      for (const name of ['x-fn', 'x-sym', 'x-ok', 'content-type']) assert.equal(sync.headers[name], async.headers[name], name);
    }
    assert.equal(echo(req.requestSync(url, cases[0] as object)).headers['x-ok'], 'yes');
    assert.equal(echo(req.requestSync(url, cases[1] as object)).body, '{"a":1,"nested":{"b":"b"}}');
  });

  it('refuses with 401, as request() does, an unusable value the device rejects', async () => {
    const req = http.createHttp();
    const options = { method: 'POST', extraData: Symbol('body') } as unknown as http.HttpRequestOptions;
    assert.throws(() => req.requestSync(server.url, options), { code: '401', message: 'Parameter error' });
    await assert.rejects(req.request(server.url, options), { code: 401 });
    const unreadable = { get header(): never { throw new Error('unreadable'); } } as http.HttpRequestOptions;
    assert.throws(() => req.requestSync(server.url, unreadable), (err: unknown) => {
      assert.ok(err instanceof Error && !(err instanceof DOMException));
      assert.equal(typeof (err as { code?: unknown }).code, 'string');
      return true;
    });
  });
});
