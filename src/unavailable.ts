/**
 * Members of the device's network kit that have no Node.js counterpart. They exist, so that device code
 * links and type-checks, and fail on use with a clear error (code 801, the device's "capability not
 * supported"), thrown at the call: never a silent empty result.
 * @module
 */

/** Code the device uses for a capability the system does not have. */
export const NOT_SUPPORTED = 801;

/** The error a member that does not exist on Node throws. */
export function notAvailable(member: string): Error & { code: number } {
  const err = new Error(`Capability not supported: ${member} is not available on Node.js (ohos-net-http)`) as Error & { code: number };
  err.code = NOT_SUPPORTED;
  return err;
}

/** A function that throws {@link notAvailable} for `member` whenever it is called. */
export function unavailableFunction(member: string): (...args: unknown[]) => never {
  const fn = (): never => {
    throw notAvailable(member);
  };
  Object.defineProperty(fn, 'name', { value: member.slice(member.lastIndexOf('.') + 1) });
  return fn;
}

/** A module with nothing in it on Node.js: every member read throws {@link notAvailable}. */
export type UnavailableModule = Readonly<Record<string, never>>;

// Reads that are not a use of the module: awaiting it, JSON, Node's own inspection, and the
// CommonJS interop check compiled code makes on a required module.
const HARMLESS = new Set(['then', 'toJSON', 'constructor', 'inspect', '__esModule']);

/** A module object (e.g. `webSocket`) whose every member throws when read. */
export function unavailableModule(name: string): UnavailableModule {
  const target = Object.freeze(Object.create(null) as object);
  return new Proxy(target, {
    get(_target, key) {
      if (typeof key === 'symbol' || HARMLESS.has(key)) return undefined;
      throw notAvailable(`${name}.${key}`);
    },
  }) as UnavailableModule;
}
