/**
 * expect(actual): hypium's wrapper around the matchers (src/service.js, ExpectService). A failing
 * matcher records an AssertException on the case that was running when expect() was called — or,
 * outside a case (beforeAll/afterAll), on the suite — *before* throwing it, so a test body that
 * catches the exception still fails.
 */
import { PROMISE_MATCHERS } from './promise-matchers.js';
import { notMessage, SYNC_MATCHERS, type MatchResult } from './matchers.js';
import { registry } from './registry.js';
import { AssertException, type Spec, type Suite } from './tree.js';

/** Matchers added with Hypium.registerAssert: called as fn(actual, firstArgument). */
type CustomMatcher = (actual: unknown, expected: unknown) => MatchResult;
const custom = new Map<string, CustomMatcher | null>();

export function registerAssert(fn: CustomMatcher): void {
  custom.set(fn.name, fn);
}

export function unregisterAssert(nameOrFn: string | CustomMatcher): void {
  const name = typeof nameOrFn === 'function' ? nameOrFn.name : nameOrFn;
  if (name === 'all') {
    for (const key of custom.keys()) custom.set(key, null);
  } else {
    custom.set(name, null);
  }
}

/** hypium's Assert interface (index.d.ts); registered custom matchers appear as extra members. */
export interface Assert {
  assertClose(expectValue: number, precision: number): void;
  assertContain(expectValue: unknown): void;
  assertEqual(expectValue: unknown): void;
  assertFail(): void;
  assertFalse(): void;
  assertTrue(): void;
  assertInstanceOf(expectValue: string): void;
  assertLarger(expectValue: number): void;
  assertLess(expectValue: number): void;
  assertNull(): void;
  assertThrow(expectValue: string): void;
  assertThrowError(expectValue: string | ((...args: never[]) => unknown)): void;
  assertUndefined(): void;
  assertLargerOrEqual(expectValue: number): void;
  assertLessOrEqual(expectValue: number): void;
  assertNaN(): void;
  assertNegUnlimited(): void;
  assertPosUnlimited(): void;
  assertDeepEquals(expectValue: unknown): void;
  assertMatchObj(expectValue: object): void;
  assertPromiseIsPending(): Promise<void>;
  assertPromiseIsRejected(): Promise<void>;
  assertPromiseIsRejectedWith(expectValue?: unknown): Promise<void>;
  assertPromiseIsRejectedWithError(...expectValue: unknown[]): Promise<void>;
  assertPromiseIsResolved(): Promise<void>;
  assertPromiseIsResolvedWith(expectValue?: unknown): Promise<void>;
  not(): Assert;
  message(msg: string): Assert;
  [custom: string]: unknown;
}

function record(error: AssertException, spec: Spec | undefined, suite: Suite | undefined): never {
  if (spec !== undefined) spec.fail = error;
  else if (suite !== undefined) suite.hookError = error;
  throw error;
}

function failure(name: string, result: MatchResult, actual: unknown, args: unknown[]): AssertException {
  const error = new AssertException(result.message);
  error.matcher = name;
  error.actual = actual;
  if (args.length > 0) {
    error.expected = args.length === 1 ? args[0] : args;
    error.hasExpected = true;
  }
  // The frame of the expect() call, not this wrapper, tops the stack.
  Error.captureStackTrace(error, failure);
  return error;
}

export function expect(actual?: unknown): Assert {
  const spec = registry.runningSpec;
  const suite = registry.runningSuite;
  let isNot = false;
  const wrapped: Record<string, unknown> = {
    not(): Assert {
      isNot = true;
      return wrapped as unknown as Assert;
    },
    message(msg: string): Assert {
      if (spec !== undefined) spec.expectMsg = msg;
      return wrapped as unknown as Assert;
    },
  };
  for (const [name, matcher] of Object.entries(SYNC_MATCHERS)) {
    wrapped[name] = function syncAssert(...args: unknown[]): void {
      const result = matcher(actual, args);
      if (isNot) {
        result.pass = !result.pass;
        result.message = notMessage(name, actual, args[0], result.message);
      }
      if (!result.pass) {
        const error = failure(name, result, actual, args);
        Error.captureStackTrace(error, syncAssert);
        record(error, spec, suite);
      }
    };
  }
  for (const [name, matcher] of Object.entries(PROMISE_MATCHERS)) {
    wrapped[name] = async function promiseAssert(...args: unknown[]): Promise<void> {
      const stackHolder: { stack?: string } = {};
      Error.captureStackTrace(stackHolder, promiseAssert);
      const result = await matcher(actual, args);
      if (isNot) result.pass = !result.pass;
      if (!result.pass) {
        const error = failure(name, result, actual, args);
        // Point at the assertion's line rather than at the promise machinery.
        if (stackHolder.stack !== undefined) error.stack = `AssertException: ${result.message}${stackHolder.stack.slice(stackHolder.stack.indexOf('\n'))}`;
        record(error, spec, suite);
      }
    };
  }
  for (const [name, matcher] of custom) {
    wrapped[name] =
      matcher === null
        ? () => {
            throw new Error(`${name} is unregistered`);
          }
        : function customAssert(...args: unknown[]): void {
            const result = matcher(actual, args[0]);
            if (isNot) result.pass = !result.pass;
            if (!result.pass) {
              const error = failure(name, result, actual, args);
              Error.captureStackTrace(error, customAssert);
              record(error, spec, suite);
            }
          };
  }
  return wrapped as unknown as Assert;
}
