/**
 * `node --import ohos-net-http/register app.mjs` (or `--require ohos-net-http/register app.cjs`):
 * lets unmodified HarmonyOS code load `@ohos.net.http`, `@kit.NetworkKit` and `@ohos.base`, with
 * `import` or `require`, resolved to this package's own entry points (so `@ohos.net.http` and
 * `ohos-net-http` are one module instance).
 */
import Module, { createRequire, register } from 'node:module';
import { ALIASES, aliasOf } from './register-aliases.js';

/** The device module names this hook resolves (for tools that chain their own hooks in front of it). */
export const deviceModules: readonly string[] = Object.freeze(Object.keys(ALIASES));

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const CommonJS = Module as unknown as { _resolveFilename: ResolveFilename };
// One install per process, even when both --require and --import name this module.
const INSTALLED = Symbol.for('ohos-net-http.register');
const state = globalThis as { [INSTALLED]?: true };

if (state[INSTALLED] === undefined) {
  state[INSTALLED] = true;
  // `import`: a resolve hook on the loader thread.
  register('./register-hooks.mjs', import.meta.url);
  // `require`: Node 20 has no synchronous hook API (module.registerHooks is Node 22.15+), so
  // the CommonJS resolver is wrapped, as module-alias and tsconfig-paths do.
  const self = createRequire(import.meta.url);
  const resolveFilename = CommonJS._resolveFilename;
  CommonJS._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    const target = aliasOf(request);
    return target === undefined ? resolveFilename.call(this, request, ...rest) : self.resolve(target);
  };
}
