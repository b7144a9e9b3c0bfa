// HttpResponseCache in one process, against a real server that counts the requests it sees.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import http from 'ohos-net-http';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { isCacheHit, startCounting, withCache } from './helpers/cache.js';
import type { TestServer } from './helpers/servers.js';

const LAST_MODIFIED = 'Tue, 05 Mar 2024 10:00:00 GMT';
const KB = 1000;

let server: TestServer;
let count: (path: string) => number;
/** Request headers seen per path+query, in order. */
const seen = new Map<string, IncomingHttpHeaders[]>();

before(async () => {
  leakBaseline();
  ({ server, count } = await startCounting((req, res, n) => {
    const path = req.url ?? '/';
    seen.set(path, [...(seen.get(path) ?? []), req.headers]);
    const name = new URL(path, 'http://x').pathname;
    const send = (status: number, headers: Record<string, string>, body: string | Buffer = ''): void => {
      res.writeHead(status, headers);
      res.end(body);
    };
    switch (name) {
      case '/fresh': return send(200, { 'cache-control': 'max-age=60', 'content-type': 'text/plain' }, `fresh #${n}`);
      case '/notfound': return send(404, { 'cache-control': 'max-age=60' }, 'missing');
      case '/nostore': return send(200, { 'cache-control': 'max-age=60, no-store' }, `nostore #${n}`);
      case '/post': return send(200, { 'cache-control': 'max-age=60' }, `post #${n}`);
      case '/json': return send(200, { 'cache-control': 'max-age=60', 'content-type': 'application/json' }, '{"n":1}');
      case '/image': return send(200, { 'cache-control': 'max-age=60', 'content-type': 'image/png' }, Buffer.from([1, 2, 3, 4]));
      case '/etag':
        if (req.headers['if-none-match'] === '"v1"') return send(304, { etag: '"v1"', 'cache-control': 'max-age=60', 'x-validated': `#${n}` });
        return send(200, { etag: '"v1"', 'cache-control': 'max-age=0', 'content-type': 'text/plain', 'x-validated': 'no' }, 'etag body');
      case '/lm':
        if (req.headers['if-modified-since'] === LAST_MODIFIED) return send(304, { 'cache-control': 'max-age=60', 'x-validated': `#${n}` });
        return send(200, { 'last-modified': LAST_MODIFIED, 'cache-control': 'max-age=0' }, 'lm body');
      case '/stale': return send(200, { 'cache-control': 'max-age=0' }, `stale #${n}`);
      case '/changing': return send(200, { etag: `"v${n}"`, 'cache-control': 'max-age=0' }, `changing #${n}`);
      case '/big': return send(200, { 'cache-control': 'max-age=60' }, Buffer.alloc(400 * KB, 0x61));
      case '/huge': return send(200, { 'cache-control': 'max-age=60' }, Buffer.alloc(1100 * KB, 0x62));
      default: return send(404, {}, 'no such test path');
    }
  }));
});

const req = http.createHttp();
after(async () => {
  req.destroy();
  await server.close();
  await assertNoLeaks();
});

function get(path: string, options: http.HttpRequestOptions = {}): Promise<http.HttpResponse> {
  return req.request(server.origin + path, options);
}

const hit = isCacheHit;
const hdr = (res: http.HttpResponse, name: string): unknown => (res.header as Record<string, unknown>)[name];


describe('read and write paths', () => {
  it('a fresh hit: no network, no headersReceive, stored status and body, isCacheHit, three timings', () =>
    withCache(async () => {
      const r = http.createHttp();
      let headerEvents = 0;
      r.on('headersReceive', () => headerEvents++);
      try {
        const first = await r.request(`${server.origin}/fresh?t=hit`);
        assert.equal(first.result, 'fresh #1');
        assert.equal(hit(first), false);
        assert.equal(headerEvents, 1);

        const second = await r.request(`${server.origin}/fresh?t=hit`);
        assert.equal(count('/fresh?t=hit'), 1, 'the second request reached the server');
        assert.equal(second.responseCode, 200);
        assert.equal(second.result, 'fresh #1');
        assert.equal(second.resultType, http.HttpDataType.STRING);
        assert.equal(hdr(second, 'cache-control'), 'max-age=60');
        assert.equal(hit(second), true);
        assert.deepEqual(Object.keys(second.performanceTiming), ['responseHeaderTiming', 'responseBodyTiming', 'totalTiming']);
        assert.equal(second.performanceTiming.responseHeaderTiming, 0);
        assert.equal(second.performanceTiming.responseBodyTiming, 0);
        assert.ok(second.performanceTiming.totalTiming >= 0);
        assert.equal(headerEvents, 1, 'headersReceive fired for a cache hit');

        const third = await new Promise<http.HttpResponse>((resolve, reject) => {
          r.request(`${server.origin}/fresh?t=hit`, (err, data) => {
            if (err === undefined) resolve(data);
            else reject(err);
          });
        });
        assert.equal(hit(third), true);
        assert.equal(count('/fresh?t=hit'), 1);
      } finally {
        r.destroy();
      }
    }));

  it('a hit keeps the stored status (the device would force 200)', () =>
    withCache(async () => {
      await get('/notfound?t=status');
      const res = await get('/notfound?t=status');
      assert.deepEqual([res.responseCode, res.result, hit(res), count('/notfound?t=status')], [404, 'missing', true, 1]);
    }));

  it('a miss: another query, other request headers, another protocol are other entries', () =>
    withCache(async () => {
      await get('/fresh?t=miss');
      await get('/fresh?t=miss&x=1');
      assert.equal(count('/fresh?t=miss&x=1'), 1);
      const other = await get('/fresh?t=miss', { header: { 'x-variant': 'b' } });
      assert.equal(hit(other), false);
      const proto = await get('/fresh?t=miss', { usingProtocol: http.HttpProtocol.HTTP1_1 });
      assert.equal(hit(proto), false);
      assert.equal(count('/fresh?t=miss'), 3);
      assert.equal(hit(await get('/fresh?t=miss', { header: { 'x-variant': 'b' } })), true);
      assert.equal(count('/fresh?t=miss'), 3);
    }));

  it('usingCache: false goes to the network, but the response is still stored (as on the device)', () =>
    withCache(async () => {
      const a = await get('/fresh?t=nouse', { usingCache: false });
      const b = await get('/fresh?t=nouse', { usingCache: false });
      assert.deepEqual([hit(a), hit(b), count('/fresh?t=nouse')], [false, false, 2]);
      const c = await get('/fresh?t=nouse');
      assert.deepEqual([c.result, hit(c), count('/fresh?t=nouse')], ['fresh #2', true, 2]);
    }));

  it('no-store, in the response or the request, is never stored', () =>
    withCache(async () => {
      await get('/nostore?t=1');
      const res = await get('/nostore?t=1');
      assert.deepEqual([res.result, hit(res), count('/nostore?t=1')], ['nostore #2', false, 2]);
      const options = { header: { 'cache-control': 'no-store' } };
      await get('/fresh?t=reqnostore', options);
      await get('/fresh?t=reqnostore', options);
      assert.equal(count('/fresh?t=reqnostore'), 2);
    }));

  it('POST is neither answered from nor written to the cache', () =>
    withCache(async () => {
      await get('/post?t=1', { method: http.RequestMethod.POST, extraData: 'a=1' });
      const res = await get('/post?t=1', { method: http.RequestMethod.POST, extraData: 'a=1' });
      assert.deepEqual([res.result, hit(res)], ['post #2', false]);
      const plain = await get('/post?t=1');
      assert.deepEqual([plain.result, hit(plain)], ['post #3', false]);
      assert.equal(hit(await get('/post?t=1')), true);
    }));

  it('requestInStream responses are not stored, and streams never read the cache', () =>
    withCache(async () => {
      assert.equal(await req.requestInStream(`${server.origin}/fresh?t=stream`), 200);
      const res = await get('/fresh?t=stream');
      assert.deepEqual([res.result, hit(res)], ['fresh #2', false]);
      assert.equal(await req.requestInStream(`${server.origin}/fresh?t=stream`), 200);
      assert.equal(count('/fresh?t=stream'), 3);
    }));

  it('nothing is read or written while no cache runs', async () => {
    await get('/fresh?t=off');
    const res = await get('/fresh?t=off');
    assert.deepEqual([hit(res), count('/fresh?t=off')], [false, 2]);
    await withCache(async () => {
      assert.equal(hit(await get('/fresh?t=off')), false);
      assert.equal(count('/fresh?t=off'), 3);
    });
  });

  it('expectDataType applies to hits; ArrayBuffer results are copies the application may change', () =>
    withCache(async () => {
      await get('/json?t=1');
      const json = await get('/json?t=1', { expectDataType: http.HttpDataType.OBJECT });
      assert.deepEqual([json.result, json.resultType, hit(json)], [{ n: 1 }, http.HttpDataType.OBJECT, true]);
      const first = await get('/image?t=1');
      new Uint8Array(first.result as ArrayBuffer).fill(9);
      const second = await get('/image?t=1');
      new Uint8Array(second.result as ArrayBuffer).fill(7);
      const third = await get('/image?t=1');
      assert.equal(hit(third), true);
      assert.deepEqual([...new Uint8Array(third.result as ArrayBuffer)], [1, 2, 3, 4]);
    }));
});

describe('revalidation', () => {
  it('with ETag: If-None-Match, and the 304 returns the stored response with updated headers, refreshing the entry', () =>
    withCache(async () => {
      const first = await get('/etag?t=1');
      assert.deepEqual([first.responseCode, first.result, hdr(first, 'x-validated')], [200, 'etag body', 'no']);
      const second = await get('/etag?t=1');
      assert.equal(seen.get('/etag?t=1')?.[1]?.['if-none-match'], '"v1"');
      assert.equal(second.responseCode, 200);
      assert.equal(second.result, 'etag body');
      assert.equal(hdr(second, 'x-validated'), '#2');
      assert.equal(hdr(second, 'content-type'), 'text/plain');
      assert.equal(hdr(second, 'cache-control'), 'max-age=60');
      assert.equal(hit(second), true);
      assert.ok('dnsTiming' in second.performanceTiming, 'a revalidated response has the network timings');
      // The 304 made the entry fresh for 60 s.
      const third = await get('/etag?t=1');
      assert.deepEqual([third.result, hit(third), count('/etag?t=1')], ['etag body', true, 2]);
    }));

  it('with Last-Modified: If-Modified-Since', () =>
    withCache(async () => {
      await get('/lm?t=1');
      const second = await get('/lm?t=1');
      assert.equal(seen.get('/lm?t=1')?.[1]?.['if-modified-since'], LAST_MODIFIED);
      assert.deepEqual([second.responseCode, second.result, hdr(second, 'x-validated')], [200, 'lm body', '#2']);
      assert.equal(hit(await get('/lm?t=1')), true);
      assert.equal(count('/lm?t=1'), 2);
    }));

  it('a changed resource (200 to the conditional request) replaces the entry', () =>
    withCache(async () => {
      await get('/changing?t=1');
      const second = await get('/changing?t=1');
      const third = await get('/changing?t=1');
      assert.deepEqual([second.result, third.result], ['changing #2', 'changing #3']);
      assert.deepEqual(seen.get('/changing?t=1')?.map((h) => h['if-none-match']), [undefined, '"v1"', '"v2"']);
    }));

  it('request directives (part of the key, as on the device): max-stale serves stale with Warning 110, only-if-cached, no-cache', () =>
    withCache(async () => {
      const maxStale = { header: { 'cache-control': 'max-stale=600' } };
      await get('/stale?t=1', maxStale);
      const res = await get('/stale?t=1', maxStale);
      assert.deepEqual([res.result, hit(res), hdr(res, 'Warning')], ['stale #1', true, '110 "Response is STALE"']);
      const onlyIfCached = { header: { 'cache-control': 'only-if-cached' } };
      await get('/stale?t=1', onlyIfCached);
      assert.equal(hit(await get('/stale?t=1', onlyIfCached)), true);
      const noCache = { header: { 'cache-control': 'no-cache' } };
      await get('/fresh?t=nocache', noCache);
      assert.equal(hit(await get('/fresh?t=nocache', noCache)), false);
      assert.deepEqual([count('/stale?t=1'), count('/fresh?t=nocache')], [2, 2]);
    }));

  it('the application\'s own validators bypass the cache and get the raw 304', () =>
    withCache(async () => {
      await get('/etag?t=own');
      const res = await get('/etag?t=own', { header: { 'if-none-match': '"v1"' } });
      assert.deepEqual([res.responseCode, res.result, hit(res)], [304, '', false]);
    }));
});

describe('budget', () => {
  it('evicts the least recently used entries by bytes', () =>
    withCache(async () => {
      await get('/big?k=a');
      await get('/big?k=b');
      assert.equal(hit(await get('/big?k=a')), true); // a is now the most recent
      await get('/big?k=c'); // 1.2 MB > 1 MiB: b goes
      assert.equal(hit(await get('/big?k=a')), true);
      assert.equal(hit(await get('/big?k=c')), true);
      assert.equal(hit(await get('/big?k=b')), false);
      assert.deepEqual(['a', 'b', 'c'].map((k) => count(`/big?k=${k}`)), [1, 2, 1]);
    }, 1024 * 1024));

  it('an entry larger than the budget is not stored (and evicts nothing)', () =>
    withCache(async () => {
      await get('/big?k=keep');
      await get('/huge?t=1');
      const huge = await get('/huge?t=1');
      assert.equal((huge.result as string).length, 1100 * KB);
      assert.deepEqual([hit(huge), count('/huge?t=1')], [false, 2]);
      assert.equal(hit(await get('/big?k=keep')), true);
    }, 10)); // 10 bytes → the 1 MiB minimum

  it('the default budget (10 MiB) holds what 1 MiB cannot', () =>
    withCache(async () => {
      await get('/huge?t=default');
      assert.equal(hit(await get('/huge?t=default')), true);
    }));
});

describe('HttpResponseCache handles, flush and delete', () => {
  it('createHttpResponseCache again returns another handle to the same cache', () =>
    withCache(async (first) => {
      const second = http.createHttpResponseCache(1);
      assert.notEqual(first, second);
      await get('/huge?t=handles'); // fits: the budget of the first call stays (10 MiB)
      assert.equal(hit(await get('/huge?t=handles')), true);
      await second.delete();
      assert.equal(hit(await get('/huge?t=handles')), false, 'delete() through any handle stops the one cache');
      await first.flush();
    }));

  it('flush and delete: promise and callback forms; a non-function argument is a 401; no-ops while off', async () => {
    await withCache(async (cache) => {
      assert.equal(await cache.flush(), undefined);
      await new Promise<void>((resolve) => {
        cache.flush((err, data) => {
          assert.equal(err, undefined);
          assert.equal(data, undefined);
          resolve();
        });
      });
      for (const bad of [1, 'x', null, undefined, {}]) {
        await assert.rejects((cache.flush as (a: unknown) => Promise<void>)(bad), { code: 401, message: 'Parameter error' });
        await assert.rejects((cache.delete as (a: unknown) => Promise<void>)(bad), { code: 401, message: 'Parameter error' });
      }
      const viaCallback = await new Promise<unknown>((resolve) => {
        (cache.flush as (a: unknown, cb: (e: unknown) => void) => void)('extra', resolve);
      });
      assert.deepEqual({ ...(viaCallback as object) }, { code: 401, message: 'Parameter error' });
      await get('/fresh?t=still-running');
      assert.equal(hit(await get('/fresh?t=still-running')), true, 'a rejected delete() must not stop the cache');
      await new Promise<void>((resolve) => {
        cache.delete((err) => {
          assert.equal(err, undefined);
          resolve();
        });
      });
      // Off now: both are no-ops that succeed.
      assert.equal(await cache.flush(), undefined);
      assert.equal(await cache.delete(), undefined);
    });
  });

});
