// Interop with squid as the forward proxy (run by `npm run test:interop`): plain http as absolute-form requests
// and https through CONNECT tunnels, to a local nginx, with Basic proxy authentication (basic_ncsa_auth over an
// htpasswd file). curl through the same squid is the oracle for the outcomes.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import http, { type HttpProxy, type HttpRequestOptions, type HttpResponse } from 'ohos-net-http';
import { curlRun } from '../helpers/curl.js';
import { deviceCodeForCurl } from '../helpers/device-errors.js';
import { fixture } from '../helpers/fixtures.js';
import { assertNoLeaks, leakBaseline } from '../helpers/leaks.js';
import { describeInterop, findBinary, NCSA_AUTH, startNginx, startPeers, startSquid, type Nginx, type Squid, type Stoppable } from './peers.js';

const CA = fixture('ca.pem');
const HELLO = 'hello through squid\n';
const BIG = 'z'.repeat(3 * 1024 * 1024);

/** The device's code for a curl exit code (device-behavior.md §3.3). */
const expectedCode = (curlExit: number): number => deviceCodeForCurl(curlExit);

type Outcome = { res: HttpResponse; code?: undefined } | { res?: undefined; code: number };

async function attempt(url: string, options: HttpRequestOptions): Promise<Outcome> {
  try {
    return { res: await http.createHttp().request(url, options) };
  } catch (err) {
    return { code: (err as { code: number }).code };
  }
}

function missingPeers(): string[] {
  const missing: string[] = [];
  if (findBinary('squid') === undefined) missing.push('squid');
  if (findBinary(NCSA_AUTH) === undefined) missing.push(NCSA_AUTH);
  if (findBinary('nginx') === undefined) missing.push('nginx');
  if (findBinary('openssl') === undefined) missing.push('openssl');
  return missing;
}

describeInterop('interop: squid forward proxy', missingPeers, () => {
  let squid: Squid;
  let nginx: Nginx;
  let proxy: HttpProxy;
  let curlProxy: string[];
  const peers: Stoppable[] = [];

  before(async () => {
    leakBaseline();
    [nginx, squid] = await startPeers<[Nginx, Squid]>([() => startNginx({ 'hello.txt': HELLO, 'big.txt': BIG }), startSquid]);
    peers.push(nginx, squid);
    proxy = { host: squid.host, port: squid.port, username: squid.username, password: squid.password, exclusionList: [] };
    curlProxy = ['-x', squid.url, '--proxy-user', `${squid.username}:${squid.password}`];
  });

  after(async () => {
    await Promise.all(peers.map((peer) => peer.stop()));
    await assertNoLeaks({ timeoutMs: 3000 });
  });

  it('http through squid with Basic auth: absolute-form, answered by nginx', async () => {
    const url = `${nginx.http}/hello.txt`;
    const res = await http.createHttp().request(url, { usingProxy: proxy });
    assert.equal(res.responseCode, 200);
    assert.equal(res.result, HELLO);
    assert.match(String((res.header as Record<string, unknown>).via), /ohos-interop/, 'the answer came through squid');
    assert.equal(res.connectionExtraInfo?.isProxyConnection, true);
    const logged = new RegExp(`GET ${url.replace(/[.]/g, '\\.')} ${squid.username} `);
    for (let i = 0; i < 40 && !logged.test(squid.accessLog().join('\n')); i++) await sleep(50);
    assert.match(squid.accessLog().join('\n'), logged, 'squid logged the authenticated request');
    const curl = await curlRun([...curlProxy, '-w', '%{http_code}', url]);
    assert.equal(curl.stdout, '200');
  });

  it('http through squid, a 3 MiB body and the nginx headers', async () => {
    const res = await http.createHttp().request(`${nginx.http}/big.txt`, { usingProxy: proxy });
    assert.equal(res.responseCode, 200);
    assert.equal((res.result as string).length, BIG.length);
    const seen = await http.createHttp().request(`${nginx.http}/headers`, { usingProxy: proxy });
    assert.match(seen.result as string, /ua=libcurl-agent\/1\.0\|/);
    assert.match(seen.result as string, /via=[^|]*ohos-interop/, 'nginx saw the request come through squid');
  });

  it('http through squid without credentials: 407 is a response (as curl)', async () => {
    const url = `${nginx.http}/hello.txt`;
    const curl = await curlRun(['-x', squid.url, '-w', '%{http_code}', url]);
    const ours = await attempt(url, { usingProxy: { host: squid.host, port: squid.port, exclusionList: [] } });
    assert.equal(curl.exitCode, 0);
    assert.equal(ours.res?.responseCode, Number(curl.stdout));
    assert.equal(ours.res?.responseCode, 407);
    assert.match(String((ours.res?.header as Record<string, unknown>)['proxy-authenticate']), /^Basic realm="ohos-interop"/);
  });

  it('https through a CONNECT tunnel with Basic auth, to nginx over TLS (HTTP/2 inside)', async () => {
    const url = `${nginx.https}/hello.txt`;
    const res = await http.createHttp().request(url, { usingProxy: proxy, caPath: CA });
    assert.equal(res.responseCode, 200);
    assert.equal(res.result, HELLO);
    assert.equal(res.connectionExtraInfo?.isProxyConnection, true);
    assert.equal(res.connectionExtraInfo?.networkProtocolName, 'HTTP/2');
    // (squid logs a CONNECT when the tunnel closes; ours stays in the keep-alive pool, so the log cannot tell yet)
    const curl = await curlRun([...curlProxy, '--cacert', CA, '-w', '%{http_code} %{http_version}', url]);
    assert.equal(curl.stdout, '200 2');
  });

  it('CONNECT with a wrong password: the code curl gives', async () => {
    const url = `${nginx.https}/hello.txt`;
    const curl = await curlRun(['-x', squid.url, '--proxy-user', `${squid.username}:wrong`, '--cacert', CA, url]);
    assert.notEqual(curl.exitCode, 0, 'curl fails: the tunnel is refused with 407');
    const ours = await attempt(url, { usingProxy: { ...proxy, password: 'wrong' }, caPath: CA });
    assert.equal(ours.code, expectedCode(curl.exitCode), `curl exit ${curl.exitCode} (${curl.stderr.trim()})`);
  });

  it('http with a wrong password: 407 is a response (as curl)', async () => {
    const url = `${nginx.http}/hello.txt`;
    const curl = await curlRun(['-x', squid.url, '--proxy-user', `${squid.username}:wrong`, '-w', '%{http_code}', url]);
    const ours = await attempt(url, { usingProxy: { ...proxy, password: 'wrong' } });
    assert.equal(curl.exitCode, 0);
    assert.equal(ours.res?.responseCode, Number(curl.stdout));
  });

  it('squid answers 503 for an origin it cannot reach: a response (as curl)', async () => {
    const url = 'http://127.0.0.1:9/';
    const curl = await curlRun([...curlProxy, '-w', '%{http_code}', url]);
    const ours = await attempt(url, { usingProxy: proxy });
    assert.equal(curl.exitCode, 0);
    assert.equal(ours.res?.responseCode, Number(curl.stdout));
    assert.equal(ours.res?.responseCode, 503);
  });

  it('an excluded host goes direct: squid sees nothing', async () => {
    // A unique query marks this request; squid logs other (earlier) transfers whenever they end.
    const url = `${nginx.http}/hello.txt?direct-${process.pid}-${Date.now()}`;
    const res = await http.createHttp().request(url, { usingProxy: { ...proxy, exclusionList: ['127.0.0.1'] } });
    assert.equal(res.result, HELLO);
    assert.equal(res.connectionExtraInfo?.isProxyConnection, false);
    assert.equal((res.header as Record<string, unknown>).via, undefined);
    const through = await http.createHttp().request(`${url}-proxied`, { usingProxy: proxy });
    assert.equal(through.connectionExtraInfo?.isProxyConnection, true);
    // squid writes its log line just after the answer: wait for the proxied twin, then look for the excluded one.
    let log = '';
    for (let i = 0; i < 40 && !log.includes(`${url}-proxied`); i++) {
      await sleep(50);
      log = squid.accessLog().join('\n');
    }
    assert.ok(log.includes(`${url}-proxied`), 'the proxied twin is in the log');
    assert.ok(!log.includes(`${url} `), 'the excluded request is not');
  });

  it('usingProxy: false goes direct', async () => {
    const res = await http.createHttp().request(`${nginx.http}/hello.txt`, { usingProxy: false });
    assert.equal(res.connectionExtraInfo?.isProxyConnection, false);
  });
});
