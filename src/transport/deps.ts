import type * as Undici from 'undici';
import type * as ToughCookie from 'tough-cookie';

/**
 * undici and tough-cookie, loaded on the first request rather than at import: together they are
 * most of the package's import time, and a program that only imports it (or prints --help) should
 * not pay for them.
 */
interface Deps {
  readonly undici: typeof Undici;
  readonly cookies: typeof ToughCookie;
}

let deps: Deps | undefined;
let loading: Promise<Deps> | undefined;

/** The loaded modules; only valid after `depsReady()` (every request path waits for `loadDeps()` first). */
export function loaded(): Deps {
  if (deps === undefined) throw new Error('ohos-net-http: transport modules used before they were loaded');
  return deps;
}

export function depsReady(): boolean {
  return deps !== undefined;
}

export function loadDeps(): Promise<Deps> {
  loading ??= Promise.all([import('undici'), import('tough-cookie')]).then(([undici, cookies]) => (deps = { undici, cookies }));
  return loading;
}
