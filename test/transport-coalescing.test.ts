// HTTP/2 first-connection coalescing: concurrent first requests to an https origin wait for the
// first connection's ALPN answer (as curl does with multiplexing on) instead of opening one
// connection each; an HTTP/1.1-only server still gets parallel connections.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { closedPort, fixture, startH2, startHttps, type TestServer } from './helpers/servers.js';

const CA = fixture('ca.pem');
const BURST = 100;
let h2: TestServer;
let h1: TestServer;

before(async () => {
  leakBaseline();
  // `/held` answers only after 1 s: longer than destroy() lets a transfer run on.
  h2 = await startH2((req, res) => {
    if (req.url === '/held') setTimeout(() => res.end('late'), 1000).unref();
    else res.end(`v${req.httpVersion}`);
  }, { allowHTTP1: true });
  // Each answer waits a little, so that the burst really overlaps on the HTTP/1.1 server.
  h1 = await startHttps((req, res) => setTimeout(() => res.end(`v${req.httpVersion}`), 20));
});

after(async () => {
  await Promise.all([h2.close(), h1.close()]);
  await assertNoLeaks();
});

async function burst(url: string, options: http.HttpRequestOptions): Promise<string[]> {
  const req = http.createHttp();
  try {
    const all = await Promise.all(Array.from({ length: BURST }, () => req.request(url, options)));
    return all.map((r) => {
      assert.equal(r.responseCode, 200);
      return r.result as string;
    });
  } finally {
    req.destroy();
  }
}

describe('first connection to an https origin', () => {
  it(`${BURST} concurrent first requests to an h2 server share one TLS connection`, async () => {
    // A connect timeout of its own gives this test a pool no other test has warmed.
    const bodies = await burst(`${h2.url}first`, { caPath: CA, connectTimeout: 12_345 });
    assert.deepEqual(new Set(bodies), new Set(['v2.0']));
    assert.equal(h2.connections, 1);
    assert.equal(h2.requests, BURST);
  });

  it('a later burst reuses that connection', async () => {
    await burst(`${h2.url}again`, { caPath: CA, connectTimeout: 12_345 });
    assert.equal(h2.connections, 1);
  });

  it('an HTTP/1.1-only server still gets parallel connections', async () => {
    const bodies = await burst(`${h1.url}parallel`, { caPath: CA, connectTimeout: 12_346 });
    assert.deepEqual(new Set(bodies), new Set(['v1.1']));
    assert.ok(h1.connections > 1, `${h1.connections} connection(s) for ${BURST} concurrent requests`);
    assert.equal(h1.requests, BURST);
  });

  it('usingProtocol HTTP1_1 opens parallel connections at once, as before', async () => {
    const before = h2.connections;
    const bodies = await burst(`${h2.url}h1`, { caPath: CA, connectTimeout: 12_347, usingProtocol: http.HttpProtocol.HTTP1_1 });
    assert.deepEqual(new Set(bodies), new Set(['v1.1']));
    assert.ok(h2.connections - before > 1);
  });

  it('the waiting requests go on when the first one is destroyed', async () => {
    const first = http.createHttp();
    const others = http.createHttp();
    const options = { caPath: CA, connectTimeout: 12_348 };
    // destroy() fails the opener once its grace has passed (the answer to /held comes later), whether it was
    // still waiting for ALPN or already sent; either way the others must not be left waiting on it.
    const opener = first.request(`${h2.url}held`, options);
    const rest = Array.from({ length: 20 }, () => others.request(`${h2.url}rest`, options));
    first.destroy();
    await assert.rejects(opener, { code: 2300023 });
    for (const r of await Promise.all(rest)) assert.equal(r.responseCode, 200);
    others.destroy();
  });

  it('when the first connection fails, every waiting request gets its own answer', async () => {
    const port = await closedPort();
    const req = http.createHttp();
    const all = await Promise.allSettled(Array.from({ length: 20 }, () => req.request(`https://127.0.0.1:${port}/`, { caPath: CA, connectTimeout: 12_349 })));
    for (const r of all) assert.deepEqual(r.status === 'rejected' ? (r.reason as { code: number }).code : r.status, 2300007);
    req.destroy();
  });
});
