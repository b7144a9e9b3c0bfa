// The cache file in one process: format, mode, the 60 s writer, reload, and files that are damaged or not ours.
import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import http from 'ohos-net-http';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { cacheableRoute, isCacheHit, startCounting, withCache } from './helpers/cache.js';
import type { TestServer } from './helpers/servers.js';

const FILE = 'http-cache.v1';
const MAGIC = 'ohos-net-http-cache 2 ';

let server: TestServer;
let count: (path: string) => number;

before(async () => {
  leakBaseline();
  ({ server, count } = await startCounting(cacheableRoute(60, () => 'fresh')));
});

const req = http.createHttp();
after(async () => {
  req.destroy();
  await server.close();
  await assertNoLeaks();
});

function get(path: string, options: http.HttpRequestOptions = {}): Promise<http.HttpResponse> {
  return req.request(server.origin + path, options);
}

const hit = isCacheHit;



describe('the cache file', () => {
  it('flush writes one versioned file, mode 0600; unchanged caches write nothing; delete removes it', () =>
    withCache(async (cache, dir) => {
      await cache.flush();
      assert.deepEqual(await readdir(dir), [], 'an empty cache created a file');
      await get('/fresh?t=file');
      await cache.flush();
      assert.deepEqual(await readdir(dir), [FILE]);
      const info = await stat(join(dir, FILE));
      assert.equal(info.mode & 0o777, 0o600);
      assert.ok((await readFile(join(dir, FILE), 'latin1')).startsWith(MAGIC));
      const before = info.mtimeMs;
      await sleep(20);
      await cache.flush();
      assert.equal((await stat(join(dir, FILE))).mtimeMs, before, 'an unchanged cache was written again');
      await cache.delete();
      assert.deepEqual(await readdir(dir), []);
    }));

  it('writes by itself every 60 s (on an unref\'d interval)', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      await withCache(async (_cache, dir) => {
        await get('/fresh?t=timer');
        mock.timers.tick(59_999);
        await sleep(50);
        assert.deepEqual(await readdir(dir), []);
        mock.timers.tick(1);
        // The write goes through a temp file: wait for the rename, not just for any file.
        for (let i = 0; i < 100 && !(await readdir(dir)).includes(FILE); i++) await sleep(10);
        assert.deepEqual(await readdir(dir), [FILE]);
      });
    } finally {
      mock.timers.reset();
    }
  });

  it('a cache started on the file of an earlier one answers from it', async () => {
    let saved = Buffer.alloc(0);
    await withCache(async (cache, dir) => {
      await get('/fresh?t=reload');
      await cache.flush();
      saved = await readFile(join(dir, FILE));
    });
    const dir = await mkdtemp(join(tmpdir(), 'ohos-cache-'));
    await writeFile(join(dir, FILE), saved);
    await withCache(async () => {
      const res = await get('/fresh?t=reload');
      assert.deepEqual([res.result, hit(res), count('/fresh?t=reload')], ['fresh #1', true, 1]);
    }, undefined, dir);
  });
});

describe('a bad cache file is ignored and replaced', () => {
  let valid = Buffer.alloc(0);
  before(() =>
    withCache(async (cache, dir) => {
      await get('/fresh?t=valid');
      await get('/big?k=valid');
      await cache.flush();
      valid = await readFile(join(dir, FILE));
    }));

  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const flip = (b: Buffer, at: number): Buffer => {
    const copy = Buffer.from(b);
    copy[at] = (copy[at] ?? 0) ^ 0x01;
    return copy;
  };
  const variants: [string, () => Buffer][] = [
    ['garbage', () => Buffer.from('\x00\xff not a cache at all \x07')],
    ['empty', () => Buffer.alloc(0)],
    ['truncated', () => valid.subarray(0, Math.floor(valid.length / 2))],
    ['truncated to its header line', () => valid.subarray(0, valid.indexOf(0x0a) + 1)],
    ['one byte flipped in the payload', () => flip(valid, valid.length - 100)],
    ['foreign JSON (the device format)', () => Buffer.from(JSON.stringify({ aGVsbG8: { header: 'eA==', result: 'eQ==', LRUIndex: '0' } }))],
    ['a correct checksum over records that are not ours', () => {
      const meta = Buffer.from(JSON.stringify({ k: 'x', s: 200, h: { a: 1 } }));
      const payload = Buffer.concat([u32(meta.length), meta, u32(0)]);
      const sum = createHash('sha256').update(payload).digest('hex');
      return Buffer.concat([Buffer.from(`${MAGIC}${sum} ${payload.length}\n`), payload]);
    }],
    ['a correct checksum over lengths that run past the end', () => {
      const payload = Buffer.concat([u32(0xffffff00), Buffer.from('{}')]);
      const sum = createHash('sha256').update(payload).digest('hex');
      return Buffer.concat([Buffer.from(`${MAGIC}${sum} ${payload.length}\n`), payload]);
    }],
    ['an earlier version (entries without their Vary record)', () => Buffer.concat([Buffer.from('ohos-net-http-cache 1'), valid.subarray(valid.indexOf(0x20, MAGIC.length - 1))])],
  ];
  for (const [name, content] of variants) {
    it(name, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ohos-cache-'));
      await writeFile(join(dir, FILE), content());
      await withCache(async (cache) => {
        const before = count('/fresh?t=valid');
        const res = await get('/fresh?t=valid');
        assert.equal(hit(res), false);
        assert.equal(count('/fresh?t=valid'), before + 1);
        await cache.flush();
        const rewritten = await readFile(join(dir, FILE), 'latin1');
        assert.ok(rewritten.startsWith(MAGIC), 'the bad file was not replaced');
      }, undefined, dir);
    });
  }

  it('a bad file is replaced at the next write even when nothing new was stored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ohos-cache-'));
    await writeFile(join(dir, FILE), 'junk');
    await withCache(async (cache) => {
      await cache.flush();
      assert.ok((await readFile(join(dir, FILE), 'latin1')).startsWith(MAGIC));
    }, undefined, dir);
  });

  it('a directory in place of the file: requests work, flush reports 2300999', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ohos-cache-'));
    await mkdir(join(dir, FILE));
    await withCache(async (cache) => {
      await get('/fresh?t=dir');
      assert.equal(hit(await get('/fresh?t=dir')), true);
      await assert.rejects(cache.flush(), { code: 2300999, message: 'Internal error' });
      assert.deepEqual(await readdir(dir), [FILE], 'a temp file was left behind');
    }, undefined, dir);
  });
});
