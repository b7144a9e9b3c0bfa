// Name resolution options (spec §2.2 and its "Host pre-resolution" note): addressFamily in both spellings;
// dnsServers and dnsOverHttps only as fallbacks after the system resolver, so bogus values never break a
// request whose host resolves; a real DoH server (RFC 8484) and, where port 53 can be bound, a real DNS server.
import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { attempt, deviceCodeOf } from './helpers/proxy.js';
import { fixture, readBody, startHttp, startHttps, type TestServer } from './helpers/servers.js';

const CA = fixture('ca.pem');
let web: TestServer;
let doh: TestServer;
const dohQuestions: string[] = [];

/** Answers an RFC 1035 query: A 127.0.0.1 for names ending in `.invalid`, else no answer (NXDOMAIN). */
function answer(query: Buffer): Buffer {
  let i = 12;
  const labels: string[] = [];
  while (i < query.length && query[i] !== 0) {
    const len = query[i] as number;
    labels.push(query.subarray(i + 1, i + 1 + len).toString());
    i += len + 1;
  }
  const questionEnd = i + 5;
  const type = query.readUInt16BE(i + 1);
  const name = labels.join('.');
  dohQuestions.push(`${name}/${type}`);
  const known = name.endsWith('.invalid') && type === 1;
  const header = Buffer.from(query.subarray(0, 12));
  header.writeUInt16BE(known ? 0x8180 : 0x8183, 2);
  header.writeUInt16BE(known ? 1 : 0, 6);
  const question = query.subarray(12, questionEnd);
  const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
  return Buffer.concat([header, question, ...(known ? [record] : [])]);
}

before(async () => {
  leakBaseline();
  web = await startHttp((req, res) => res.end(`host:${req.headers.host ?? ''}`));
  doh = await startHttps((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'https://x');
      const query = req.method === 'GET' ? Buffer.from(url.searchParams.get('dns') ?? '', 'base64url') : body;
      res.writeHead(200, { 'content-type': 'application/dns-message' });
      res.end(answer(query));
    });
  });
});

after(async () => {
  await Promise.all([web.close(), doh.close()]);
  await assertNoLeaks();
});

describe('addressFamily', () => {
  for (const family of [http.AddressFamily.ONLY_V4, 'CURL_IPRESOLVE_V4' as unknown as http.AddressFamily]) {
    it(`${family}: IPv4 only (curl -4)`, async () => {
      const url = `http://localhost:${web.port}/`;
      const r = await attempt(url, { addressFamily: family });
      assert.equal(r.code, 0);
      assert.equal(r.res?.connectionExtraInfo?.remoteAddress, '127.0.0.1');
      const curl = await curlRun(['-4', url]);
      assert.equal(curl.exitCode, 0);
    });
  }

  for (const family of [http.AddressFamily.ONLY_V6, 'CURL_IPRESOLVE_V6' as unknown as http.AddressFamily]) {
    it(`${family}: IPv6 only, as curl -6 on the same host`, async () => {
      const url = `http://localhost:${web.port}/`;
      const r = await attempt(url, { addressFamily: family });
      const curl = await curlRun(['-6', url]);
      assert.equal(r.code, deviceCodeOf(curl.exitCode), `curl -6 exit ${curl.exitCode}`);
    });
  }

  it('DEFAULT and unknown values resolve either family', async () => {
    for (const addressFamily of [http.AddressFamily.DEFAULT, 'CURL_IPRESOLVE_WHATEVER', 'nonsense']) {
      const r = await attempt(`http://localhost:${web.port}/`, { addressFamily: addressFamily as unknown as http.AddressFamily });
      assert.equal(r.code, 0);
    }
  });
});

describe('dnsServers and dnsOverHttps are fallbacks only', () => {
  it('bogus values never break a host the system resolves (the device\'s own suites rely on it)', async () => {
    const r = await attempt(`http://localhost:${web.port}/`, {
      dnsServers: ['ip:53', '8.8.8.8:53', 'nonsense', '', '203.0.113.1'],
      dnsOverHttps: 'https://dns.xtstest.com/dns-query',
    });
    assert.equal(r.code, 0);
    assert.equal(r.res?.result, `host:localhost:${web.port}`);
  });

  it('an unresolvable host still fails with 2300006 when the fallbacks find nothing either', async () => {
    const before = dohQuestions.length;
    const r = await attempt('http://no-such-host.example.test/', { dnsOverHttps: `${doh.url}dns-query`, caPath: CA });
    const curl = await curlRun(['http://no-such-host.example.test/']);
    assert.equal(r.code, deviceCodeOf(curl.exitCode));
    assert.equal(r.code, 2300006);
    assert.ok(dohQuestions.length > before, 'the DoH server was asked');
  });

  it('DoH answers when the system resolver fails (curl --doh-url on the same server)', async () => {
    const url = `http://doh-only.invalid:${web.port}/`;
    const r = await attempt(url, { dnsOverHttps: `${doh.url}dns-query`, caPath: CA });
    assert.equal(r.code, 0);
    assert.equal(r.res?.result, `host:doh-only.invalid:${web.port}`);
    assert.ok(dohQuestions.includes('doh-only.invalid/1'));
    const curl = await curlRun(['--doh-url', `${doh.url}dns-query`, '--cacert', CA, url]);
    assert.equal(curl.exitCode, 0);
    // addressFamily applies to the fallback too: no AAAA answer here.
    const v6 = await attempt(url, { dnsOverHttps: `${doh.url}dns-query`, caPath: CA, addressFamily: http.AddressFamily.ONLY_V6 });
    assert.equal(v6.code, 2300006);
  });

  it('dnsServers answers when the system resolver fails (when port 53 on 127.0.0.2 can be bound)', async (t) => {
    const server = dgram.createSocket('udp4');
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => {
        resolve(false);
      });
      server.bind(53, '127.0.0.2', () => {
        resolve(true);
      });
    });
    if (!bound) {
      server.close();
      t.skip('cannot bind 127.0.0.2:53 here');
      return;
    }
    server.on('message', (msg, rinfo) => server.send(answer(msg), rinfo.port, rinfo.address));
    try {
      const r = await attempt(`http://dns-servers.invalid:${web.port}/`, { dnsServers: ['bogus', '127.0.0.2'] });
      assert.equal(r.code, 0);
      assert.equal(r.res?.result, `host:dns-servers.invalid:${web.port}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => {
        resolve();
      }));
    }
  });
});
