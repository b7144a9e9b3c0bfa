// One trust store whatever TLS options a request sets: Node's default roots, NODE_EXTRA_CA_CERTS, then
// caPath/caData. Each case runs in a child process with NODE_EXTRA_CA_CERTS naming the test CA, against a
// local https server whose certificate that CA signed; without the variable the same requests fail with 2300060.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fixture, fixturePem, repoRoot, startHttps, type TestServer } from './helpers/servers.js';

/** TLS options that each make the request use a pool of its own (options source text, for the child). */
const CASES: Readonly<Record<string, string>> = {
  'no TLS option': '{}',
  'caPath missing': "{ caPath: '/nonexistent/ca.pem' }",
  'caPath of another CA': `{ caPath: ${JSON.stringify(fixture('untrusted-ca.pem'))} }`,
  'caData of another CA': `{ caData: ${JSON.stringify(fixturePem('untrusted-ca.pem'))} }`,
  tlsOptions: '{ tlsOptions: { tlsVersionMin: http.TlsVersion.TLS_V_1_2, tlsVersionMax: http.TlsVersion.TLS_V_1_3 } }',
  'empty clientCert': "{ clientCert: { certPath: '' } }",
  'enablePartialChain: true': '{ enablePartialChain: true }',
  'enablePartialChain: false': '{ enablePartialChain: false }',
  'remoteValidation: system': "{ remoteValidation: 'system' }",
  'certificatePinning: []': '{ certificatePinning: [] }',
  'usingProtocol HTTP/1.1': '{ usingProtocol: http.HttpProtocol.HTTP1_1 }',
};

let server: TestServer;

before(async () => {
  server = await startHttps((_req, res) => res.end('trusted'));
});

after(() => server.close());

/** Runs every case in one child process; returns case name → status code or error code. */
function runCases(env: NodeJS.ProcessEnv): Promise<Record<string, number>> {
  const script = `
    import http from 'ohos-net-http';
    const out = {};
    for (const [name, options] of Object.entries({ ${Object.entries(CASES).map(([n, o]) => `${JSON.stringify(n)}: ${o}`).join(', ')} })) {
      try {
        out[name] = (await http.createHttp().request(${JSON.stringify(server.url)}, options)).responseCode;
      } catch (err) {
        out[name] = err.code;
      }
    }
    console.log(JSON.stringify(out));
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, env, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`child failed: ${stderr}`, { cause: err }));
      else resolve(JSON.parse(stdout) as Record<string, number>);
    });
  });
}

function environment(extra: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (extra !== undefined) env.NODE_EXTRA_CA_CERTS = extra;
  return env;
}

describe('NODE_EXTRA_CA_CERTS with every TLS option', () => {
  it('with the test CA in NODE_EXTRA_CA_CERTS every case is trusted', async () => {
    const got = await runCases(environment(fixture('ca.pem')));
    assert.deepEqual(got, Object.fromEntries(Object.keys(CASES).map((name) => [name, 200])));
  });

  it('without it, every case fails verification (2300060)', async () => {
    const got = await runCases(environment(undefined));
    assert.deepEqual(got, Object.fromEntries(Object.keys(CASES).map((name) => [name, 2300060])));
  });
});
