// Self-test of the test helpers: real servers, real clients (fetch, node:http(s), node:http2, curl).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import { after, before, describe, it } from 'node:test';
import { TLSSocket } from 'node:tls';
import { curlExit, curlRun, curlVersion } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import {
  closedPort,
  faults,
  fixture,
  fixtureBytes,
  fixturePem,
  readBody,
  startH2,
  startHttp,
  startHttps,
  startRaw,
  type FaultName,
  type Handler,
  type TestServer,
} from './helpers/servers.js';

const CA = ['--cacert', fixture('ca.pem')];

const hello: Handler = (req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`hello ${req.method ?? ''} ${req.url ?? ''}`);
};

function httpsGet(url: string, opts: https.RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { agent: false, ...opts }, (res) => {
        readBody(res).then((b) => {
          resolve({ status: res.statusCode ?? 0, body: b.toString() });
        }, reject);
      })
      .on('error', reject);
  });
}

describe('test helpers', () => {
  before(() => {
    leakBaseline();
  });
  after(async () => {
    await assertNoLeaks();
  });

  describe('fixtures', () => {
    it('resolves <repo>/test/fixtures from the compiled location', () => {
      for (const name of ['ca.pem', 'server.pem', 'client.p12', 'client.der', 'expired-server.pem'] as const) {
        assert.ok(existsSync(fixture(name)), fixture(name));
      }
      assert.match(fixturePem('ca.pem'), /^-----BEGIN CERTIFICATE-----/);
      assert.match(fixturePem('server-key.pem'), /^-----BEGIN PRIVATE KEY-----/);
      assert.equal(fixtureBytes('client.der')[0], 0x30); // DER SEQUENCE
    });

    it('curl is available', async () => {
      assert.match(await curlVersion(), /^\d+\.\d+\.\d+/);
    });
  });

  describe('startHttp', () => {
    let server: TestServer;
    before(async () => {
      server = await startHttp((req, res) => {
        if (req.method === 'POST') {
          readBody(req).then((body) => {
            res.end(`got ${body.length}`);
          });
          return;
        }
        hello(req, res);
      });
    });
    after(() => server.close());

    it('serves on 127.0.0.1 with keep-alive and counts connections and requests', async () => {
      assert.equal(server.host, '127.0.0.1');
      assert.equal(server.origin, `http://127.0.0.1:${server.port}`);
      assert.equal(server.url, `${server.origin}/`);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const get = (path: string) =>
        new Promise<string>((resolve, reject) => {
          http
            .get(server.origin + path, { agent }, (res) => {
              readBody(res).then((b) => {
                resolve(b.toString());
              }, reject);
            })
            .on('error', reject);
        });
      assert.equal(await get('/a'), 'hello GET /a');
      assert.equal(await get('/b'), 'hello GET /b');
      agent.destroy();
      assert.equal(server.requests, 2);
      assert.equal(server.connections, 1);
    });

    it('readBody collects a request body (fetch)', async () => {
      const res = await fetch(server.url, { method: 'POST', body: 'x'.repeat(100_000) });
      assert.equal(await res.text(), 'got 100000');
    });

    it('curl agrees', async () => {
      const r = await curlRun(['-w', '%{http_code}', server.url]);
      assert.deepEqual([r.exitCode, r.stdout], [0, '200']);
    });

    it('close() returns promptly with an idle keep-alive socket open', async () => {
      const s = await startHttp(hello);
      const agent = new http.Agent({ keepAlive: true });
      await new Promise<void>((resolve, reject) => {
        http.get(s.url, { agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        }).on('error', reject);
      });
      const t0 = Date.now();
      await s.close();
      await s.close(); // idempotent
      assert.ok(Date.now() - t0 < 1000);
      agent.destroy();
    });
  });

  describe('startHttps', () => {
    it('serves https://localhost with the test CA (node:https and curl)', async () => {
      const s = await startHttps(hello);
      try {
        assert.equal(s.origin, `https://localhost:${s.port}`);
        assert.deepEqual(await httpsGet(s.url, { ca: fixturePem('ca.pem') }), { status: 200, body: 'hello GET /' });
        assert.equal(await curlExit([...CA, s.url]), 0);
        assert.equal(await curlExit([...CA, `https://127.0.0.1:${s.port}/`]), 0); // IP SAN
        assert.equal(await curlExit([s.url]), 60); // system roots do not know our CA
        assert.ok(s.connections >= 4);
        assert.equal(s.requests, 3);
      } finally {
        await s.close();
      }
    });

    it('untrusted and expired certificates fail verification (curl 60)', async () => {
      for (const cert of ['untrusted', 'expired'] as const) {
        const s = await startHttps(hello, { cert });
        try {
          assert.equal(await curlExit([...CA, s.url]), 60, cert);
          assert.equal(await curlExit(['-k', s.url]), 0, cert);
        } finally {
          await s.close();
        }
      }
    });

    it('requestCert: client certificates in PEM, DER and P12', async () => {
      const s = await startHttps((req, res) => {
        assert.ok(req.socket instanceof TLSSocket);
        res.end(req.socket.getPeerCertificate().subject.CN);
      }, { requestCert: true });
      try {
        const pem = ['--cert', fixture('client.pem'), '--key', fixture('client-key.pem')];
        const der = ['--cert-type', 'DER', '--cert', fixture('client.der'), '--key', fixture('client-key.pem')];
        const p12 = ['--cert-type', 'P12', '--cert', `${fixture('client.p12')}:test`];
        for (const args of [pem, der, p12]) assert.equal(await curlExit([...CA, ...args, s.url]), 0, args.join(' '));
        assert.notEqual(await curlExit([...CA, s.url]), 0); // no client certificate
        const viaNode = await httpsGet(s.url, {
          ca: fixturePem('ca.pem'),
          pfx: fixtureBytes('client.p12'),
          passphrase: 'test',
        });
        assert.deepEqual(viaNode, { status: 200, body: 'ohos-net-http test client' });
        assert.equal(s.requests, 4);
      } finally {
        await s.close();
      }
    });
  });

  describe('startH2', () => {
    it('speaks h2 over ALPN (node:http2 and curl)', async () => {
      const s = await startH2((req, res) => {
        res.end(`h2 ${req.httpVersion}`);
      });
      try {
        const client = http2.connect(s.origin, { ca: fixturePem('ca.pem') });
        const body = await new Promise<string>((resolve, reject) => {
          const stream = client.request({ ':path': '/' });
          stream.on('error', reject);
          readBody(stream).then((b) => {
            resolve(b.toString());
          }, reject);
        });
        client.close();
        assert.equal(body, 'h2 2.0');
        const r = await curlRun([...CA, '-w', '%{http_version}', s.url]);
        assert.deepEqual([r.exitCode, r.stdout], [0, '2']);
        assert.notEqual(await curlExit([...CA, '--http1.1', s.url]), 0); // no http/1.1 in ALPN
        assert.equal(s.requests, 2);
      } finally {
        await s.close();
      }
    });

    it('allowHTTP1 accepts http/1.1 too, with a node:http Handler', async () => {
      const s = await startH2(hello, { allowHTTP1: true });
      try {
        const r1 = await curlRun([...CA, '--http1.1', '-w', '%{http_version}', s.url]);
        const r2 = await curlRun([...CA, '-w', '%{http_version}', s.url]);
        assert.deepEqual([r1.exitCode, r1.stdout, r2.exitCode, r2.stdout], [0, '1.1', 0, '2']);
      } finally {
        await s.close();
      }
    });

    it('close() ends open sessions', async () => {
      const s = await startH2(hello);
      const client = http2.connect(s.origin, { ca: fixturePem('ca.pem') });
      await new Promise<void>((resolve, reject) => {
        const stream = client.request({ ':path': '/' });
        stream.on('error', reject);
        stream.resume();
        stream.on('end', resolve);
      });
      const closed = new Promise((resolve) => client.on('close', resolve));
      client.on('error', () => undefined);
      await s.close();
      await closed;
    });
  });

  describe('startRaw faults (curl oracle)', () => {
    // Observed with curl 7.88.1: garbage → 1 (HTTP/0.9 not allowed), oversizedHeaders → 27 (newer curls: 100).
    const table: { fault: FaultName; args?: string[]; code: number | 'non-zero' }[] = [
      { fault: 'emptyReply', code: 52 },
      { fault: 'reset', code: 56 },
      { fault: 'garbage', code: 'non-zero' },
      { fault: 'truncated', code: 18 },
      { fault: 'brokenChunking', code: 56 },
      { fault: 'stallBeforeHeaders', args: ['-m', '1'], code: 28 },
      { fault: 'stallMidBody', args: ['-m', '1'], code: 28 },
      { fault: 'resetMidBody', code: 56 },
      { fault: 'badGzip', code: 0 },
      { fault: 'badGzip', args: ['--compressed'], code: 61 },
      { fault: 'oversizedHeaders', code: 'non-zero' },
      { fault: 'redirectLoop', args: ['-L'], code: 47 },
    ];
    for (const { fault, args = [], code } of table) {
      it(`${fault} ${args.join(' ')} → curl ${code}`, async () => {
        const s = await startRaw(faults[fault]);
        try {
          const exit = await curlExit([...args, s.url]);
          if (code === 'non-zero') assert.notEqual(exit, 0);
          else assert.equal(exit, code);
          assert.equal(s.connections, 1);
          assert.equal(s.requests, fault === 'redirectLoop' ? 51 : 1);
        } finally {
          await s.close();
        }
      });
    }

    it('close() releases a stalled connection held by a client', async () => {
      const s = await startRaw(faults.stallBeforeHeaders);
      const err = await new Promise<Error>((resolve) => {
        const req = http.get(s.url, { agent: false }, () => {
          resolve(new Error('unexpected response'));
        });
        req.on('error', resolve);
        const t = setInterval(() => {
          if (s.requests === 1) {
            clearInterval(t);
            void s.close();
          }
        }, 5);
      });
      assert.equal((err as NodeJS.ErrnoException).code, 'ECONNRESET');
    });
  });

  describe('closedPort', () => {
    it('nothing listens there (curl 7)', async () => {
      const port = await closedPort();
      assert.equal(await curlExit([`http://127.0.0.1:${port}/`]), 7);
    });
  });
});
