/**
 * `@ohos/hypium` on Node.js: the API test files import (hypium's index.d.ts), with hypium's
 * semantics. Test files and the runner share this one module instance.
 */
import { DEFAULT, Level, Size, TestType } from './constants.js';
import { unavailable } from '../modules/unavailable.js';
import { expect, registerAssert, unregisterAssert } from './expect.js';
import { registry } from './registry.js';
import { SkipError, type UserFunction } from './tree.js';

export { DEFAULT, Level, Size, TestType, expect, SkipError };
export type { Assert } from './expect.js';

export function describe(desc: string, fn: () => unknown): void {
  registry.describe(desc, fn);
}

export function it(desc: string, filter: number, fn: UserFunction, timeout?: number): void {
  registry.it(desc, filter, fn, timeout);
}

type SkipSuite = ((desc: string, fn: () => unknown) => void) & { reason(reason: string): (desc: string, fn: () => unknown) => void };
type SkipCase = ((desc: string, filter: number, fn: UserFunction) => void) & {
  reason(reason: string): (desc: string, filter: number, fn: UserFunction) => void;
};

/** A skipped suite is not registered at all (hypium without `-s skipMessage`). */
export const xdescribe: SkipSuite = Object.assign((desc: string) => { registry.xdescribe(desc, null); }, {
  reason: (reason: string) => (desc: string) => {
    registry.xdescribe(desc, reason);
  },
});

export const xit: SkipCase = Object.assign((desc: string) => { registry.xit(desc, null); }, {
  reason: (reason: string) => (desc: string) => {
    registry.xit(desc, reason);
  },
});

export function beforeAll(fn: UserFunction): void {
  registry.hook('beforeAll', fn);
}
export function afterAll(fn: UserFunction): void {
  registry.hook('afterAll', fn);
}
export function beforeEach(fn: UserFunction): void {
  registry.hook('beforeEach', fn);
}
export function afterEach(fn: UserFunction): void {
  registry.hook('afterEach', fn);
}
export function beforeEachIt(fn: UserFunction): void {
  registry.hook('beforeEachIt', fn);
}
export function afterEachIt(fn: UserFunction): void {
  registry.hook('afterEachIt', fn);
}
export function beforeItSpecified(names: string | readonly string[], fn: UserFunction): void {
  registry.hookSpecified('beforeItSpecified', names, fn);
}
export function afterItSpecified(names: string | readonly string[], fn: UserFunction): void {
  registry.hookSpecified('afterItSpecified', names, fn);
}

const context = new Map<string, unknown>();

export class Hypium {
  /** On the device the test ability calls this; here it just registers the suites. */
  static hypiumTest(_delegator: unknown, _args: unknown, testsuite: () => void): void {
    testsuite();
  }
  static set(key: string, value: unknown): void {
    context.set(key, value);
  }
  static get(key: string): unknown {
    return context.get(key);
  }
  static registerAssert(fn: Parameters<typeof registerAssert>[0]): void {
    registerAssert(fn);
  }
  static unregisterAssert(nameOrFn: Parameters<typeof unregisterAssert>[0]): void {
    unregisterAssert(nameOrFn);
  }
  static setData(): void {
    throw unavailableError('Hypium.setData');
  }
  static setTimeConfig(): void {
    // The device uses it to align hypium's clock with the host; Node's clock needs nothing.
  }
  static hypiumWorkerTest(): void {
    throw unavailableError('Hypium.hypiumWorkerTest');
  }
  static hypiumInitWorkers(): void {
    throw unavailableError('Hypium.hypiumInitWorkers');
  }
}

function unavailableError(what: string): Error {
  return new Error(`${what} (@ohos/hypium) is not available on Node.js in ohos-test`);
}

export class SysTestKit {
  static getDescribeName(): string {
    return registry.runningSuite?.description ?? '';
  }
  static getItName(): string {
    return registry.runningSpec?.description ?? '';
  }
  static getItAttribute(): number {
    return registry.runningSpec?.filter ?? 0;
  }
}

export const MockKit: unknown = unavailable('MockKit', '@ohos/hypium');
export const when: unknown = unavailable('when', '@ohos/hypium');
export const ArgumentMatchers: unknown = unavailable('ArgumentMatchers', '@ohos/hypium');
export const DataDriver: unknown = unavailable('DataDriver', '@ohos/hypium');
