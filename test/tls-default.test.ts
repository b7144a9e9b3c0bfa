// TLS is verified by default: a request without any TLS option refuses a server whose certificate is
// untrusted, expired or for another name, with curl's code on the same server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { startHttps, type TestServer } from './helpers/servers.js';

let untrusted: TestServer;
let expired: TestServer;
let good: TestServer;

before(async () => {
  leakBaseline();
  untrusted = await startHttps((_req, res) => res.end('untrusted'), { cert: 'untrusted' });
  expired = await startHttps((_req, res) => res.end('expired'), { cert: 'expired' });
  good = await startHttps((_req, res) => res.end('good'));
});

after(async () => {
  await Promise.all([untrusted.close(), expired.close(), good.close()]);
  await assertNoLeaks();
});

async function codeOf(url: string): Promise<number> {
  const r = http.createHttp();
  try {
    await r.request(url);
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  } finally {
    r.destroy();
  }
}

describe('TLS without options', () => {
  it('untrusted, expired, and trusted-but-for-another-name servers are refused as curl refuses them', async () => {
    const cases = [
      ['untrusted', untrusted.url],
      ['expired', expired.url],
      // The test CA is not trusted by default either; the name check is covered with caPath in transport-tls.
      ['another name', good.url.replace('localhost', '127.0.0.1')],
    ] as const;
    for (const [name, url] of cases) {
      const curl = await curlRun([url]);
      assert.notEqual(curl.exitCode, 0, name);
      assert.equal(await codeOf(url), 2300000 + curl.exitCode, name);
      assert.equal(await codeOf(url), 2300060, name);
    }
  });
});
