/** hypium's promise matchers (src/module/assert/assertPromise*.js); `expect(p).assertPromise...()` returns a promise to await. */
import type { AsyncMatcher, MatchResult } from './matchers.js';

const NOT_A_PROMISE: MatchResult = { pass: false, message: 'Expected not be called on a promise.' };
const json = (value: unknown): string => String(JSON.stringify(value));

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return !!value && Object.prototype.toString.call((value as { then?: unknown }).then) === '[object Function]';
}

function settle(
  actual: unknown,
  onResolved: (value: unknown) => MatchResult,
  onRejected: (reason: unknown) => MatchResult,
): Promise<MatchResult> {
  if (!isPromiseLike(actual)) return Promise.resolve(NOT_A_PROMISE);
  return Promise.resolve(actual).then(onResolved, onRejected);
}

function errorName(value: unknown): string {
  return String((value as { name?: unknown } | null)?.name);
}
function errorMessage(value: unknown): unknown {
  return (value as { message?: unknown } | null)?.message;
}

function matchError(actual: unknown, expected: unknown[]): MatchResult {
  const [first, second] = expected;
  if (expected.length === 1 && typeof first === 'function') {
    const protoName = (Object.getPrototypeOf(actual) as { name?: unknown } | null)?.name;
    return protoName === first.name
      ? { pass: true, message: `actual error type is ${errorName(actual)}.` }
      : { pass: false, message: `except error type is ${first.name},but actual is ${errorName(actual)}.` };
  }
  if (expected.length === 1 && typeof first === 'string') {
    return first === errorMessage(actual)
      ? { pass: true, message: `actual error message is ${String(errorMessage(actual))}.` }
      : { pass: false, message: `except error message ${first},but actual is ${String(errorMessage(actual))}.` };
  }
  if (expected.length === 1) return { pass: false, message: 'When only one parameter, it should be error type or error message.' };
  if (expected.length === 2 && typeof first === 'function') {
    const sameMessage = typeof second === 'string' && errorMessage(actual) === second;
    if (first.name === errorName(actual)) {
      return sameMessage
        ? { pass: true, message: `actual error message is ${String(errorMessage(actual))}.` }
        : { pass: false, message: `except error message is ${String(second)},but actual is ${String(errorMessage(actual))}.` };
    }
    return sameMessage
      ? { pass: false, message: `except error type is ${first.name},but actual is ${errorName(actual)}.` }
      : { pass: false, message: 'except error type and message are incorrect.' };
  }
  if (expected.length > 2) return { pass: false, message: 'Up to two parameters are supported.' };
  return { pass: true, message: 'not equal type' };
}

export const PROMISE_MATCHERS: Readonly<Record<string, AsyncMatcher>> = {
  assertPromiseIsPending: (actual) => {
    if (!isPromiseLike(actual)) return Promise.resolve(NOT_A_PROMISE);
    const marker = {};
    return Promise.race([actual, Promise.resolve(marker)]).then(
      (got) => (got === marker ? { pass: true, message: 'actualValue is isPending' } : { pass: false, message: 'expect isPending, actualValue is resolve' }),
      () => ({ pass: false, message: 'expect isPending, actualValue is reject' }),
    );
  },
  assertPromiseIsRejected: (actual) =>
    settle(
      actual,
      () => ({ pass: false, message: 'expect isRejected, but actualValue is resolve' }),
      () => ({ pass: true, message: 'actualValue is isRejected' }),
    ),
  assertPromiseIsRejectedWith: (actual, args) => {
    const tips = `Expected a promise to be rejected with ${json(args[0])}`;
    return settle(
      actual,
      () => ({ pass: false, message: `${tips} but actualValue is resolve` }),
      // Compared as JSON text: {code, message} objects match field for field.
      (reason) =>
        json(reason) === json(args[0])
          ? { pass: true, message: `actualValue was rejected with ${json(reason)}.` }
          : { pass: false, message: `${tips} but it was rejected with ${json(reason)}.` },
    );
  },
  assertPromiseIsRejectedWithError: (actual, args) =>
    settle(
      actual,
      () => ({ pass: false, message: 'Expected a promise to be rejected but actualValue is resolve' }),
      (reason) => matchError(reason, args),
    ),
  assertPromiseIsResolved: (actual) =>
    settle(
      actual,
      () => ({ pass: true, message: 'actualValue is isResolved' }),
      (reason) => ({ pass: false, message: `Expected a promise to be resolved but it was rejected with ${json(reason)}.` }),
    ),
  assertPromiseIsResolvedWith: (actual, args) => {
    const tips = `Expected a promise to be resolved with ${json(args[0])}`;
    return settle(
      actual,
      (value) =>
        json(value) === json(args[0])
          ? { pass: true, message: `actualValue was resolved with ${json(value)}.` }
          : { pass: false, message: `${tips} but it was resolved with ${json(value)}.` },
      (reason) => ({ pass: false, message: `${tips} but it was rejected with ${json(reason)}.` }),
    );
  },
};
