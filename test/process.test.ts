// Whole-process behaviour: a script exits by itself after its last request; HTTPS and HTTP/2 by default.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fixture, repoRoot, startH2, startHttp, startHttps, type TestServer } from './helpers/servers.js';

interface ChildResult { code: number | null; stdout: string; stderr: string; ms: number }

/** Runs an ESM snippet in a child Node process inside the package, so `ohos-net-http` resolves to this build. */
function runScript(source: string, env: Record<string, string> = {}, timeoutMs = 15_000): Promise<ChildResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', source],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: timeoutMs },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

let plain: TestServer;
before(async () => {
  // `/held` answers after 1 s: longer than destroy() lets a transfer in flight run on.
  plain = await startHttp((req, res) => {
    if (req.url === '/held') setTimeout(() => res.end('late'), 1000).unref();
    else res.end('bye');
  });
});
after(() => plain.close());

describe('process lifetime', () => {
  it('exits by itself right after its last request, though the server keeps the connection open', async () => {
    const r = await runScript(`
      import http from 'ohos-net-http';
      const res = await http.createHttp().request(${JSON.stringify(plain.url)});
      console.log(res.responseCode, res.result);
    `, {}, 10_000);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.trim(), '200 bye');
    assert.equal(r.code, 0, 'the child was killed: something kept it alive');
  });

  it('exits after a failed request and after destroy()', async () => {
    const r = await runScript(`
      import http from 'ohos-net-http';
      const req = http.createHttp();
      const p = req.request(${JSON.stringify(`${plain.url}held`)}, { readTimeout: 5000 });
      req.destroy();
      await p.catch((e) => console.log(e.code));
      await http.createHttp().request('http://127.0.0.1:1/').catch((e) => console.log(e.code));
    `, {}, 10_000);
    assert.equal(r.stdout.trim(), '2300023\n2300007');
    assert.equal(r.code, 0);
  });
});

describe('TLS with the default trust store', () => {
  let tls: TestServer;
  let h2: TestServer;
  before(async () => {
    tls = await startHttps((_req, res) => res.end('secure'));
    h2 = await startH2((_req, res) => res.end('two'));
  });
  after(async () => {
    await tls.close();
    await h2.close();
  });

  const script = (url: string, options = '{}'): string => `
    import http from 'ohos-net-http';
    const res = await http.createHttp().request(${JSON.stringify(url)}, ${options});
    const i = res.connectionExtraInfo;
    console.log(JSON.stringify([res.responseCode, res.result, i.networkProtocolName, i.tlsVersion, typeof i.cipherSuite, res.performanceTiming.tlsTiming > 0]));
  `;

  it('verifies against Node\'s roots (plus NODE_EXTRA_CA_CERTS) and reports TLS details', async () => {
    const r = await runScript(script(tls.url), { NODE_EXTRA_CA_CERTS: fixture('ca.pem') });
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), [200, 'secure', 'HTTP/1.1', 7, 'string', true]);
  });

  it('speaks HTTP/2 when the server offers it, HTTP/1.1 when usingProtocol says so', async () => {
    const r = await runScript(script(h2.url), { NODE_EXTRA_CA_CERTS: fixture('ca.pem') });
    assert.deepEqual(JSON.parse(r.stdout), [200, 'two', 'HTTP/2', 7, 'string', true]);
    const both = await startH2((_req, res) => res.end('one'), { allowHTTP1: true });
    try {
      const r1 = await runScript(script(both.url, '{ usingProtocol: http.HttpProtocol.HTTP1_1 }'), { NODE_EXTRA_CA_CERTS: fixture('ca.pem') });
      assert.deepEqual(JSON.parse(r1.stdout), [200, 'one', 'HTTP/1.1', 7, 'string', true]);
    } finally {
      await both.close();
    }
  });
});
