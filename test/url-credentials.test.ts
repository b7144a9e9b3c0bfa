// Credentials in the URL (`http://user:pw@host/`): sent as Basic, percent-decoded, as curl sends them; kept on a
// same-origin redirect and dropped on a redirect to another origin. Each case asks curl and us the same URL
// against the same servers and compares what the servers received.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { startHttp, type TestServer } from './helpers/servers.js';

/** Authorization headers received, by request path, in order. */
const seen: { path: string; auth: string | undefined }[] = [];
let origin: TestServer;
let other: TestServer;

before(async () => {
  leakBaseline();
  other = await startHttp((req, res) => {
    seen.push({ path: `other${req.url ?? ''}`, auth: req.headers.authorization });
    res.end('other');
  });
  origin = await startHttp((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    if (req.url === '/same') {
      res.writeHead(302, { location: '/landing' }).end();
    } else if (req.url === '/away') {
      res.writeHead(302, { location: `${other.url}elsewhere` }).end();
    } else {
      res.end('ok');
    }
  });
});

after(async () => {
  await Promise.all([origin.close(), other.close()]);
  await assertNoLeaks();
});

/** What the servers saw for one URL: from curl (-L, as our requests follow redirects) and from us. */
async function compare(url: string): Promise<{ curl: typeof seen; ours: typeof seen }> {
  seen.length = 0;
  const c = await curlRun(['-L', url]);
  assert.equal(c.exitCode, 0);
  const curl = [...seen];
  seen.length = 0;
  await http.createHttp().request(url);
  return { curl, ours: [...seen] };
}

function withUser(server: TestServer, userinfo: string, path: string): string {
  return `http://${userinfo}@127.0.0.1:${server.port}${path}`;
}

describe('credentials in the URL', () => {
  const cases: readonly [string, string][] = [
    ['user and password', 'alice:secret'],
    ['percent-encoded characters', 'al%40ice:p%3Ass%20w%C3%B6rd'],
    ['user only', 'bob'],
    ['empty password', 'carol:'],
  ];
  for (const [name, userinfo] of cases) {
    it(`${name}: the same Authorization as curl`, async () => {
      const { curl, ours } = await compare(withUser(origin, userinfo, '/plain'));
      assert.ok(curl[0]?.auth?.startsWith('Basic '));
      assert.deepEqual(ours, curl);
    });
  }

  it('decoded before encoding: %40 is sent as @', async () => {
    const { ours } = await compare(withUser(origin, 'al%40ice:pw', '/plain'));
    assert.equal(ours[0]?.auth, `Basic ${Buffer.from('al@ice:pw').toString('base64')}`);
  });

  it('kept on a same-origin redirect, as curl keeps them', async () => {
    const { curl, ours } = await compare(withUser(origin, 'alice:secret', '/same'));
    assert.equal(curl.length, 2);
    assert.deepEqual(ours, curl);
  });

  it('dropped on a redirect to another origin, as curl drops them', async () => {
    const { curl, ours } = await compare(withUser(origin, 'alice:secret', '/away'));
    assert.deepEqual(curl.map((s) => s.path), ['/away', 'other/elsewhere']);
    assert.equal(curl[1]?.auth, undefined);
    assert.deepEqual(ours, curl);
  });

  it('an Authorization header of the app wins over the URL', async () => {
    seen.length = 0;
    await http.createHttp().request(withUser(origin, 'alice:secret', '/plain'), { header: { Authorization: 'Bearer token' } });
    assert.deepEqual(seen, [{ path: '/plain', auth: 'Bearer token' }]);
  });
});
