/**
 * What a device module member that ohos-test does not provide turns into: any use of it (property,
 * call, `new`) throws an Error naming the member and its module, instead of failing later with an
 * unrelated TypeError.
 */
export class NotAvailableError extends Error {
  constructor(what: string, moduleName: string) {
    super(`${what} (${moduleName}) is not available on Node.js in ohos-test`);
    this.name = 'NotAvailableError';
  }
}

/** A stand-in for an absent member: throws on every use except the inspection Node itself does. */
export function unavailable(what: string, moduleName: string): never {
  const fail = (): never => {
    throw new NotAvailableError(what, moduleName);
  };
  const target = function notAvailable(): void {
    fail();
  };
  return new Proxy(target, {
    get(_t, key) {
      // Node's inspector and promise resolution probe these; answering keeps console.log(x) and `await x` sane.
      if (typeof key === 'symbol' || key === 'then' || key === 'inspect') return undefined;
      return fail();
    },
    apply: fail,
    construct: fail,
  }) as never;
}

/** A module namespace object that holds `provided` and throws NotAvailableError for any other name. */
export function partial<T extends object>(moduleName: string, prefix: string, provided: T): T {
  return new Proxy(provided, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target || key === 'then' || key === 'toJSON') return Reflect.get(target, key, receiver) as unknown;
      throw new NotAvailableError(`${prefix}.${key}`, moduleName);
    },
  });
}
