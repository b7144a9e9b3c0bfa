// hypium's expect matchers (openharmony/testfwk_arkxtest jsunit/src/module/assert/*.js and the
// basic matchers in src/service.js): one test per matcher rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expect } from '../src/hypium/index.js';
import { registry } from '../src/hypium/registry.js';

registry.runningSpec = undefined;
registry.runningSuite = undefined;

function fails(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'passed';
}
async function failsAsync(fn: () => Promise<void>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'passed';
}

test('assertEqual is strict equality (service.js assertEqualFun)', () => {
  assert.equal(fails(() => expect(1).assertEqual(1)), 'passed');
  assert.equal(fails(() => expect(1).assertEqual('1')), 'expect 1 equals 1');
});

test('not() inverts and words the message as LogExpectError does (report/LogExpectError.js)', () => {
  assert.equal(fails(() => expect(1).not().assertEqual(1)), 'expect not Equal, actualValue is 1 equals 1');
  assert.equal(fails(() => expect(null).not().assertNull()), 'expect not null, actualValue is null');
  assert.equal(fails(() => expect(2).not().assertEqual(1)), 'passed');
});

test('assertDeepEquals: +0/-0 differ, NaN equals NaN, Maps and Sets by content (deepEquals/assertDeepEquals.js)', () => {
  assert.equal(fails(() => expect({ a: [1, { b: 2 }] }).assertDeepEquals({ a: [1, { b: 2 }] })), 'passed');
  assert.equal(fails(() => expect(0).assertDeepEquals(-0)), 'expect 0 deep equals 0');
  assert.equal(fails(() => expect(NaN).assertDeepEquals(NaN)), 'passed');
  assert.equal(fails(() => expect(new Map([[1, 'a']])).assertDeepEquals(new Map([[1, 'a']]))), 'passed');
  assert.equal(fails(() => expect(new Set([1, 2])).assertDeepEquals(new Set([2, 1]))), 'passed');
  assert.equal(fails(() => expect([1, 2]).assertDeepEquals([1, 3])), 'expect [1,2] deep equals [1,3]');
});

test('assertContain: substring for strings, === membership for iterables (assertContain.js)', () => {
  assert.equal(fails(() => expect('hello').assertContain('ell')), 'passed');
  assert.equal(fails(() => expect([1, 2]).assertContain(2)), 'passed');
  assert.equal(fails(() => expect([{ a: 1 }]).assertContain({ a: 1 })), 'expect false, [object Object] do not have  [object Object]');
});

test('assertClose compares |expected - actual| / |actual| with the precision (assertClose.js)', () => {
  assert.equal(fails(() => expect(100).assertClose(101, 0.02)), 'passed');
  assert.equal(fails(() => expect(100).assertClose(110, 0.02)), '|100 - 110|/100 is not less than 0.02');
  assert.equal(fails(() => expect(0).assertClose(0, 0.1)), 'passed');
});

test('assertThrowError matches the constructor name or a message substring (assertThrowError.js)', () => {
  const thrower = (): never => {
    throw new TypeError('bad input here');
  };
  assert.equal(fails(() => expect(thrower).assertThrowError(TypeError)), 'passed');
  assert.equal(fails(() => expect(thrower).assertThrowError('input')), 'passed');
  assert.equal(fails(() => expect(thrower).assertThrowError(RangeError)), 'expected throw failed , TypeError is not RangeError');
  assert.equal(fails(() => expect(() => undefined).assertThrowError('x')), ' An error is not thrown while it is expected!');
});

test('number, type and value matchers (assertLarger.js, assertLess.js, assertNaN.js, assertInstanceOf.js, ...)', () => {
  assert.equal(fails(() => expect(2).assertLarger(1)), 'passed');
  assert.equal(fails(() => expect(1).assertLargerOrEqual(2)), '1 is not larger than 2');
  assert.equal(fails(() => expect(1).assertLess(2)), 'passed');
  assert.equal(fails(() => expect(NaN).assertNaN()), 'passed');
  assert.equal(fails(() => expect(-Infinity).assertNegUnlimited()), 'passed');
  assert.equal(fails(() => expect(Infinity).assertPosUnlimited()), 'passed');
  assert.equal(fails(() => expect([]).assertInstanceOf('Array')), 'passed');
  assert.equal(fails(() => expect(undefined).assertUndefined()), 'passed');
  assert.equal(fails(() => expect(1).assertTrue()), 'expect true, actualValue is 1');
  assert.equal(fails(() => expect(1).assertFail()), 'fail ');
});

test('promise matchers: resolved/rejected, values compared as JSON (assertPromiseIs*.js)', async () => {
  assert.equal(await failsAsync(() => expect(Promise.resolve(1)).assertPromiseIsResolved()), 'passed');
  assert.equal(await failsAsync(() => expect(Promise.resolve({ a: 1 })).assertPromiseIsResolvedWith({ a: 1 })), 'passed');
  assert.equal(
    await failsAsync(() => expect(Promise.reject({ code: 2300007, message: 'Failed to connect to the server' })).assertPromiseIsRejectedWith({ code: 2300007, message: 'Failed to connect to the server' })),
    'passed',
  );
  assert.equal(await failsAsync(() => expect(Promise.reject(new TypeError('m'))).assertPromiseIsRejectedWithError(TypeError, 'm')), 'passed');
  assert.equal(await failsAsync(() => expect(new Promise(() => undefined)).assertPromiseIsPending()), 'passed');
  assert.equal(await failsAsync(() => expect(1).assertPromiseIsResolved()), 'Expected not be called on a promise.');
  assert.equal(await failsAsync(() => expect(Promise.resolve()).not().assertPromiseIsRejected()), 'passed');
});

test('assertMatchObj checks the expected keys only, recursing into objects (assertMatchObj.js)', () => {
  assert.equal(fails(() => expect({ code: 200, header: { a: '1', b: '2' } }).assertMatchObj({ header: { a: '1' } })), 'passed');
  assert.equal(fails(() => expect({ code: 404 }).assertMatchObj({ code: 200 })), 'object does not match expected structure: code: actual=404, expected=200');
});
