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
});
