// TLS options (spec §6) against real HTTPS servers with the test CA: trust (caPath, caData), client certificates,
// pinning, remoteValidation, tlsOptions, sniHostName, enablePartialChain, sslType — each failure code compared
// with curl's on the same server where curl has the same option.
import assert from 'node:assert/strict';
import { X509Certificate, createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import http, { type HttpRequestOptions } from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { attempt, deviceCodeOf } from './helpers/proxy.js';
import { fixture, fixturePem, startHttp, startHttps, type TestServer } from './helpers/servers.js';

const CA = fixture('ca.pem');
let good: TestServer;
let untrusted: TestServer;
let mtls: TestServer;
let tmp: string;

/** An HTTPS server with extra TLS settings; records the SNI names it was asked for. */
interface CustomServer {
  readonly url: string;
  readonly servernames: (string | false)[];
  close(): Promise<void>;
}

async function startCustom(options: https.ServerOptions): Promise<CustomServer> {
  const servernames: (string | false)[] = [];
  const sockets = new Set<Socket>();
  const server = https.createServer({ cert: fixturePem('server.pem'), key: fixturePem('server-key.pem'), ...options }, (_req, res) => {
    res.end('custom');
  });
  server.on('secureConnection', (s: { servername?: string | false }) => servernames.push(s.servername ?? false));
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}/`,
    servernames,
    close: () => new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      for (const s of sockets) s.destroy();
    }),
  };
}

before(async () => {
  leakBaseline();
  good = await startHttps((_req, res) => res.end('good'));
  untrusted = await startHttps((_req, res) => res.end('untrusted'), { cert: 'untrusted' });
  mtls = await startHttps((req, res) => {
    const socket = req.socket;
    const cn = socket instanceof TLSSocket ? socket.getPeerCertificate().subject?.CN : undefined;
    res.end(`client:${String(cn ?? 'none')}`);
  }, { requestCert: true });
  tmp = await mkdtemp(join(tmpdir(), 'ohos-tls-'));
});

after(async () => {
  await Promise.all([good.close(), untrusted.close(), mtls.close()]);
  await rm(tmp, { recursive: true, force: true });
  await assertNoLeaks();
});

/** Our outcome and curl's on the same URL; both as device codes (0 = success) plus our response. */
async function compare(url: string, options: HttpRequestOptions, curlArgs: readonly string[]): Promise<{ ours: number; curl: number; result: unknown }> {
  const [ours, curl] = await Promise.all([attempt(url, options), curlRun([...curlArgs, url])]);
  return { ours: ours.code, curl: deviceCodeOf(curl.exitCode), result: ours.res?.result };
}

const serverPin = createHash('sha256')
  .update(new X509Certificate(fixturePem('server.pem')).publicKey.export({ type: 'spki', format: 'der' }))
  .digest('base64');

describe('trust: caPath and caData add to the default roots', () => {
  it('caPath as a PEM file (curl --cacert)', async () => {
    const r = await compare(good.url, { caPath: CA }, ['--cacert', CA]);
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'good' });
  });

  it('caPath as a directory of PEM files', async () => {
    const dir = join(tmp, 'cas');
    await mkdir(dir, { recursive: true });
    await copyFile(CA, join(dir, 'test-root.pem'));
    await writeFile(join(dir, 'notes.txt'), 'not a certificate');
    const { code, res } = await attempt(good.url, { caPath: dir });
    assert.equal(code, 0);
    assert.equal(res?.result, 'good');
  });

  it('a missing caPath is ignored: default trust, so the test server is not trusted (2300060)', async () => {
    const { code } = await attempt(good.url, { caPath: join(tmp, 'missing.pem') });
    assert.equal(code, 2300060);
    const blank = await attempt(good.url, { caPath: ' ' });
    assert.equal(blank.code, 2300060);
  });

  it('caData holds a PEM certificate; garbage is 2300077 (curl --cacert with the same text)', async () => {
    const ok = await attempt(good.url, { caData: fixturePem('ca.pem') });
    assert.equal(ok.code, 0);
    const badFile = join(tmp, 'bad-ca.pem');
    await writeFile(badFile, 'this is not a certificate');
    const r = await compare(good.url, { caData: 'this is not a certificate' }, ['--cacert', badFile]);
    assert.equal(r.ours, r.curl);
    assert.equal(r.ours, 2300077);
  });

  it('certificate options are only loaded for TLS: bad ones do not fail http:// (curl --cacert/--cert)', async () => {
    const plain = await startHttp((_req, res) => res.end('plain'));
    try {
      const badFile = join(tmp, 'bad-ca-2.pem');
      await writeFile(badFile, 'garbage');
      const missing = join(tmp, 'missing-client-2.pem');
      const r = await compare(
        plain.url,
        { caData: 'garbage', clientCert: { certPath: missing, keyPath: missing } },
        ['--cacert', badFile, '--cert', missing, '--key', missing],
      );
      assert.deepEqual(r, { ours: 0, curl: 0, result: 'plain' });
      // sslType TLCP fails every request, http:// included (the device fails when setting the option).
      assert.equal((await attempt(plain.url, { sslType: 'TLCP' })).code, 2300999);
    } finally {
      await plain.close();
    }
  });

  it('caData is ignored when caPath is set', async () => {
    const { code } = await attempt(good.url, { caPath: CA, caData: 'garbage' });
    assert.equal(code, 0);
  });

  it('untrusted chain with caPath: 2300060 as curl', async () => {
    const r = await compare(untrusted.url, { caPath: CA }, ['--cacert', CA]);
    assert.equal(r.ours, r.curl);
    assert.equal(r.ours, 2300060);
  });

  it('enablePartialChain (default true): a trusted leaf ends the chain; false refuses it', async () => {
    const leaf = fixturePem('server.pem');
    const r = await compare(good.url, { caData: leaf }, ['--cacert', fixture('server.pem')]);
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'good' });
    const off = await attempt(good.url, { caData: leaf, enablePartialChain: false });
    assert.equal(off.code, 2300060);
    // A trusted leaf still has to match the host.
    const wrongHost = await attempt(good.url.replace('localhost', '127.0.0.2'), { caData: leaf });
    assert.notEqual(wrongHost.code, 0);
  });
});

describe('client certificates (mTLS server)', () => {
  const key = fixture('client-key.pem');
  it('PEM certificate and key (curl --cert --key)', async () => {
    const r = await compare(mtls.url, { caPath: CA, clientCert: { certPath: fixture('client.pem'), keyPath: key } }, ['--cacert', CA, '--cert', fixture('client.pem'), '--key', key]);
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'client:ohos-net-http test client' });
  });

  it('DER certificate (curl --cert-type DER)', async () => {
    const r = await compare(
      mtls.url,
      { caPath: CA, clientCert: { certPath: fixture('client.der'), certType: http.CertType.DER, keyPath: key } },
      ['--cacert', CA, '--cert-type', 'DER', '--cert', fixture('client.der'), '--key', key],
    );
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'client:ohos-net-http test client' });
  });

  it('P12 with keyPassword (curl --cert-type P12 --cert file:password)', async () => {
    const p12 = fixture('client.p12');
    const r = await compare(
      mtls.url,
      { caPath: CA, clientCert: { certPath: p12, certType: http.CertType.P12, keyPath: '', keyPassword: 'test' } },
      ['--cacert', CA, '--cert-type', 'P12', '--cert', `${p12}:test`],
    );
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'client:ohos-net-http test client' });
  });

  it('wrong P12 password, unreadable certificate, mismatched key: 2300058 as curl', async () => {
    const p12 = fixture('client.p12');
    const wrong = await compare(
      mtls.url,
      { caPath: CA, clientCert: { certPath: p12, certType: http.CertType.P12, keyPath: '', keyPassword: 'nope' } },
      ['--cacert', CA, '--cert-type', 'P12', '--cert', `${p12}:nope`],
    );
    assert.deepEqual([wrong.ours, wrong.curl], [2300058, 2300058]);
    const missing = join(tmp, 'missing-client.pem');
    const gone = await compare(mtls.url, { caPath: CA, clientCert: { certPath: missing, keyPath: key } }, ['--cacert', CA, '--cert', missing, '--key', key]);
    assert.deepEqual([gone.ours, gone.curl], [2300058, 2300058]);
    const serverKey = fixture('server-key.pem');
    const mismatch = await compare(mtls.url, { caPath: CA, clientCert: { certPath: fixture('client.pem'), keyPath: serverKey } }, ['--cacert', CA, '--cert', fixture('client.pem'), '--key', serverKey]);
    assert.deepEqual([mismatch.ours, mismatch.curl], [2300058, 2300058]);
  });

  it('an empty certPath means no client certificate: the server refuses, as it refuses curl without --cert', async () => {
    const r = await compare(mtls.url, { caPath: CA, clientCert: { certPath: '', keyPath: key } }, ['--cacert', CA]);
    assert.notEqual(r.ours, 0);
    assert.equal(r.ours, r.curl);
  });
});

describe('certificatePinning (curl --pinnedpubkey)', () => {
  const pin = (hash: string): http.CertificatePinning => ({ publicKeyHash: hash, hashAlgorithm: 'SHA-256' });

  it('accepts the leaf\'s SPKI hash, alone or among others', async () => {
    const r = await compare(good.url, { caPath: CA, certificatePinning: pin(serverPin) }, ['--cacert', CA, '--pinnedpubkey', `sha256//${serverPin}`]);
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'good' });
    const other = createHash('sha256').update('x').digest('base64');
    const list = await attempt(good.url, { caPath: CA, certificatePinning: [pin(other), pin(serverPin)] });
    assert.equal(list.code, 0);
  });

  it('a mismatch is 2300090, even with remoteValidation skip (curl -k)', async () => {
    const other = createHash('sha256').update('x').digest('base64');
    const r = await compare(good.url, { caPath: CA, certificatePinning: pin(other) }, ['--cacert', CA, '--pinnedpubkey', `sha256//${other}`]);
    assert.deepEqual([r.ours, r.curl], [2300090, 2300090]);
    const skipped = await compare(untrusted.url, { remoteValidation: 'skip', certificatePinning: [pin(other)] }, ['-k', '--pinnedpubkey', `sha256//${other}`]);
    assert.deepEqual([skipped.ours, skipped.curl], [2300090, 2300090]);
  });

  it('entries whose hashAlgorithm is not SHA-256 are dropped', async () => {
    const { code } = await attempt(good.url, { caPath: CA, certificatePinning: { publicKeyHash: 'x', hashAlgorithm: 'MD5' as 'SHA-256' } });
    assert.equal(code, 0);
  });
});

describe('remoteValidation', () => {
  it('skip accepts an untrusted server (curl -k)', async () => {
    const r = await compare(untrusted.url, { remoteValidation: 'skip' }, ['-k']);
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'untrusted' });
  });

  it('system is the default (same as not set)', async () => {
    const { code } = await attempt(untrusted.url, { remoteValidation: 'system' });
    assert.equal(code, 2300060);
  });

  it('a callback gets {host, ip, pemCerts, x509Certs} and decides', async () => {
    const seen: http.ValidationContext[] = [];
    const accept = (ctx: http.ValidationContext): boolean => {
      seen.push(ctx);
      return true;
    };
    const { code, res } = await attempt(untrusted.url, { remoteValidation: accept });
    assert.equal(code, 0);
    assert.equal(res?.result, 'untrusted');
    const ctx = seen[0];
    assert.equal(ctx?.host, 'localhost');
    assert.equal(ctx.ip, '127.0.0.1');
    assert.deepEqual(ctx.x509Certs, []);
    assert.ok(ctx.pemCerts.length >= 1);
    assert.match(ctx.pemCerts[0] ?? '', /^-----BEGIN CERTIFICATE-----\n/);
    assert.equal(new X509Certificate(ctx.pemCerts[0] ?? '').fingerprint256, new X509Certificate(fixturePem('untrusted-server.pem')).fingerprint256);
    // The same function object shares the pool: the kept connection is reused, the callback not asked again.
    const again = await attempt(untrusted.url, { remoteValidation: accept });
    assert.equal(again.code, 0);
    assert.equal(again.res?.connectionExtraInfo?.isReusedConnection, true);
    assert.equal(seen.length, 1);
  });

  it('false, a throw, a rejection or a non-true value: 2300060; a Promise of true accepts', async () => {
    const refusals: http.ValidationCallback[] = [
      () => false,
      () => {
        throw new Error('no');
      },
      () => Promise.reject(new Error('no')),
      () => 'yes' as unknown as boolean,
    ];
    for (const cb of refusals) assert.equal((await attempt(good.url, { remoteValidation: cb })).code, 2300060);
    const later = await attempt(good.url, { remoteValidation: () => new Promise((resolve) => setTimeout(resolve, 20, true)) });
    assert.equal(later.code, 0);
  });

  it('pins are still checked after the callback accepted', async () => {
    const other = createHash('sha256').update('y').digest('base64');
    const r = await attempt(good.url, { remoteValidation: () => true, certificatePinning: { publicKeyHash: other, hashAlgorithm: 'SHA-256' } });
    assert.equal(r.code, 2300090);
  });
});

describe('tlsOptions, sniHostName, sslType', () => {
  let tls12: CustomServer;
  let sni: CustomServer;
  before(async () => {
    tls12 = await startCustom({ maxVersion: 'TLSv1.2' });
    sni = await startCustom({});
  });
  after(async () => {
    await tls12.close();
    await sni.close();
  });

  const config = (min: number, max: number, cipherSuites?: http.CipherSuite[]): http.TlsConfig =>
    ({ tlsVersionMin: min, tlsVersionMax: max, ...(cipherSuites === undefined ? {} : { cipherSuites }) }) as http.TlsConfig;

  it('min/max 1.2 (curl --tlsv1.2 --tls-max 1.2) and 1.3', async () => {
    const r = await attempt(good.url, { caPath: CA, tlsOptions: config(6, 6) });
    assert.equal(r.res?.connectionExtraInfo?.tlsVersion, http.TlsVersion.TLS_V_1_2);
    const curl = await curlRun(['--cacert', CA, '--tlsv1.2', '--tls-max', '1.2', good.url]);
    assert.equal(curl.exitCode, 0);
    const r13 = await attempt(good.url, { caPath: CA, tlsOptions: config(7, 7) });
    assert.equal(r13.res?.connectionExtraInfo?.tlsVersion, http.TlsVersion.TLS_V_1_3);
  });

  it('TLS 1.3 only against a TLS 1.2 server: the handshake fails as curl\'s (35 → 2300999)', async () => {
    const r = await compare(tls12.url, { caPath: CA, tlsOptions: config(7, 7) }, ['--cacert', CA, '--tlsv1.3']);
    assert.equal(r.ours, r.curl);
    assert.equal(r.ours, 2300999);
  });

  it('invalid ranges and \'system\' fall back to the default policy (minimum TLS 1.2)', async () => {
    for (const tlsOptions of [config(7, 6), config(0, 7), 'system' as const]) {
      const r = await attempt(tls12.url, { caPath: CA, tlsOptions });
      assert.equal(r.code, 0, JSON.stringify(tlsOptions));
      assert.equal(r.res?.connectionExtraInfo?.tlsVersion, http.TlsVersion.TLS_V_1_2);
    }
  });

  it('cipher suites are mapped to OpenSSL names (curl --ciphers / --tls13-ciphers)', async () => {
    const r = await compare(good.url, { caPath: CA, tlsOptions: config(6, 6, ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']) }, ['--cacert', CA, '--tls-max', '1.2', '--ciphers', 'ECDHE-RSA-AES128-GCM-SHA256']);
    assert.deepEqual(r, { ours: 0, curl: 0, result: 'good' });
    const used = await attempt(good.url, { caPath: CA, tlsOptions: config(6, 6, ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']) });
    assert.equal(used.res?.connectionExtraInfo?.cipherSuite, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    const v13 = await attempt(good.url, { caPath: CA, tlsOptions: config(7, 7, ['TLS_CHACHA20_POLY1305_SHA256']) });
    assert.equal(v13.res?.connectionExtraInfo?.cipherSuite, 'TLS_CHACHA20_POLY1305_SHA256');
    const curl13 = await curlRun(['--cacert', CA, '--tlsv1.3', '--tls13-ciphers', 'TLS_CHACHA20_POLY1305_SHA256', good.url]);
    assert.equal(curl13.exitCode, 0);
  });

  it('a cipher list OpenSSL cannot use is 2300059 (curl --ciphers)', async () => {
    const r = await compare(good.url, { caPath: CA, tlsOptions: config(6, 6, ['TLS_RSA_WITH_3DES_EDE_CBC_SHA']) }, ['--cacert', CA, '--tls-max', '1.2', '--ciphers', 'DES-CBC3-SHA']);
    assert.equal(r.ours, r.curl);
    assert.equal(r.ours, 2300059);
  });

  it('unknown suite names are dropped (no suites left: the defaults)', async () => {
    const r = await attempt(good.url, { caPath: CA, tlsOptions: config(6, 7, ['TLS_NOT_A_SUITE' as http.CipherSuite]) });
    assert.equal(r.code, 0);
  });

  it('sniHostName is sent as SNI; the certificate is still checked against the URL host', async () => {
    const r = await attempt(sni.url, { caPath: CA, sniHostName: 'sni.example.' });
    assert.equal(r.code, 0);
    assert.equal(sni.servernames.at(-1), 'sni.example');
    const plain = await attempt(sni.url, { caPath: CA, sniHostName: '' });
    assert.equal(plain.code, 0);
    assert.equal(sni.servernames.at(-1), 'localhost');
  });

  it('sslType TLCP is not available: 2300999', async () => {
    const r = await attempt(good.url, { caPath: CA, sslType: 'TLCP' });
    assert.equal(r.code, 2300999);
    assert.equal((await attempt(good.url, { caPath: CA, sslType: 'TLS' })).code, 0);
  });
});
