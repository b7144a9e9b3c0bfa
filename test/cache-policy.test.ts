// The cache's pure parts: the device's strategy over RFC 9111 freshness (src/cache/policy.ts), the
// byte-bounded LRU (src/cache/store.ts) and the budget rule. No network, no files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { budgetOf } from '../src/cache/budget.js';
import {
  WARNING_HEURISTIC,
  WARNING_STALE,
  conditionalHeaders,
  decide,
  freshness,
  isStorable,
  methodUsesCache,
  parseCacheControl,
  type HeaderMap,
  type Stored,
} from '../src/cache/policy.js';
import { LruStore } from '../src/cache/store.js';
import { assertNoLeaks } from './helpers/leaks.js';

const T0 = Date.parse('2024-03-01T12:00:00Z');
const S = 1000;
const http = (t: number): string => new Date(t).toUTCString();

/** A response stored at T0 (sent 100 ms before), with these headers. */
function stored(header: HeaderMap, status = 200, at = T0): Stored {
  return { status, header, requestTime: at - 100, responseTime: at };
}

describe('parseCacheControl', () => {
  it('reads names case-insensitively, bare directives as "", quoted arguments unquoted, first occurrence wins', () => {
    const cc = parseCacheControl('Max-Age=60,no-cache , private="set-cookie", max-age=5,  MUST-REVALIDATE');
    assert.deepEqual([...cc], [['max-age', '60'], ['no-cache', ''], ['private', 'set-cookie'], ['must-revalidate', '']]);
    assert.equal(parseCacheControl(undefined).size, 0);
    assert.equal(parseCacheControl(' , ,').size, 0);
  });
});

describe('methodUsesCache (both paths)', () => {
  const cases: [string, HeaderMap, boolean][] = [
    ['GET', {}, true],
    ['HEAD', {}, true],
    ['POST', {}, false],
    ['PUT', {}, false],
    ['OPTIONS', {}, false],
    ['get', {}, false],
    ['POST', { range: 'bytes=0-9' }, true],
  ];
  for (const [method, headers, expected] of cases) {
    it(`${method} ${JSON.stringify(headers)} → ${expected}`, () => {
      assert.equal(methodUsesCache(method, headers), expected);
    });
  }
});

describe('isStorable', () => {
  for (const status of [200, 203, 204, 300, 301, 404, 405, 410, 414, 501]) {
    it(`${status} is stored`, () => {
      assert.equal(isStorable(status, {}, {}), true);
    });
  }
  for (const status of [201, 202, 206, 303, 304, 307, 308, 400, 500, 503]) {
    it(`${status} is not`, () => {
      assert.equal(isStorable(status, {}, { 'cache-control': 'max-age=60' }), false);
    });
  }
  it('302 only with explicit freshness or public/private', () => {
    assert.equal(isStorable(302, {}, {}), false);
    assert.equal(isStorable(302, {}, { 'cache-control': 'no-cache' }), false);
    assert.equal(isStorable(302, {}, { 'cache-control': 'max-age=10' }), true);
    assert.equal(isStorable(302, {}, { expires: http(T0) }), true);
    assert.equal(isStorable(302, {}, { 'cache-control': 'public' }), true);
    assert.equal(isStorable(302, {}, { 'cache-control': 'private' }), true);
  });
  it('never with no-store, on the request or the response', () => {
    assert.equal(isStorable(200, {}, { 'cache-control': 'max-age=60, no-store' }), false);
    assert.equal(isStorable(200, { 'cache-control': 'no-store' }, { 'cache-control': 'max-age=60' }), false);
  });
});

describe('freshness', () => {
  const none = new Map<string, string>();
  it('s-maxage, then max-age, then Expires − Date, then Last-Modified heuristic, else 0', () => {
    const h = { date: http(T0), expires: http(T0 + 50 * S), 'last-modified': http(T0 - 1000 * S) };
    assert.equal(freshness(stored({ ...h, 'cache-control': 's-maxage=30, max-age=20' }), none, T0).lifetime, 30 * S);
    assert.equal(freshness(stored({ ...h, 'cache-control': 'max-age=20' }), none, T0).lifetime, 20 * S);
    assert.equal(freshness(stored(h), none, T0).lifetime, 50 * S);
    const heuristic = freshness(stored({ date: h.date, 'last-modified': h['last-modified'] }), none, T0);
    assert.deepEqual([heuristic.lifetime, heuristic.heuristic], [100 * S, true]);
    assert.equal(freshness(stored({ date: h.date }), none, T0).lifetime, 0);
  });
  it('Expires without Date counts from the response time; an Expires that is not a date means expired', () => {
    assert.equal(freshness(stored({ expires: http(T0 + 7 * S) }), none, T0).lifetime, 7 * S);
    assert.equal(freshness(stored({ expires: '0', 'last-modified': http(T0 - 1000 * S) }), none, T0).lifetime, 0);
    assert.equal(freshness(stored({ expires: http(T0 - 7 * S) }), none, T0).lifetime, 0);
  });
  it('the heuristic uses the request time when there is no Date', () => {
    // (requestTime − Last-Modified) / 10 = (T0 − 100 ms − (T0 − 100 s)) / 10
    const f = freshness(stored({ 'last-modified': http(T0 - 100 * S) }), none, T0);
    assert.equal(f.lifetime, 9_990);
  });
  it('a non-numeric max-age is ignored', () => {
    assert.equal(freshness(stored({ 'cache-control': 'max-age=soon', expires: http(T0 + 9 * S) }), none, T0).lifetime, 9 * S);
  });
  it('the request max-age caps the lifetime', () => {
    const f = freshness(stored({ 'cache-control': 'max-age=60' }), new Map([['max-age', '10']]), T0);
    assert.equal(f.lifetime, 10 * S);
  });
  it('age = max(apparent age, Age + response delay) + resident time', () => {
    // Date 5 s before the response arrived; no Age: apparent age 5 s wins over the 100 ms delay.
    assert.equal(freshness(stored({ date: http(T0 - 5 * S) }), none, T0 + 2 * S).age, 7 * S);
    // Age: 30 plus the 100 ms delay beats the apparent age.
    assert.equal(freshness(stored({ date: http(T0 - 5 * S), age: '30' }), none, T0 + 2 * S).age, 32 * S + 100);
    // A Date in the future (clock skew) gives no negative age.
    assert.equal(freshness(stored({ date: http(T0 + 60 * S) }), none, T0).age, 100);
  });
});

describe('decide (device steps 1–7)', () => {
  const fresh60 = { 'cache-control': 'max-age=60', date: http(T0), etag: '"v1"' };
  const at = (s: number): number => T0 + s * S;

  it('1: request no-cache → network, without validators', () => {
    assert.deepEqual(decide({ 'cache-control': 'no-cache' }, stored(fresh60), at(1)), { kind: 'network' });
  });
  it('2: stored no-cache → stale, without validators (the device sends none)', () => {
    assert.deepEqual(decide({}, stored({ ...fresh60, 'cache-control': 'no-cache' }), at(1)), { kind: 'stale', conditional: {} });
  });
  it('3: only-if-cached → fresh whatever the age', () => {
    assert.deepEqual(decide({ 'cache-control': 'only-if-cached' }, stored(fresh60), at(99_999)), { kind: 'fresh', warnings: [] });
  });
  it('4: a stored response that may not be stored (303, no-store request) → network', () => {
    assert.deepEqual(decide({}, stored(fresh60, 303), at(1)), { kind: 'network' });
    assert.deepEqual(decide({ 'cache-control': 'no-store' }, stored(fresh60), at(1)), { kind: 'network' });
  });
  it('5: the application sent its own validators → network', () => {
    assert.deepEqual(decide({ 'if-none-match': '"x"' }, stored(fresh60), at(1)), { kind: 'network' });
    assert.deepEqual(decide({ 'if-modified-since': http(T0) }, stored(fresh60), at(1)), { kind: 'network' });
  });
  it('6: fresh within the lifetime, stale after it', () => {
    assert.deepEqual(decide({}, stored(fresh60), at(59)), { kind: 'fresh', warnings: [] });
    assert.equal(decide({}, stored(fresh60), at(61)).kind, 'stale');
  });
  it('6: min-fresh asks for more remaining lifetime', () => {
    assert.equal(decide({ 'cache-control': 'min-fresh=20' }, stored(fresh60), at(30)).kind, 'fresh');
    assert.equal(decide({ 'cache-control': 'min-fresh=40' }, stored(fresh60), at(30)).kind, 'stale');
  });
  it('6: max-stale accepts staleness (with Warning 110); bare max-stale accepts any', () => {
    assert.deepEqual(decide({ 'cache-control': 'max-stale=30' }, stored(fresh60), at(80)), { kind: 'fresh', warnings: [WARNING_STALE] });
    assert.equal(decide({ 'cache-control': 'max-stale=30' }, stored(fresh60), at(95)).kind, 'stale');
    assert.deepEqual(decide({ 'cache-control': 'max-stale' }, stored(fresh60), at(86_400)), { kind: 'fresh', warnings: [WARNING_STALE] });
  });
  it('6: must-revalidate disables max-stale', () => {
    const h = { ...fresh60, 'cache-control': 'max-age=60, must-revalidate' };
    assert.equal(decide({ 'cache-control': 'max-stale=30' }, stored(h), at(80)).kind, 'stale');
  });
  it('6: the request max-age caps the lifetime', () => {
    assert.equal(decide({ 'cache-control': 'max-age=10' }, stored(fresh60), at(20)).kind, 'stale');
    assert.equal(decide({ 'cache-control': 'max-age=0' }, stored(fresh60), at(0)).kind, 'stale');
  });
  it('6: a heuristic hit older than a day carries Warning 113', () => {
    const h = { date: http(T0), 'last-modified': http(T0 - 100 * 86_400 * S) }; // lifetime 10 days
    assert.deepEqual(decide({}, stored(h), at(3600)), { kind: 'fresh', warnings: [] });
    assert.deepEqual(decide({}, stored(h), at(2 * 86_400)), { kind: 'fresh', warnings: [WARNING_HEURISTIC] });
  });
  it('7: stale → If-None-Match from ETag, else If-Modified-Since from Last-Modified, else from Date, else nothing', () => {
    const lm = http(T0 - 3600 * S);
    assert.deepEqual(decide({}, stored({ 'cache-control': 'max-age=0', etag: '"v1"', 'last-modified': lm }), at(1)), { kind: 'stale', conditional: { 'if-none-match': '"v1"' } });
    assert.deepEqual(conditionalHeaders({ 'last-modified': lm, date: http(T0) }), { 'if-modified-since': lm });
    assert.deepEqual(conditionalHeaders({ date: http(T0) }), { 'if-modified-since': http(T0) });
    assert.deepEqual(conditionalHeaders({}), {});
  });
});

describe('LruStore (bytes)', () => {
  const v = (size: number): { size: number } => ({ size });
  it('evicts least recently used values until the new one fits; get() refreshes', () => {
    const lru = new LruStore<{ size: number }>(100);
    lru.set('a', v(40));
    lru.set('b', v(40));
    assert.ok(lru.get('a'));
    lru.set('c', v(40));
    assert.deepEqual([...lru.entries()].map(([k]) => k), ['a', 'c']);
    assert.equal(lru.bytes, 80);
  });
  it('refuses a value larger than the budget and evicts nothing for it', () => {
    const lru = new LruStore<{ size: number }>(100);
    lru.set('a', v(60));
    assert.equal(lru.set('big', v(101)), false);
    assert.deepEqual([...lru.entries()].map(([k]) => k), ['a']);
    assert.equal(lru.set('exact', v(100)), true);
    assert.deepEqual([...lru.entries()].map(([k]) => k), ['exact']);
  });
  it('replacing a key adjusts the byte count', () => {
    const lru = new LruStore<{ size: number }>(100);
    lru.set('a', v(60));
    lru.set('a', v(10));
    assert.equal(lru.bytes, 10);
    assert.equal(lru.delete('a'), true);
    assert.equal(lru.bytes, 0);
  });
});

describe('budget', () => {
  const MiB = 1024 * 1024;
  const cases: [unknown[], number][] = [
    [[], 10 * MiB],
    [[undefined], 10 * MiB],
    [['5'], 10 * MiB],
    [[NaN], 10 * MiB],
    [[2 * MiB, 1], 10 * MiB],
    [[2 * MiB], 2 * MiB],
    [[2.5 * MiB + 0.5], 2.5 * MiB],
    [[10], MiB],
    [[-1], MiB],
    [[50 * MiB], 10 * MiB],
    [[Infinity], 10 * MiB],
  ];
  for (const [args, expected] of cases) {
    it(`createHttpResponseCache(${args.map(String).join(', ')}) → ${expected} bytes`, () => {
      assert.equal(budgetOf(args), expected);
    });
  }
});

it('leaves no handles behind', () => assertNoLeaks());
