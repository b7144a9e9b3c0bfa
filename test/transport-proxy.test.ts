// Proxies (spec §5, decisions.md "System / default proxy") against a real forward proxy and a real SOCKS5
// proxy: absolute-form for http targets, CONNECT for https, Basic credentials, the device's exclusion rules,
// the environment as curl reads it, and the error codes, each compared with curl on the same setup.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { attempt, deviceCodeOf, startProxy, startSocks5, type ProxyServer, type Socks5Server } from './helpers/proxy.js';
import { closedPort, fixture, startHttp, startHttps, type TestServer } from './helpers/servers.js';

const CA = fixture('ca.pem');
let target: TestServer;
let secure: TestServer;
let open: ProxyServer;
let guarded: ProxyServer;
let socks: Socks5Server;
let socksGuarded: Socks5Server;
const AUTH = { username: 'user', password: 'p@ss:word' };

before(async () => {
  leakBaseline();
  target = await startHttp((req, res) => {
    res.setHeader('x-seen-target', req.url ?? '');
    res.setHeader('x-seen-auth', req.headers['proxy-authorization'] ?? 'none');
    res.end('plain');
  });
  secure = await startHttps((_req, res) => res.end('secure'));
  open = await startProxy();
  guarded = await startProxy({ auth: AUTH });
  socks = await startSocks5();
  socksGuarded = await startSocks5({ auth: AUTH });
});

after(async () => {
  await Promise.all([target.close(), secure.close(), open.close(), guarded.close(), socks.close(), socksGuarded.close()]);
  await assertNoLeaks();
});

const via = (p: ProxyServer, extra: Partial<http.HttpProxy> = {}): http.HttpProxy => ({
  host: p.host, port: p.port, exclusionList: [], ...extra,
});

/** curl through the same proxy: exit code and status. */
async function curlVia(url: string, args: readonly string[]): Promise<{ code: number; status: number }> {
  const r = await curlRun(['-w', '%{http_code}', '--cacert', CA, ...args, url]);
  return { code: deviceCodeOf(r.exitCode), status: Number(r.stdout) };
}

describe('HTTP proxy: usingProxy with an HttpProxy object', () => {
  it('sends plain-http requests in absolute form, and reports a proxy connection', async () => {
    const before = open.requests;
    const { code, res } = await attempt(`${target.url}abs?q=1`, { usingProxy: via(open) });
    assert.equal(code, 0);
    assert.equal(res?.result, 'plain');
    assert.equal(open.requests, before + 1);
    const hit = open.hits.at(-1);
    assert.equal(hit?.target, `${target.origin}/abs?q=1`, 'the proxy got the absolute URL');
    assert.equal(hit?.headers.host, `127.0.0.1:${target.port}`);
    assert.equal(res?.connectionExtraInfo?.isProxyConnection, true);
    assert.equal(res?.connectionExtraInfo?.remotePort, open.port, 'the connection goes to the proxy');
    const curl = await curlVia(`${target.url}abs?q=1`, ['-x', open.url]);
    assert.deepEqual(curl, { code: 0, status: 200 });
    assert.equal(open.requests, before + 2);
  });

  it('tunnels https requests with CONNECT and verifies the origin through the tunnel', async () => {
    const before = open.connects;
    const { code, res } = await attempt(secure.url, { usingProxy: via(open), caPath: CA });
    assert.equal(code, 0);
    assert.equal(res?.result, 'secure');
    assert.equal(open.connects, before + 1);
    assert.equal(open.hits.at(-1)?.target, `localhost:${secure.port}`);
    assert.equal(res?.connectionExtraInfo?.isProxyConnection, true);
    assert.equal(res?.connectionExtraInfo?.tlsVersion, http.TlsVersion.TLS_V_1_3);
    assert.deepEqual(await curlVia(secure.url, ['-x', open.url]), { code: 0, status: 200 });
    // The untrusted default store still applies inside the tunnel: same failure as curl without --cacert.
    const untrusted = await attempt(secure.url, { usingProxy: via(open) });
    const curl = await curlRun(['-x', open.url, secure.url]);
    assert.equal(untrusted.code, deviceCodeOf(curl.exitCode));
    assert.equal(untrusted.code, 2300060);
  });

  it('sends username/password as Proxy-Authorization: Basic, to the proxy only', async () => {
    const { code, res } = await attempt(target.url, { usingProxy: via(guarded, AUTH) });
    assert.equal(code, 0);
    assert.equal(res?.responseCode, 200);
    const expected = `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`;
    assert.equal(guarded.hits.at(-1)?.headers['proxy-authorization'], expected);
    assert.equal((res?.header as Record<string, unknown> | undefined)?.['x-seen-auth'], 'none', 'the origin never sees the proxy credentials');
    const tunnel = await attempt(secure.url, { usingProxy: via(guarded, AUTH), caPath: CA });
    assert.equal(tunnel.code, 0);
    assert.equal(guarded.hits.at(-1)?.headers['proxy-authorization'], expected);
    const curl = await curlVia(secure.url, ['-x', guarded.url, '--proxy-user', `${AUTH.username}:${AUTH.password}`]);
    assert.deepEqual(curl, { code: 0, status: 200 });
  });

  it('uses credentials only when both username and password are given', async () => {
    const { res } = await attempt(target.url, { usingProxy: via(guarded, { username: AUTH.username }) });
    assert.equal(res?.responseCode, 407);
    assert.equal(guarded.hits.at(-1)?.headers['proxy-authorization'], undefined);
  });

  it('407 from the proxy: a response for absolute-form, a failed tunnel for CONNECT (as curl)', async () => {
    const plain = await attempt(target.url, { usingProxy: via(guarded) });
    const curlPlain = await curlVia(target.url, ['-x', guarded.url]);
    assert.deepEqual({ code: plain.code, status: plain.res?.responseCode }, curlPlain);
    assert.equal(plain.res?.responseCode, 407);
    const tunnel = await attempt(secure.url, { usingProxy: via(guarded), caPath: CA });
    const curlTunnel = await curlVia(secure.url, ['-x', guarded.url]);
    assert.equal(tunnel.code, curlTunnel.code, `curl → ${curlTunnel.code}`);
    const wrong = await attempt(secure.url, { usingProxy: via(guarded, { username: 'user', password: 'bad' }), caPath: CA });
    assert.equal(wrong.code, curlTunnel.code);
  });

  it('an unresolvable proxy is 2300005, an unreachable one 2300007 (curl -x)', async () => {
    const unresolvable = { host: 'proxy.invalid', port: 3128, exclusionList: [] };
    const a = await attempt(target.url, { usingProxy: unresolvable });
    const curlA = await curlRun(['-x', 'http://proxy.invalid:3128', target.url]);
    assert.equal(a.code, deviceCodeOf(curlA.exitCode));
    assert.equal(a.code, 2300005);
    assert.equal(a.message, 'Failed to resolve the proxy name');
    const b = await attempt(secure.url, { usingProxy: unresolvable });
    assert.equal(b.code, 2300005, 'the same for a tunnel');

    const port = await closedPort();
    const c = await attempt(target.url, { usingProxy: { host: '127.0.0.1', port, exclusionList: [] } });
    const curlC = await curlRun(['-x', `http://127.0.0.1:${port}`, target.url]);
    assert.equal(c.code, deviceCodeOf(curlC.exitCode));
    assert.equal(c.code, 2300007);
    const d = await attempt(secure.url, { usingProxy: { host: '127.0.0.1', port, exclusionList: [] } });
    assert.equal(d.code, 2300007);
  });

  it('an empty host means no proxy at all; usingProxy false is direct', async () => {
    const before = open.requests;
    const a = await attempt(target.url, { usingProxy: { host: '', port: open.port, exclusionList: [] } });
    assert.equal(a.code, 0);
    assert.equal(a.res?.connectionExtraInfo?.isProxyConnection, false);
    const b = await attempt(target.url, { usingProxy: false });
    assert.equal(b.code, 0);
    assert.equal(open.requests, before);
  });
});

describe('exclusionList: the device rules (whole host, case-sensitive, * wildcard)', () => {
  const cases: readonly { list: string[]; direct: boolean }[] = [
    { list: ['127.0.0.1'], direct: true },
    { list: ['*'], direct: true },
    { list: ['127.0.0.*'], direct: true },
    { list: ['other.example', ' 127.0.0.1 '], direct: true },
    { list: ['127.0.0.1,localhost'], direct: true },
    { list: ['127.0.0'], direct: false },
    { list: ['*.0.0.2'], direct: false },
    { list: ['example.com'], direct: false },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.list)} → ${c.direct ? 'direct' : 'proxy'} for 127.0.0.1`, async () => {
      const before = open.requests;
      const { code } = await attempt(target.url, { usingProxy: via(open, { exclusionList: c.list }) });
      assert.equal(code, 0);
      assert.equal(open.requests - before, c.direct ? 0 : 1);
    });
  }

  it('matches like curl --noproxy for a plain host entry', async () => {
    const before = open.requests;
    const curl = await curlVia(target.url, ['-x', open.url, '--noproxy', '127.0.0.1']);
    assert.deepEqual(curl, { code: 0, status: 200 });
    assert.equal(open.requests, before, 'curl went direct too');
  });

  it('is case-sensitive and matches whole host names (unlike curl\'s suffix rule)', async () => {
    const before = open.requests;
    await attempt(`http://localhost:${target.port}/`, { usingProxy: via(open, { exclusionList: ['LOCALHOST'] }) });
    await attempt(`http://localhost:${target.port}/`, { usingProxy: via(open, { exclusionList: ['host'] }) });
    assert.equal(open.requests - before, 2);
  });
});

describe('default proxy: configure({ defaultProxy }) and the environment', () => {
  after(() => {
    for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'no_proxy', 'NO_PROXY', 'ALL_PROXY']) Reflect.deleteProperty(process.env, name);
    configure({ defaultProxy: undefined });
  });

  it('uses configure()\'s proxy when usingProxy is absent or true, not when false', async () => {
    configure({ defaultProxy: via(open, { exclusionList: ['localhost'] }) });
    try {
      const before = open.requests;
      assert.equal((await attempt(target.url)).code, 0);
      assert.equal((await attempt(target.url, { usingProxy: true })).code, 0);
      assert.equal((await attempt(target.url, { usingProxy: false })).code, 0);
      assert.equal((await attempt(`http://localhost:${target.port}/`)).code, 0, 'excluded');
      assert.equal(open.requests - before, 2);
      configure({ defaultProxy: null });
      assert.equal((await attempt(target.url)).code, 0);
      assert.equal(open.requests - before, 2, 'null: no proxy');
    } finally {
      configure({ defaultProxy: undefined });
    }
  });

  it('reads http_proxy / https_proxy / NO_PROXY as curl does (HTTP_PROXY is ignored)', async () => {
    process.env.HTTP_PROXY = open.url;
    configure({ defaultProxy: undefined });
    let before = open.requests;
    assert.equal((await attempt(target.url)).code, 0);
    assert.equal(open.requests, before, 'curl ignores upper-case HTTP_PROXY');
    delete process.env.HTTP_PROXY;

    process.env.http_proxy = open.url;
    process.env.https_proxy = guarded.url.replace('http://', `http://${AUTH.username}:${encodeURIComponent(AUTH.password)}@`);
    configure({ defaultProxy: undefined });
    before = open.requests;
    const a = await attempt(target.url);
    assert.equal(a.code, 0);
    assert.equal(open.requests, before + 1);
    assert.equal(a.res?.connectionExtraInfo?.isProxyConnection, true);
    const b = await attempt(secure.url, { caPath: CA });
    assert.equal(b.code, 0, 'https_proxy with credentials in the URL');
    // (the tunnel opened by an earlier test through the same proxy may be reused: no new CONNECT needed)
    assert.equal(b.res?.connectionExtraInfo?.isProxyConnection, true);
    assert.equal(b.res?.connectionExtraInfo?.remotePort, guarded.port);

    process.env.NO_PROXY = 'example.com, .0.0.1 ,localhost';
    configure({ defaultProxy: undefined });
    before = open.requests;
    assert.equal((await attempt(`http://localhost:${target.port}/`)).code, 0);
    assert.equal(open.requests, before, 'NO_PROXY localhost');
    assert.equal((await attempt(target.url)).code, 0);
    assert.equal(open.requests, before + 1, 'an IP is not suffix-matched by .0.0.1');
    process.env.NO_PROXY = '127.0.0.0/8';
    configure({ defaultProxy: undefined });
    assert.equal((await attempt(target.url)).code, 0);
    assert.equal(open.requests, before + 1, 'CIDR match');
  });

  it('ALL_PROXY serves both schemes; socks4 is refused as an unsupported proxy scheme', async () => {
    for (const name of ['http_proxy', 'https_proxy', 'NO_PROXY']) Reflect.deleteProperty(process.env, name);
    process.env.ALL_PROXY = socks.url;
    configure({ defaultProxy: undefined });
    const before = socks.connects;
    assert.equal((await attempt(target.url)).code, 0);
    assert.equal(socks.connects, before + 1);
    process.env.ALL_PROXY = 'socks4://127.0.0.1:1080';
    configure({ defaultProxy: undefined });
    // SOCKS4 is not spoken here: the request fails as curl fails for a proxy scheme it does not support (7).
    const r = await attempt(target.url);
    assert.equal(r.code, 2300007);
    delete process.env.ALL_PROXY;
  });
});

describe('SOCKS5: usingSocks5Proxy', () => {
  it('connects through the proxy, resolving locally by default (SYSTEM_MODE)', async () => {
    const types = socks.addressTypes.length;
    const { code, res } = await attempt(`http://localhost:${target.port}/s5`, { usingSocks5Proxy: { host: socks.host, port: socks.port } });
    assert.equal(code, 0);
    assert.equal(res?.result, 'plain');
    assert.equal(res?.connectionExtraInfo?.isProxyConnection, true);
    assert.deepEqual(socks.addressTypes.slice(types), [1], 'an IPv4 address was sent');
    const curl = await curlVia(`http://localhost:${target.port}/s5`, ['--socks5', `${socks.host}:${socks.port}`]);
    assert.deepEqual(curl, { code: 0, status: 200 });
    assert.deepEqual(socks.addressTypes.slice(types), [1, 1]);
  });

  it('lets the proxy resolve with PROXY_MODE (curl --socks5-hostname), and wins over usingProxy', async () => {
    const types = socks.addressTypes.length;
    const { code } = await attempt(`http://localhost:${target.port}/`, {
      usingSocks5Proxy: { host: socks.host, port: socks.port, dnsStrategy: 1 /* PROXY_MODE */ },
      usingProxy: via(open),
    });
    assert.equal(code, 0);
    const curl = await curlVia(`http://localhost:${target.port}/`, ['--socks5-hostname', `${socks.host}:${socks.port}`]);
    assert.deepEqual(curl, { code: 0, status: 200 });
    assert.deepEqual(socks.addressTypes.slice(types), [3, 3], 'the host name was sent');
  });

  it('carries TLS to an https origin, with credentials when both are given', async () => {
    const { code, res } = await attempt(secure.url, {
      usingSocks5Proxy: { host: socksGuarded.host, port: socksGuarded.port, ...AUTH },
      caPath: CA,
    });
    assert.equal(code, 0);
    assert.equal(res?.result, 'secure');
    const curl = await curlVia(secure.url, ['-x', `socks5://${AUTH.username}:${encodeURIComponent(AUTH.password)}@${socksGuarded.host}:${socksGuarded.port}`]);
    assert.deepEqual(curl, { code: 0, status: 200 });
  });

  it('refused credentials: the same code as curl (CURLE_PROXY → 2300999)', async () => {
    const r = await attempt(target.url, { usingSocks5Proxy: { host: socksGuarded.host, port: socksGuarded.port, username: 'user', password: 'bad' } });
    const curl = await curlRun(['-x', `socks5://user:bad@${socksGuarded.host}:${socksGuarded.port}`, target.url]);
    assert.equal(r.code, deviceCodeOf(curl.exitCode));
    const none = await attempt(target.url, { usingSocks5Proxy: { host: socksGuarded.host, port: socksGuarded.port } });
    const curlNone = await curlRun(['-x', `socks5://${socksGuarded.host}:${socksGuarded.port}`, target.url]);
    assert.equal(none.code, deviceCodeOf(curlNone.exitCode));
  });

  it('is ignored without a host or a positive port; honours exclusionList', async () => {
    const before = socks.connects;
    assert.equal((await attempt(target.url, { usingSocks5Proxy: { host: '', port: socks.port } })).code, 0);
    assert.equal((await attempt(target.url, { usingSocks5Proxy: { host: socks.host, port: 0 } })).code, 0);
    assert.equal((await attempt(target.url, { usingSocks5Proxy: { host: socks.host, port: socks.port, exclusionList: ['127.0.0.1'] } })).code, 0);
    assert.equal(socks.connects, before);
  });
});
