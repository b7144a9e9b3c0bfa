// enableAutoCookie (API 26): one jar per HttpRequest object, shared by its later requests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'ohos-net-http';
import { startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;
let base: string;
before(async () => {
  server = await startHttp((req, res) => {
    if (req.url === '/set') {
      res.writeHead(200, { 'set-cookie': 'session=abc; Path=/' });
      res.end('set');
      return;
    }
    res.end(req.headers.cookie ?? '');
  });
  base = server.url;
});
after(() => server.close());

describe('enableAutoCookie', () => {
  it('is off by default: every request starts with an empty jar', async () => {
    const req = http.createHttp();
    await req.request(`${base}set`);
    const res = await req.request(`${base}echo`);
    assert.equal(res.result, '');
    assert.equal(res.cookies, '');
  });

  it('sends cookies from one request on the next, and lists them in cookies', async () => {
    const req = http.createHttp();
    req.enableAutoCookie(true);
    await req.request(`${base}set`);
    const res = await req.request(`${base}echo`);
    assert.equal(res.result, 'session=abc');
    assert.match(res.cookies, /\tsession\tabc$/);
    const other = http.createHttp();
    assert.equal((await other.request(`${base}echo`)).result, '', 'jars are per object');
  });

  it('drops the jar on enableAutoCookie(false), ignores non-booleans', async () => {
    const req = http.createHttp();
    req.enableAutoCookie(true);
    await req.request(`${base}set`);
    (req.enableAutoCookie as (v: unknown) => void)('yes');
    assert.equal((await req.request(`${base}echo`)).result, 'session=abc');
    req.enableAutoCookie(false);
    assert.equal((await req.request(`${base}echo`)).result, '');
    req.enableAutoCookie(true);
    assert.equal((await req.request(`${base}echo`)).result, '', 'a new jar starts empty');
  });
});
