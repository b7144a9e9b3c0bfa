// usingProtocol (spec §2.2): HTTP1_1 forces HTTP/1.1, HTTP2 negotiates h2 over TLS (ALPN), HTTP3 falls back;
// over cleartext HTTP2 behaves as `curl --http2` against an HTTP/1.1 server. Compared with curl's
// `%{http_version}` on the same servers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { attempt, deviceCodeOf } from './helpers/proxy.js';
import { fixture, startH2, startHttp, type TestServer } from './helpers/servers.js';

const CA = fixture('ca.pem');
let both: TestServer;
let h2only: TestServer;
let plain: TestServer;

before(async () => {
  leakBaseline();
  both = await startH2((req, res) => res.end(`v${req.httpVersion}`), { allowHTTP1: true });
  h2only = await startH2((_req, res) => res.end('h2 only'));
  plain = await startHttp((req, res) => res.end(`v${req.httpVersion}`));
});

after(async () => {
  await Promise.all([both.close(), h2only.close(), plain.close()]);
  await assertNoLeaks();
});

const NAMES: Readonly<Record<string, string>> = { '1.1': 'HTTP/1.1', '2': 'HTTP/2' };

/** Our protocol name and curl's for the same URL and choice. */
async function both2(url: string, usingProtocol: http.HttpProtocol | undefined, curlFlag: readonly string[]): Promise<[string | undefined, string | undefined]> {
  const options: http.HttpRequestOptions = usingProtocol === undefined ? { caPath: CA } : { caPath: CA, usingProtocol };
  const ours = await attempt(url, options);
  assert.equal(ours.code, 0, `ours failed: ${ours.code}`);
  const curl = await curlRun(['--cacert', CA, '-w', '%{http_version}', ...curlFlag, url]);
  assert.equal(curl.exitCode, 0);
  return [ours.res?.connectionExtraInfo?.networkProtocolName, NAMES[curl.stdout]];
}

describe('usingProtocol over TLS', () => {
  it('default: HTTP/2 when the server offers it (as curl)', async () => {
    const [ours, curl] = await both2(both.url, undefined, []);
    assert.equal(ours, 'HTTP/2');
    assert.equal(ours, curl);
  });

  it('HTTP1_1 forces HTTP/1.1 (curl --http1.1)', async () => {
    const [ours, curl] = await both2(both.url, http.HttpProtocol.HTTP1_1, ['--http1.1']);
    assert.equal(ours, 'HTTP/1.1');
    assert.equal(ours, curl);
  });

  it('HTTP2 negotiates h2 by ALPN (curl --http2)', async () => {
    const [ours, curl] = await both2(both.url, http.HttpProtocol.HTTP2, ['--http2']);
    assert.equal(ours, 'HTTP/2');
    assert.equal(ours, curl);
  });

  it('HTTP3 falls back to what TLS negotiates (no HTTP/3 client in Node)', async () => {
    const r = await attempt(both.url, { caPath: CA, usingProtocol: http.HttpProtocol.HTTP3 });
    assert.equal(r.code, 0);
    assert.equal(r.res?.connectionExtraInfo?.networkProtocolName, 'HTTP/2');
  });

  it('HTTP1_1 against an h2-only server fails the handshake as curl --http1.1 does', async () => {
    const ours = await attempt(h2only.url, { caPath: CA, usingProtocol: http.HttpProtocol.HTTP1_1 });
    const curl = await curlRun(['--cacert', CA, '--http1.1', h2only.url]);
    assert.notEqual(ours.code, 0);
    assert.equal(ours.code, deviceCodeOf(curl.exitCode));
  });
});

describe('usingProtocol over cleartext', () => {
  it('HTTP2 on http:// still gets its answer over HTTP/1.1 (curl --http2 against an HTTP/1.1 server)', async () => {
    const ours = await attempt(plain.url, { usingProtocol: http.HttpProtocol.HTTP2 });
    assert.equal(ours.code, 0);
    assert.equal(ours.res?.result, 'v1.1');
    assert.equal(ours.res?.connectionExtraInfo?.networkProtocolName, 'HTTP/1.1');
    const curl = await curlRun(['-w', '%{http_version}', '--http2', plain.url]);
    assert.equal(curl.exitCode, 0);
    assert.equal(NAMES[curl.stdout], 'HTTP/1.1');
  });

  it('HTTP1_1 and HTTP3 on http:// use HTTP/1.1', async () => {
    for (const usingProtocol of [http.HttpProtocol.HTTP1_1, http.HttpProtocol.HTTP3]) {
      const r = await attempt(plain.url, { usingProtocol });
      assert.equal(r.res?.result, 'v1.1');
    }
  });
});
