// HttpInterceptorChain (API 22): chain rules and the five interceptor points on request().
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http, { type HttpInterceptor, type HttpRequestContext, type HttpResponse } from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { assertNoLeaks } from './helpers/leaks.js';
import { readBody, startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;
let base: string;
const seen: { url: string; method: string; body: string; tag: string | undefined }[] = [];

before(async () => {
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', body: body.toString(), tag: req.headers['x-tag'] as string | undefined });
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/target' });
        return void res.end();
      }
      if (req.url === '/cached') {
        res.writeHead(200, { 'cache-control': 'max-age=60' });
        return void res.end('cached body');
      }
      res.end(`server saw ${req.url ?? ''}`);
    });
  });
  base = server.url;
});
after(async () => {
  await server.close();
  await assertNoLeaks();
});

type Handle = (req: HttpRequestContext, rsp: HttpResponse) => Promise<boolean>;
function chainOf(entries: [string, Handle][]): InstanceType<typeof http.HttpInterceptorChain> {
  const chain = new http.HttpInterceptorChain();
  chain.addChain(entries.map(([type, interceptorHandle]) => ({ interceptorType: type, interceptorHandle }) as unknown as HttpInterceptor));
  return chain;
}

describe('HttpInterceptorChain rules', () => {
  it('adds, lists and applies as the device does', () => {
    const chain = new http.HttpInterceptorChain();
    assert.deepEqual(chain.getChain(), []);
    assert.equal(chain.apply(http.createHttp()), false, 'an empty chain is not applied');
    const a = { interceptorType: http.InterceptorType.INITIAL_REQUEST, interceptorHandle: () => Promise.resolve(true) };
    assert.equal(chain.addChain([a]), true);
    assert.deepEqual(chain.getChain(), [a]);
    const codes: [() => unknown, string][] = [
      [() => chain.addChain('x' as unknown as HttpInterceptor[]), '2300801'],
      [() => chain.addChain([{ interceptorType: '' } as unknown as HttpInterceptor]), '2300999'],
      [() => chain.addChain([a]), '2300802'],
      [() => (chain.apply as (...args: unknown[]) => boolean)(), '2300801'],
      [() => (chain.apply as (...args: unknown[]) => boolean)('x'), '2300801'],
      [() => (chain.apply as (...args: unknown[]) => boolean)({}), '2300999'],
    ];
    for (const [call, code] of codes) {
      assert.throws(call, (e: unknown) => e instanceof Error && (e as Error & { code: string }).code === code, code);
    }
    assert.equal(chain.apply(http.createHttp()), true);
  });
});

describe('interceptor points', () => {
  it('INITIAL_REQUEST edits url, header and body before anything is sent', async () => {
    const req = http.createHttp();
    chainOf([['INITIAL_REQUEST', async (ctx) => {
      ctx.url = `${ctx.url}?edited=1`;
      (ctx.header as Record<string, string>)['x-tag'] = 'from interceptor';
      ctx.body = 'new body';
      return Promise.resolve(true);
    }]]).apply(req);
    seen.length = 0;
    const res = await req.request(`${base}initial`, { method: http.RequestMethod.POST, extraData: 'old body' });
    assert.equal(res.result, 'server saw /initial?edited=1');
    assert.deepEqual(seen, [{ url: '/initial?edited=1', method: 'POST', body: 'new body', tag: 'from interceptor' }]);
  });

  it('stops with a custom response (raw header text) without touching the network', async () => {
    for (const point of ['INITIAL_REQUEST', 'CONNECT_NETWORK']) {
      const req = http.createHttp();
      chainOf([[point, async (_ctx, rsp) => {
        rsp.responseCode = 418;
        rsp.header = 'Content-Type: text/plain\r\nX-From: interceptor\r\n';
        rsp.result = 'short and stout';
        return Promise.resolve(false);
      }]]).apply(req);
      seen.length = 0;
      const res = await req.request(`${base}never`);
      assert.equal(seen.length, 0, point);
      assert.equal(res.responseCode, 418);
      assert.equal(res.result, 'short and stout');
      assert.deepEqual(res.header, { 'content-type': 'text/plain', 'x-from': 'interceptor' });
    }
  });

  it('REDIRECTION runs per hop: it may redirect elsewhere or stop with the 3xx', async () => {
    const req = http.createHttp();
    const hops: number[] = [];
    chainOf([['REDIRECTION', async (ctx, rsp) => {
      hops.push(rsp.responseCode);
      ctx.url = ctx.url.replace('/target', '/rewritten');
      return Promise.resolve(true);
    }]]).apply(req);
    seen.length = 0;
    const res = await req.request(`${base}redirect`);
    assert.deepEqual(hops, [302]);
    assert.equal(res.result, 'server saw /rewritten');
    const stopper = http.createHttp();
    chainOf([['REDIRECTION', () => Promise.resolve(false)]]).apply(stopper);
    const stopped = await stopper.request(`${base}redirect`);
    assert.equal(stopped.responseCode, 302);
    assert.equal((stopped.header as Record<string, string>).location, '/target');
  });

  it('READ_CACHE runs on a cache hit; FINAL_RESPONSE sees and may change the result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ohos-icpt-'));
    configure({ cacheDir: dir });
    const cache = http.createHttpResponseCache();
    try {
      const points: string[] = [];
      const req = http.createHttp();
      chainOf([
        ['READ_CACHE', async (_ctx, rsp) => (points.push(`cache:${(rsp.result as string)}`), Promise.resolve(true))],
        ['CONNECT_NETWORK', async () => (points.push('network'), Promise.resolve(true))],
        ['FINAL_RESPONSE', async (_ctx, rsp) => {
          points.push('final');
          rsp.result = `${(rsp.result as string)} (seen)`;
          return Promise.resolve(true);
        }],
      ]).apply(req);
      const first = await req.request(`${base}cached`);
      const second = await req.request(`${base}cached`);
      assert.equal(first.result, 'cached body (seen)');
      assert.equal(second.result, 'cached body (seen)');
      assert.equal(second.connectionExtraInfo?.isCacheHit, true);
      assert.deepEqual(points, ['network', 'final', 'cache:cached body', 'final']);
    } finally {
      await cache.delete();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails the request with 2300999 when an interceptor rejects; streams are not intercepted', async () => {
    const req = http.createHttp();
    chainOf([['INITIAL_REQUEST', () => Promise.reject(new Error('nope'))]]).apply(req);
    await assert.rejects(req.request(`${base}x`), { code: 2300999, message: 'Internal error' });
    assert.equal(await req.requestInStream(`${base}stream`), 200);
  });
});
