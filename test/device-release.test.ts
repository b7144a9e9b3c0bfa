// `configure({ deviceRelease })`: error texts and codes of a given device release. Up to OpenHarmony 6.0 the
// device printed libcurl's texts; 6.1 brought the current ones (the default, 'newest'). Codes a release did not
// list yet are reported as 2300999 there; HttpProxy credentials are used from 6.1 on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { configure, currentSettings } from 'ohos-net-http/node';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { startProxy, type ProxyServer } from './helpers/proxy.js';
import { closedPort, faults, fixture, startHttp, startHttps, startRaw, type TestServer } from './helpers/servers.js';

let refused: string;
let silent: TestServer;
let tls: TestServer;
let origin: TestServer;
let proxy: ProxyServer;

before(async () => {
  leakBaseline();
  refused = `http://127.0.0.1:${await closedPort()}/`;
  silent = await startRaw(faults.stallBeforeHeaders);
  tls = await startHttps((_req, res) => res.end('pinned?'));
  origin = await startHttp((_req, res) => res.end('via proxy'));
  proxy = await startProxy();
});

after(async () => {
  configure({ deviceRelease: 'newest' });
  await Promise.all([silent.close(), tls.close(), origin.close(), proxy.close()]);
  await assertNoLeaks();
});

async function failure(url: string, options: http.HttpRequestOptions = {}): Promise<{ code: number; message: string }> {
  try {
    await http.createHttp().request(url, options);
  } catch (err) {
    const e = err as { code: number; message: string };
    return { code: e.code, message: e.message };
  }
  assert.fail('the request succeeded');
}

const PIN = { certificatePinning: { publicKeyHash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', hashAlgorithm: 'SHA-256' as const }, caPath: fixture('ca.pem') };

describe('deviceRelease', () => {
  it("defaults to the newest texts", async () => {
    assert.equal(currentSettings().deviceRelease, 'newest');
    assert.deepEqual(await failure(refused), { code: 2300007, message: 'Failed to connect to the server' });
  });

  it("'6.0': libcurl's texts", async () => {
    configure({ deviceRelease: '6.0' });
    try {
      assert.deepEqual(await failure(refused), { code: 2300007, message: "Couldn't connect to server" });
      assert.deepEqual(await failure(silent.url, { readTimeout: 50 }), { code: 2300028, message: 'Timeout was reached' });
      assert.deepEqual(await failure(`ht!tp://x`), { code: 2300003, message: 'URL using bad/illegal format or missing URL' });
      assert.deepEqual(await failure(tls.url, PIN), { code: 2300090, message: 'Specified pinned public key did not match' });
      // sslType TLCP fails on Node with the internal error, whose text changed too.
      assert.deepEqual(await failure(tls.url, { sslType: 'TLCP' }), { code: 2300999, message: 'Unknown Other Error' });
    } finally {
      configure({ deviceRelease: 'newest' });
    }
  });

  it("'6.1': the current texts", async () => {
    configure({ deviceRelease: '6.1' });
    try {
      assert.deepEqual(await failure(silent.url, { readTimeout: 50 }), { code: 2300028, message: 'Operation timeout' });
    } finally {
      configure({ deviceRelease: 'newest' });
    }
  });

  it("'4.0': a pin mismatch is not in that release's table → 2300999", async () => {
    configure({ deviceRelease: '4.0' });
    try {
      assert.deepEqual(await failure(tls.url, PIN), { code: 2300999, message: 'Unknown Other Error' });
    } finally {
      configure({ deviceRelease: '4.1' });
    }
    try {
      assert.deepEqual(await failure(tls.url, PIN), { code: 2300090, message: 'Specified pinned public key did not match' });
    } finally {
      configure({ deviceRelease: 'newest' });
    }
  });

  it("HttpProxy credentials reach the proxy from '6.1' on; '6.0' ignores them", async () => {
    const usingProxy = { host: proxy.host, port: proxy.port, username: 'user', password: 'secret', exclusionList: [] };
    const sent = async (release: string): Promise<unknown> => {
      configure({ deviceRelease: release });
      const before = proxy.hits.length;
      const res = await http.createHttp().request(origin.url, { usingProxy });
      assert.equal(res.result, 'via proxy');
      return proxy.hits.slice(before).map((hit) => hit.headers['proxy-authorization']);
    };
    try {
      assert.deepEqual(await sent('6.0'), [undefined]);
      assert.deepEqual(await sent('6.1'), [`Basic ${Buffer.from('user:secret').toString('base64')}`]);
      assert.deepEqual(await sent('newest'), [`Basic ${Buffer.from('user:secret').toString('base64')}`]);
    } finally {
      configure({ deviceRelease: 'newest' });
    }
  });

  it('requestSync reports the configured release too', () => {
    configure({ deviceRelease: '5.0' });
    try {
      assert.throws(() => http.createHttp().requestSync(refused), { code: 2300007, message: "Couldn't connect to server" });
    } finally {
      configure({ deviceRelease: 'newest' });
    }
  });

  it('refuses what is no release', () => {
    for (const bad of ['6', 'v6.0', 'latest', '']) {
      assert.throws(() => {
        configure({ deviceRelease: bad });
      }, TypeError);
    }
    assert.equal(currentSettings().deviceRelease, 'newest');
  });
});
