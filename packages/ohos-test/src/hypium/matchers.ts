/**
 * hypium's matchers (src/service.js basicMatchers and src/module/assert/*.js; assertMatchObj without the mock
 * module's ArgumentMatchers, which ohos-test does not provide): each returns
 * `{ pass, message }` for the actual value and the arguments; the wrapper in expect.ts applies
 * `.not()` and records failures. Messages are hypium's, so logs read as on the device.
 */
import { deepLog, eq } from './deep-equals.js';

export interface MatchResult {
  pass: boolean;
  message: string;
}
export type SyncMatcher = (actual: unknown, args: unknown[]) => MatchResult;
export type AsyncMatcher = (actual: unknown, args: unknown[]) => Promise<MatchResult>;

/** `'' + value` as hypium writes it, via toString() for objects (so `{}` reads `[object Object]`). */
export function str(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'symbol') return value.toString();
  return String(value);
}

const classOf = (value: unknown): string => Object.prototype.toString.call(value);


function assertContain(actual: unknown, args: unknown[]): MatchResult {
  let pass = false;
  // hypium iterates any non-string value: a non-iterable throws a TypeError (an error, not a fail).
  for (const value of actual as Iterable<unknown>) if (value === args[0]) pass = true;
  if (typeof actual === 'string') pass = actual.includes(str(args[0]));
  return { pass, message: `expect false, ${str(actual)} do not have  ${str(args[0])}` };
}

function assertClose(actual: unknown, args: unknown[]): MatchResult {
  if (actual === null && args[0] === null) throw new Error('actualValue and expected can not be both null!!!');
  const diff = Math.abs((args[0] as number) - (actual as number));
  const actualAbs = Math.abs(actual as number);
  // Relative precision: |expected - actual| / |actual| < precision; an actual of 0 needs an exact 0.
  const pass = actualAbs === 0 ? diff === 0 : diff / actualAbs < (args[1] as number);
  return { pass, message: `|${str(actual)} - ${str(args[0])}|/${str(actual)} is not less than ${str(args[1])}` };
}

function assertThrowError(actual: unknown, args: unknown[]): MatchResult {
  if (typeof actual !== 'function') throw new Error('actualValue is not a function');
  let thrown: unknown;
  try {
    (actual as () => unknown)();
    return { pass: false, message: ' An error is not thrown while it is expected!' };
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof Error)) return { pass: false, message: '' };
  const expected = args[0];
  if (typeof expected === 'function') {
    return { pass: thrown.constructor.name === expected.name, message: `expected throw failed , ${thrown.constructor.name} is not ${expected.name}` };
  }
  if (typeof expected === 'string') {
    return { pass: thrown.message.includes(expected), message: `expected throw failed , ${thrown.message} is not ${expected}` };
  }
  return { pass: false, message: '' };
}

function assertThrow(actual: unknown, args: unknown[]): MatchResult {
  if (typeof actual !== 'function') return { pass: false, message: "toThrow's Actual should be a Function" };
  try {
    (actual as () => unknown)();
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    return message === args[0] ? { pass: true, message: '' } : { pass: false, message: `expect to throw ${str(args[0])} , actual throw ${str(message)}` };
  }
  return { pass: false, message: 'function did not throw an exception' };
}

function assertEqual(actual: unknown, args: unknown[]): MatchResult {
  const pass = actual === args[0];
  const message = pass
    ? `expect ${str(actual)}${classOf(actual)} equals ${str(args[0])}${classOf(args[0])}strict mode inspect type`
    : `expect ${str(actual)} equals ${str(args[0])}`;
  return { pass, message };
}

const MAX_MATCH_DEPTH = 6;

/** Every key of the expected object must exist on the actual one with the same value; nested objects recurse. */
function assertMatchObj(actual: unknown, args: unknown[], depth = 0): MatchResult {
  const expected = args[0];
  if (depth >= MAX_MATCH_DEPTH) return { pass: false, message: `maximum recursion depth ${MAX_MATCH_DEPTH} exceeded` };
  if (typeof actual !== 'object' || actual === null) return { pass: false, message: 'expect actual value to be an object' };
  if (typeof expected !== 'object' || expected === null) return { pass: false, message: 'expect expected value to be an object' };
  const details: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    if (!Object.prototype.hasOwnProperty.call(actual, key)) {
      details.push(`property '${key}' not found in actual object`);
      continue;
    }
    const got = (actual as Record<string, unknown>)[key];
    if (typeof want === 'object' && want !== null && !Array.isArray(want)) {
      const nested = assertMatchObj(got, [want], depth + 1);
      if (!nested.pass) details.push(`${key}: ${nested.message}`);
    } else if (got !== want) {
      details.push(`${key}: actual=${String(JSON.stringify(got))}, expected=${String(JSON.stringify(want))}`);
    }
  }
  return details.length === 0
    ? { pass: true, message: 'object matches expected structure' }
    : { pass: false, message: `object does not match expected structure: ${details.join('; ')}` };
}

const compare = (test: (a: number, b: number) => boolean, words: string): SyncMatcher => (actual, args) => ({
  pass: test(actual as number, args[0] as number),
  message: `${str(actual)} ${words} ${str(args[0])}`,
});

export const SYNC_MATCHERS: Readonly<Record<string, SyncMatcher>> = {
  assertTrue: (a) => ({ pass: a === true, message: `expect true, actualValue is ${str(a)}` }),
  assertFalse: (a) => ({ pass: a === false, message: `expect false, actualValue is ${str(a)}` }),
  assertNull: (a) => ({ pass: a === null, message: `expect null, actualValue is ${str(a)}` }),
  assertUndefined: (a) => ({ pass: a === undefined, message: `expect Undefined, actualValue is ${str(a)}` }),
  assertNaN: (a) => ({ pass: a !== a, message: `expect NaN, actualValue  is ${str(a)}` }),
  assertNegUnlimited: (a) => ({ pass: a === Number.NEGATIVE_INFINITY, message: `Expected actualValue not to be -Infinity.  actualValue is,${str(a)}` }),
  assertPosUnlimited: (a) => ({ pass: a === Number.POSITIVE_INFINITY, message: `Expected actualValue is POSITIVE_INFINITY.  actualValue is,${str(a)}` }),
  assertFail: () => ({ pass: false, message: 'fail ' }),
  assertEqual,
  assertThrow,
  assertThrowError,
  assertContain,
  assertClose,
  assertLarger: compare((a, b) => a > b, 'is not larger than'),
  assertLargerOrEqual: compare((a, b) => a >= b, 'is not larger than'),
  assertLess: compare((a, b) => a < b, 'is not less than'),
  assertLessOrEqual: compare((a, b) => a <= b, 'is not less than'),
  assertInstanceOf: (a, args) =>
    classOf(a) === `[object ${str(args[0])}]`
      ? { pass: true, message: '' }
      : { pass: false, message: `${str(a)} is ${classOf(str(a))}not  undefined` },
  assertMatchObj: (a, args) => assertMatchObj(a, args),
  assertDeepEquals: (a, args) => ({ pass: eq(a, args[0]), message: `expect ${deepLog(a, 'actualValue')} deep equals ${deepLog(args[0], 'expected')}` }),
};

/** The message hypium prints for a failed `.not()` of a sync matcher (src/module/report/LogExpectError.js). */
export function notMessage(name: string, actual: unknown, expected: unknown, original: string): string {
  const a = str(actual);
  const e = str(expected);
  const table: Record<string, string> = {
    assertNull: `expect not null, actualValue is ${a}`,
    assertTrue: `expect not true, actualValue is ${a}`,
    assertFalse: `expect not false, actualValue is ${a}`,
    assertEqual: `expect not Equal, actualValue is ${a} equals ${e}`,
    assertContain: `expect not have, ${a} have ${e}`,
    assertInstanceOf: `expect not InstanceOf, ${a} is ${classOf(actual)}${e}`,
    assertLarger: `expect not Larger, ${a} is larger than ${e}`,
    assertLargerOrEqual: `expect not LargerOrEqual, ${a} larger than ${e}`,
    assertLess: `expect not Less, ${a} less than ${e}`,
    assertLessOrEqual: `expect not LessOrEqual, ${a} is less than ${e}`,
    assertNaN: `expect not NaN, actualValue is ${a}`,
    assertNegUnlimited: `expect not NegUnlimited, actualValue is ${a}`,
    assertPosUnlimited: `expect not PosUnlimited, actualValue is ${a}`,
    assertUndefined: `expect not Undefined, actualValue is ${a}`,
  };
  return table[name] ?? original;
}
