// The device modules ohos-test provides, against their documented behaviour.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotAvailableError } from '../src/modules/unavailable.js';
import { formatHilog, hilog } from '../src/modules/hilog.js';
import { util } from '../src/modules/util.js';
import { url } from '../src/modules/url.js';
import { buffer } from '../src/modules/buffer.js';
import * as arkts from '../src/modules/arkts-kit.js';

test('hilog formats as its JS binding: {public} shows the value, {private} and bare specifiers print <private>', () => {
  assert.equal(formatHilog('Failed to visit %{private}s, reason:%{public}d.', ['a.com', 503]), 'Failed to visit <private>, reason:503.');
  assert.equal(formatHilog('%s and %{public}s', ['x', 'y']), '<private> and y');
  assert.equal(formatHilog('100%% %{public}o', [{ a: 1 }]), '100% [object Object]');
  assert.equal(hilog.LogLevel.INFO, 4);
  assert.equal(hilog.isLoggable(0x10000, 'tag', hilog.LogLevel.INFO), false);
});

test('hilog: a value of the wrong type for its specifier prints nothing; the format after the last argument is kept', () => {
  assert.equal(formatHilog('[%{public}d] [%{public}s]', ['text', 5]), '[] []');
  assert.equal(formatHilog('%{public}s then %{public}s', ['one']), 'one then %{public}s');
  assert.equal(formatHilog('no args 100%%', []), 'no args 100%%');
  assert.equal(formatHilog('%{public}s %{public}d', [['array', 2]]), 'array 2');
  assert.equal(formatHilog('%{public}s|%{public}s|%{public}s', [true, null, undefined]), 'true|null|undefined');
});

test('hilog prints the device line shape: level letter, A + five hex digits of the domain, tag', (t) => {
  const lines: string[] = [];
  t.mock.method(console, 'info', (line: string) => lines.push(line));
  hilog.info(0x3d00, 'testTag', '%{public}s', 'hello');
  assert.deepEqual(lines, ['I A03d00/testTag: hello']);
});

test('util: TextEncoder.encodeInto returns bytes, TextDecoder decodes streams, promisify, format', async () => {
  assert.deepEqual([...new util.TextEncoder().encodeInto('hé')], [0x68, 0xc3, 0xa9]);
  const decoder = util.TextDecoder.create('utf-8');
  assert.equal(decoder.decodeToString(new Uint8Array([0xc3]), { stream: true }) + decoder.decodeToString(new Uint8Array([0xa9])), 'é');
  const fn = util.promisify((a: number, cb: (err: unknown, v?: number) => void) => {
    cb(null, a * 2);
  });
  assert.equal(await fn(21), 42);
  assert.equal(util.format('%s: %d', 'n', 5), 'n: 5');
});

test('url.URL.parseURL parses WHATWG URLs and throws BusinessError 10200002 for invalid ones', () => {
  const u = url.URL.parseURL('http://127.0.0.1:8080/a?b=1');
  assert.equal(u.port, '8080');
  assert.equal(u.params.get('b'), '1');
  assert.throws(() => url.URL.parseURL('not a url'), { code: 10200002 });
});

test('buffer follows Node Buffer semantics', () => {
  assert.equal(buffer.from('abc').toString('base64'), 'YWJj');
  assert.equal(buffer.byteLength('é'), 2);
});

test('members not provided throw NotAvailableError naming member and module', () => {
  assert.throws(() => (util as unknown as Record<string, unknown>).LRUCache, (e: unknown) => e instanceof NotAvailableError && e.message === 'util.LRUCache (@ohos.util) is not available on Node.js in ohos-test');
  assert.throws(() => (arkts.taskpool as { execute: unknown }).execute, NotAvailableError);
});
