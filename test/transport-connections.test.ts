// Connections (spec §2.2, §2.7, §3.5): the shared keep-alive pool, reuseConnections: false, inactivityMs,
// connectionExtraInfo on closed connections, and the INTERNET permission switch of ohos-net-http/node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import http, { type HttpRequestOptions } from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { attempt } from './helpers/proxy.js';
import { fixture, startH2, startHttp, type TestServer } from './helpers/servers.js';

const CA = fixture('ca.pem');
let h1: TestServer;
let h2: TestServer;
const connectionHeaders: (string | undefined)[] = [];

before(async () => {
  leakBaseline();
  h1 = await startHttp((req, res) => {
    connectionHeaders.push(req.headers.connection);
    res.end('one');
  });
  h2 = await startH2((_req, res) => res.end('two'));
});

after(async () => {
  await Promise.all([h1.close(), h2.close()]);
  await assertNoLeaks();
});

describe('connection reuse', () => {
  it('keeps and reuses a connection by default (one TCP connection for sequential requests)', async () => {
    const url = `${h1.url}default`;
    const before = h1.connections;
    const a = await attempt(url);
    const b = await attempt(url);
    assert.equal(h1.connections - before, 1);
    assert.equal(a.res?.connectionExtraInfo?.isReusedConnection, false);
    assert.equal(b.res?.connectionExtraInfo?.isReusedConnection, true);
    assert.equal(b.res?.performanceTiming.tcpTiming, 0);
  });

  it('reuseConnections: false opens a fresh connection per request and closes it (HTTP/1.1)', async () => {
    const before = h1.connections;
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await attempt(h1.url, { reuseConnections: false }));
    assert.equal(h1.connections - before, 3);
    for (const r of results) {
      assert.equal(r.code, 0);
      const info = r.res?.connectionExtraInfo;
      assert.equal(info?.isReusedConnection, false);
      assert.ok((r.res?.performanceTiming.tcpTiming ?? 0) > 0);
      // The connection is gone by now, yet its endpoints are reported.
      assert.equal(info?.remoteAddress, '127.0.0.1');
      assert.equal(info?.remotePort, h1.port);
      assert.ok((info?.localPort ?? -1) > 0);
    }
    assert.equal(connectionHeaders.at(-1), 'close');
    // A later default request does not find a kept connection from those.
    const after = await attempt(`${h1.url}later`, { reuseConnections: false });
    assert.equal(after.res?.connectionExtraInfo?.isReusedConnection, false);
  });

  it('reuseConnections: false over HTTP/2: a new session each time', async () => {
    const before = h2.connections;
    for (let i = 0; i < 2; i++) {
      const r = await attempt(h2.url, { caPath: CA, reuseConnections: false });
      assert.equal(r.res?.connectionExtraInfo?.networkProtocolName, 'HTTP/2');
      assert.equal(r.res?.connectionExtraInfo?.isReusedConnection, false);
    }
    assert.equal(h2.connections - before, 2);
    // With reuse (the default), the HTTP/2 session is kept.
    const kept = h2.connections;
    await attempt(h2.url, { caPath: CA });
    const again = await attempt(h2.url, { caPath: CA });
    assert.equal(again.res?.connectionExtraInfo?.isReusedConnection, true);
    assert.equal(h2.connections - kept, 1);
  });

  it('transport options are read from their values on every request, type and presence included', async () => {
    // Plans of equal primitive options are shared between requests: 'false' (a string, ignored) and false (the
    // boolean) must not share one, and an options object changed after a request is read again.
    const url = `${h1.url}options`;
    const before = h1.connections;
    await attempt(url, { caPath: CA, reuseConnections: 'false' as unknown as boolean });
    const kept = await attempt(url, { caPath: CA, reuseConnections: 'false' as unknown as boolean });
    assert.equal(kept.res?.connectionExtraInfo?.isReusedConnection, true);
    const options: HttpRequestOptions = { caPath: CA, reuseConnections: false };
    const fresh = await attempt(url, options);
    assert.equal(fresh.res?.connectionExtraInfo?.isReusedConnection, false);
    assert.equal(connectionHeaders.at(-1), 'close');
    options.sslType = 'TLCP';
    assert.equal((await attempt(url, options)).code, 2300999);
    delete options.sslType;
    options.reuseConnections = true;
    // Same settings as the first two requests: their kept connection.
    const again = await attempt(url, options);
    assert.equal(again.code, 0);
    assert.equal(again.res?.connectionExtraInfo?.isReusedConnection, true);
    assert.equal(h1.connections - before, 2);
    // Right after a request with false, 0 (a number: not a boolean, so ignored) must not take false's plan,
    // though 0 == false: the last values are compared strictly.
    await attempt(url, { caPath: CA, reuseConnections: false });
    assert.equal(connectionHeaders.at(-1), 'close');
    const zero = await attempt(url, { caPath: CA, reuseConnections: 0 as unknown as boolean });
    assert.notEqual(connectionHeaders.at(-1), 'close');
    assert.equal(zero.res?.connectionExtraInfo?.isReusedConnection, true);
  });

  it('inactivityMs: an idle connection is reused within the limit, not after it', async () => {
    // 500 ms → curl's MAXAGE_CONN of 0 s: reusable while idle for less than one whole second.
    const url = `${h1.url}idle`;
    const before = h1.connections;
    await attempt(url, { inactivityMs: 500 });
    const soon = await attempt(url, { inactivityMs: 500 });
    assert.equal(soon.res?.connectionExtraInfo?.isReusedConnection, true);
    await sleep(1300);
    const late = await attempt(url, { inactivityMs: 500 });
    assert.equal(late.res?.connectionExtraInfo?.isReusedConnection, false);
    assert.equal(h1.connections - before, 2);
  });

  it('a direct connection is not a proxy connection', async () => {
    const r = await attempt(h1.url, { usingProxy: false });
    assert.equal(r.res?.connectionExtraInfo?.isProxyConnection, false);
  });
});

describe('INTERNET permission (ohos-net-http/node)', () => {
  after(() => {
    configure({ internetPermission: true });
  });

  it('switched off, every request fails with 201 before anything else is looked at', async () => {
    configure({ internetPermission: false });
    const before = h1.requests;
    const cases: [string, http.HttpRequestOptions][] = [
      [h1.url, {}],
      ['', {}],
      ['ws://127.0.0.1/', {}],
      [h1.url, { sslType: 'TLCP' }],
      [h1.url, { usingProxy: { host: 'proxy.invalid', port: 1, exclusionList: [] } }],
    ];
    for (const [url, options] of cases) {
      const r = await attempt(url, options);
      assert.deepEqual([r.code, r.message], [201, 'Permission denied'], url);
    }
    assert.throws(() => http.createHttp().requestSync(h1.url), { code: '201', message: 'Permission denied' });
    assert.equal(h1.requests, before, 'nothing reached the server');
    // Argument errors still come first (device order: 401, then 201).
    const bad = await http.createHttp().request(h1.url, { extraData: '', method: http.RequestMethod.POST }).catch((e: unknown) => e);
    assert.equal((bad as { code: number }).code, 401);
    configure({ internetPermission: true });
    assert.equal((await attempt(h1.url)).code, 0);
  });
});
