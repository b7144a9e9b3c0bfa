// The response cache never answers across trust contexts or users: entries stored over an unverified or
// differently verified connection, and responses that vary on request headers (the jar's cookies included),
// are not served to requests that would not have received them from the network.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'ohos-net-http';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { isCacheHit, startCounting, withCache, type CountingServer } from './helpers/cache.js';
import { fixture, startHttps, type TestServer } from './helpers/servers.js';
import { codeOf } from './helpers/device-errors.js';

const CA = fixture('ca.pem');
const FILE = 'http-cache.v1';
const cacheable = { 'cache-control': 'max-age=600', 'content-type': 'text/plain' };

let untrusted: TestServer;
let good: TestServer;
let users: CountingServer;

before(async () => {
  leakBaseline();
  untrusted = await startHttps((req, res) => {
    res.writeHead(200, cacheable);
    res.end(`untrusted ${req.url ?? ''}`);
  }, { cert: 'untrusted' });
  good = await startHttps((req, res) => {
    res.writeHead(200, cacheable);
    res.end(`good ${req.url ?? ''}`);
  });
  users = await startCounting((req, res, n) => {
    const path = req.url ?? '/';
    if (path.startsWith('/login')) {
      res.writeHead(200, { 'set-cookie': 'sid=alice; Path=/' });
      res.end('welcome');
      return;
    }
    if (path.startsWith('/narrow-login')) {
      res.writeHead(200, { 'set-cookie': 'sid=alice; Path=/private' });
      res.end('welcome');
      return;
    }
    if (path.startsWith('/go')) {
      res.writeHead(302, { location: '/private/profile' });
      res.end();
      return;
    }
    const who = /sid=(\w+)/.exec(req.headers.cookie ?? '')?.[1] ?? 'anonymous';
    const vary = path.startsWith('/star') ? { vary: '*' } : path.startsWith('/encoding') ? { vary: 'Accept-Encoding, Accept' } : path.startsWith('/novary') ? {} : { vary: 'Cookie' };
    res.writeHead(200, { 'cache-control': 'private, max-age=600', ...vary, 'content-type': 'text/plain' });
    res.end(`profile of ${who} #${n}`);
  });
});

after(async () => {
  await Promise.all([untrusted.close(), good.close(), users.server.close()]);
  await assertNoLeaks();
});


describe('trust context', () => {
  it('a response fetched with remoteValidation skip is not a hit for a verified request: 2300060', () =>
    withCache(async () => {
      const r = http.createHttp();
      try {
        const skipped = await r.request(`${untrusted.origin}/skip`, { remoteValidation: 'skip' });
        assert.equal(skipped.result, 'untrusted /skip');
        const again = await r.request(`${untrusted.origin}/skip`, { remoteValidation: 'skip' });
        assert.equal(isCacheHit(again), true, 'the same trust context hits');
        assert.equal(await codeOf(r.request(`${untrusted.origin}/skip`)), 2300060);
        assert.equal(await codeOf(r.request(`${untrusted.origin}/skip`, { caPath: CA })), 2300060);
      } finally {
        r.destroy();
      }
    }));

  it('a wrong certificatePinning gets 2300090, not the entry stored without pins', () =>
    withCache(async () => {
      const r = http.createHttp();
      const other = createHash('sha256').update('not the server key').digest('base64');
      try {
        const first = await r.request(`${good.origin}/pin`, { caPath: CA });
        assert.equal(first.result, 'good /pin');
        assert.equal(isCacheHit(await r.request(`${good.origin}/pin`, { caPath: CA })), true);
        const pinned = r.request(`${good.origin}/pin`, { caPath: CA, certificatePinning: { publicKeyHash: other, hashAlgorithm: 'SHA-256' } });
        assert.equal(await codeOf(pinned), 2300090);
      } finally {
        r.destroy();
      }
    }));

  it('a validation callback is its own context: another callback (or none) does not hit its entries; they are not persisted', () =>
    withCache(async (cache, dir) => {
      const r = http.createHttp();
      const accept = (): boolean => true;
      const refuse = (): boolean => false;
      try {
        await r.request(`${untrusted.origin}/callback`, { remoteValidation: accept });
        assert.equal(isCacheHit(await r.request(`${untrusted.origin}/callback`, { remoteValidation: accept })), true);
        assert.notEqual(await codeOf(r.request(`${untrusted.origin}/callback`, { remoteValidation: refuse })), 0);
        assert.equal(await codeOf(r.request(`${untrusted.origin}/callback`)), 2300060);
        // A callback cannot be recognised in another process: its entries stay in memory.
        await cache.flush();
        assert.doesNotMatch((await readFile(join(dir, FILE))).toString('latin1'), /untrusted \/callback/);
      } finally {
        r.destroy();
      }
    }));
});

describe('Vary and the jar', () => {
  async function aliceAndBob(path: string, saveTo?: (file: Buffer) => void, cache?: http.HttpResponseCache, dir?: string): Promise<void> {
    const alice = http.createHttp();
    const bob = http.createHttp();
    try {
      alice.enableAutoCookie(true);
      await alice.request(`${users.server.origin}/login`);
      const mine = await alice.request(`${users.server.origin}${path}`);
      assert.match(mine.result as string, /^profile of alice #1$/);
      const again = await alice.request(`${users.server.origin}${path}`);
      if (saveTo !== undefined && cache !== undefined && dir !== undefined) {
        await cache.flush();
        saveTo(await readFile(join(dir, FILE)));
        return;
      }
      const theirs = await bob.request(`${users.server.origin}${path}`);
      assert.doesNotMatch(theirs.result as string, /alice/, 'another object got alice\'s response');
      assert.equal(isCacheHit(theirs), false);
      if (!path.startsWith('/star')) {
        assert.equal(isCacheHit(again), true, 'alice\'s own request hits');
        assert.equal(isCacheHit(await bob.request(`${users.server.origin}${path}`)), true, 'bob\'s own entry hits');
      }
    } finally {
      alice.destroy();
      bob.destroy();
    }
  }

  it('an object without cookies does not get the response another object\'s jar cookies varied', () =>
    withCache(() => aliceAndBob('/profile')));

  it('the jar\'s cookies are part of the key: without Vary too, another object does not get the response', () =>
    withCache(() => aliceAndBob('/novary')));

  it('the same after the entry was persisted and loaded again', async () => {
    let saved: Buffer = Buffer.alloc(0);
    await withCache((cache, dir) => aliceAndBob('/persisted', (file) => { saved = file; }, cache, dir));
    const dir = await mkdtemp(join(tmpdir(), 'ohos-cache-'));
    await writeFile(join(dir, FILE), saved);
    await withCache(async () => {
      const bob = http.createHttp();
      try {
        const theirs = await bob.request(`${users.server.origin}/persisted`);
        assert.doesNotMatch(theirs.result as string, /alice/, 'the loaded entry answered another object');
        assert.equal(isCacheHit(theirs), false);
      } finally {
        bob.destroy();
      }
    }, undefined, dir);
  });

  it('Vary is matched against the headers the last hop sent: a cookie added after a redirect counts', () =>
    withCache(async () => {
      const alice = http.createHttp();
      const bob = http.createHttp();
      try {
        alice.enableAutoCookie(true);
        await alice.request(`${users.server.origin}/narrow-login`);
        assert.equal((await alice.request(`${users.server.origin}/go`)).result, 'profile of alice #1');
        assert.equal(isCacheHit(await alice.request(`${users.server.origin}/go`)), false, 'alice\'s first hop sends no cookie');
        const theirs = await bob.request(`${users.server.origin}/go`);
        assert.doesNotMatch(theirs.result as string, /alice/, 'another object got alice\'s response');
      } finally {
        alice.destroy();
        bob.destroy();
      }
    }));

  it('Vary on headers every request sends alike (Accept-Encoding, Accept) still hits', () =>
    withCache(async () => {
      const r = http.createHttp();
      try {
        await r.request(`${users.server.origin}/encoding`);
        const again = await r.request(`${users.server.origin}/encoding`);
        assert.equal(isCacheHit(again), true);
        const other = await r.request(`${users.server.origin}/encoding`, { header: { accept: 'text/html' } });
        assert.equal(isCacheHit(other), false);
      } finally {
        r.destroy();
      }
    }));

  it('Vary: * never matches', () => withCache(() => aliceAndBob('/star')));
});
