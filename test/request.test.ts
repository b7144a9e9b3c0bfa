// The HttpRequest object: call shapes, async delivery, listeners, destroy, concurrency.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import http, { type HttpResponse } from 'ohos-net-http';
import { startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;
let base: string;

before(async () => {
  server = await startHttp((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const delay = Number(url.searchParams.get('delay') ?? 0);
    const status = Number(url.searchParams.get('status') ?? 200);
    setTimeout(() => {
      if (url.pathname === '/redirect') {
        res.writeHead(302, { location: '/done', 'x-hop': 'first' });
        res.end();
        return;
      }
      res.writeHead(status, { 'content-type': 'text/plain', 'x-hop': 'last' });
      res.end('hello');
    }, delay);
  });
  base = server.url;
});
after(() => server.close());

interface Outcome { err: unknown; data: unknown; argc: number }
function viaCallback(fn: (cb: (...a: unknown[]) => void) => unknown): Promise<Outcome & { returned: unknown; sync: boolean }> {
  return new Promise((resolve) => {
    let sync = true;
    const returned = fn((...a: unknown[]) => {
      resolve({ err: a[0], data: a[1], argc: a.length, returned, sync });
    });
    sync = false;
  });
}

describe('request() call shapes', () => {
  it('has the three overloads: (url, cb), (url, options, cb) and promise', async () => {
    const req = http.createHttp();
    const a = await viaCallback((cb) => req.request(base, cb));
    assert.equal(a.err, undefined);
    assert.equal((a.data as HttpResponse).responseCode, 200);
    assert.equal(a.argc, 2);
    assert.equal(a.returned, undefined);
    assert.equal(a.sync, false);
    const b = await viaCallback((cb) => req.request(base, { method: http.RequestMethod.GET }, cb));
    assert.equal((b.data as HttpResponse).result, 'hello');
    assert.equal((await req.request(base)).responseCode, 200);
    assert.equal((await req.request(base, {})).responseCode, 200);
    req.destroy();
  });

  const invalid: [string, unknown[]][] = [
    ['no arguments', []],
    ['a non-string url', [42]],
    ['an explicit undefined options', ['URL', undefined]],
    ['null options', ['URL', null]],
    ['a string as callback', ['URL', {}, 'x']],
    ['four arguments', ['URL', {}, () => undefined, 1]],
  ];
  for (const [name, args] of invalid) {
    it(`rejects ${name} with 401 asynchronously, never a throw`, async () => {
      const req = http.createHttp() as unknown as { request(...a: unknown[]): unknown };
      const call = args.map((a) => (a === 'URL' ? base : a));
      let returned: unknown;
      assert.doesNotThrow(() => (returned = req.request(...call)));
      assert.ok(returned instanceof Promise);
      await assert.rejects(returned as Promise<unknown>, (err: unknown) => {
        assert.deepEqual({ ...(err as object) }, { code: 401, message: 'Parameter error' });
        return true;
      });
    });
  }

  it('reports a 401 through a callback in last position even when the shape is wrong', async () => {
    const req = http.createHttp() as unknown as { request(...a: unknown[]): unknown };
    const r = await viaCallback((cb) => req.request(base, 'not-options', cb));
    assert.deepEqual({ ...(r.err as object) }, { code: 401, message: 'Parameter error' });
    assert.equal(r.data, undefined);
    assert.equal(r.sync, false);
    const r2 = await viaCallback((cb) => req.request(cb));
    assert.deepEqual({ ...(r2.err as object) }, { code: 401, message: 'Parameter error' });
  });

  it('delivers non-2xx statuses as responses', async () => {
    const req = http.createHttp();
    for (const status of [404, 405, 500, 503]) {
      assert.equal((await req.request(`${base}?status=${status}`)).responseCode, status);
    }
  });

  it('runs many concurrent requests on one object', async () => {
    const req = http.createHttp();
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) => req.request(`${base}?delay=${i % 5}`)));
    assert.equal(all.length, 50);
    for (const r of all) assert.equal(r.result, 'hello');
  });

  it('calls back in the async context of the call (AsyncLocalStorage), as the promise form resumes in it', async () => {
    const als = new AsyncLocalStorage<string>();
    const req = http.createHttp();
    // Concurrent calls in different contexts, on one object and its one kept-alive connection, plus a failure.
    const seen = await Promise.all(['a', 'b', 'c'].map((name, i) => als.run(name, () => viaCallbackStore(als, (cb) => {
      req.request(i === 2 ? 'http://127.0.0.1:1/' : `${base}?delay=${i}`, cb);
    }))));
    assert.deepEqual(seen.map((s) => s.store), ['a', 'b', 'c']);
    assert.equal(seen[0]?.err, undefined);
    assert.equal((seen[2]?.err as { code?: unknown } | undefined)?.code, 2300007);
    const streamed = await als.run('d', () => viaCallbackStore(als, (cb) => { req.requestInStream(base, cb); }));
    assert.deepEqual([streamed.store, streamed.err], ['d', undefined]);
    assert.equal(await als.run('e', async () => { await req.request(base); return als.getStore(); }), 'e');
    req.destroy();
  });
});

function viaCallbackStore(als: AsyncLocalStorage<string>, fn: (cb: (err: unknown) => void) => void): Promise<{ store: string | undefined; err: unknown }> {
  return new Promise((resolve) => {
    fn((err) => {
      resolve({ store: als.getStore(), err });
    });
  });
}

describe('listeners', () => {
  it('throws a string-coded 401 for bad on/off arguments', () => {
    const req = http.createHttp() as unknown as Record<'on' | 'off' | 'once', (...a: unknown[]) => void>;
    const bad: [keyof typeof req, unknown[]][] = [
      ['on', [undefined, () => undefined]],
      ['on', [null, () => undefined]],
      ['on', ['headersReceive', 'x']],
      ['on', ['headersReceive']],
      ['off', [undefined]],
      ['off', [null]],
      ['off', ['headersReceive', undefined]],
      ['off', []],
    ];
    for (const [method, args] of bad) {
      assert.throws(() => req[method](...args), (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.equal((e as Error & { code: unknown }).code, '401');
        assert.equal(e.message, 'Parameter error');
        return true;
      }, `${method}(${args.map(String).join(', ')})`);
    }
    assert.doesNotThrow(() => req.once(undefined, 'x'));
    assert.doesNotThrow(() => req.on('noSuchEvent', () => undefined));
    assert.doesNotThrow(() => req.off('noSuchEvent'));
    assert.doesNotThrow(() => req.off('dataEnd'));
  });

  it('keeps one listener per event type: the newest registration wins', async () => {
    const req = http.createHttp();
    const calls: string[] = [];
    const first = (): void => void calls.push('first');
    req.on('headersReceive', first);
    req.on('headersReceive', first);
    await req.request(base);
    assert.deepEqual(calls, ['first']);
    req.on('headersReceive', () => void calls.push('second'));
    await req.request(base);
    assert.deepEqual(calls, ['first', 'second']);
    req.off('headersReceive', first); // not the registered one: stays
    await req.request(base);
    assert.deepEqual(calls, ['first', 'second', 'second']);
    req.off('headersReceive');
    await req.request(base);
    assert.equal(calls.length, 3);
  });

  it('fires once-listeners for the first header block only, even across concurrent requests', async () => {
    const req = http.createHttp();
    let count = 0;
    req.once('headersReceive', () => void count++);
    await Promise.all([req.request(base), req.request(base)]);
    await req.request(base);
    assert.equal(count, 1);
  });

  it('ignores once() for non-header events', async () => {
    const req = http.createHttp() as unknown as { once(t: string, f: () => void): void; request(u: string): Promise<unknown> };
    let ended = 0;
    req.once('dataEnd', () => void ended++);
    await req.request(base);
    assert.equal(ended, 0);
  });

  it('fires headersReceive per hop with the merged, lowercased headers, before the result', async () => {
    const req = http.createHttp();
    const order: string[] = [];
    const blocks: Record<string, unknown>[] = [];
    req.on('headersReceive', (h: object) => {
      order.push('headers');
      blocks.push(h as Record<string, unknown>);
    });
    const res = await req.request(`${base}redirect`).then((r) => (order.push('result'), r));
    assert.deepEqual(order, ['headers', 'headers', 'result']);
    assert.equal(blocks[0]?.['x-hop'], 'first');
    assert.equal(blocks[1]?.['x-hop'], 'last');
    assert.equal(blocks[1]?.location, '/done');
    assert.equal((res.header as Record<string, unknown>).location, '/done');
  });

  it('calls deprecated headerReceive listeners error-first', async () => {
    const req = http.createHttp();
    const seen: unknown[][] = [];
    req.on('headerReceive', (...args: unknown[]) => void seen.push(args));
    await req.request(base);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.[0], undefined);
    assert.equal((seen[0]?.[1] as Record<string, string>)['x-hop'], 'last');
  });

  it('never fires stream-only events for request()', async () => {
    const req = http.createHttp();
    let n = 0;
    req.on('dataReceive', () => void n++);
    req.on('dataEnd', () => void n++);
    req.on('dataReceiveProgress', () => void n++);
    req.on('dataSendProgress', () => void n++);
    await req.request(base);
    assert.equal(n, 0);
  });
});

describe('destroy()', () => {
  it('fails later requests with 2300999', async () => {
    const req = http.createHttp();
    req.destroy();
    req.destroy();
    await assert.rejects(req.request(base), { code: 2300999, message: 'Internal error' });
    const r = await viaCallback((cb) => req.request(base, cb));
    assert.deepEqual({ ...(r.err as object) }, { code: 2300999, message: 'Internal error' });
    assert.doesNotThrow(() => req.on('headersReceive', () => undefined));
    assert.doesNotThrow(() => req.off('headersReceive'));
  });

  it('fails an in-flight request with 2300023', async () => {
    const req = http.createHttp();
    const pending = req.request(`${base}?delay=600`);
    req.destroy();
    await assert.rejects(pending, {
      code: 2300023,
      message: 'Failed to write the received data to the disk or application',
    });
  });

  it('does not fail a small response from inside its headersReceive listener', async () => {
    const req = http.createHttp();
    req.on('headersReceive', () => req.destroy());
    const res = await req.request(base);
    assert.equal(res.responseCode, 200);
    assert.equal(res.result, 'hello');
  });
});

describe('namespace', () => {
  it('exposes the device runtime objects and values', () => {
    assert.equal(typeof http.createHttp, 'function');
    assert.equal(typeof http.createHttpResponseCache, 'function');
    assert.equal(typeof http.HttpInterceptorChain, 'function');
    assert.equal(http.RequestMethod.PATCH, 'PATCH');
    assert.equal(http.ResponseCode.RANGE_NOT_SATISFIABLE, 416);
    assert.equal(http.HttpDataType.ARRAY_BUFFER, 2);
    assert.equal(http.HttpProtocol.HTTP3, 2);
    assert.equal(http.AddressFamily.ONLY_V4, 'ONLY_V4');
    assert.equal(http.SslType.TLCP, 1);
    assert.equal(http.TlsVersion.TLS_V_1_3, 7);
    assert.equal(http.CertType.P12, 'P12');
    assert.equal(http.InterceptorType.CACHE_CHECKED, 'READ_CACHE');
    const req = http.createHttp();
    for (const m of ['request', 'requestInStream', 'requestSync', 'destroy', 'on', 'once', 'off', 'enableAutoCookie']) {
      assert.equal(typeof (req as unknown as Record<string, unknown>)[m], 'function', m);
    }
    assert.deepEqual(Object.keys(req), []);
  });
});
