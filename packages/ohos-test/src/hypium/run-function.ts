/**
 * Wraps a case body or hook the way hypium does (src/service.js, processFunc and getFuncWithArgs*):
 * the function's declared arity decides the protocol. No parameter: it is awaited. One or more:
 * the first is `done`, and the case ends only when `done()` is called (a throw or a rejected promise
 * still ends it). Either way a timer fails it with `execute timeout <ms>ms`.
 */
import type { Runnable, UserFunction } from './tree.js';

export function wrapFunction(fn: UserFunction, timeout: number): Runnable {
  const takesDone = fn.length >= 1;
  const call = fn as (...args: unknown[]) => unknown;
  return () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`execute timeout ${timeout}ms`));
      }, timeout);
      const finish = (error?: unknown): void => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const done = (): void => {
        finish();
      };
      let returned: unknown;
      try {
        returned = takesDone ? call(done, {}) : call();
      } catch (error) {
        finish(error ?? new Error(String(error)));
        return;
      }
      Promise.resolve(returned).then(
        () => {
          if (!takesDone) finish();
        },
        (error: unknown) => {
          finish(error ?? new Error(String(error)));
        },
      );
    });
}
