/**
 * Installs the hooks: ohos-net-http's register hook first (it serves `@ohos.net.http`,
 * `@kit.NetworkKit`, `@ohos.base`, `@ohos.net.connection` and the kit's other module names), then
 * this package's, which runs before it and hands the names the client lists on. Source maps are switched on so that stack traces show `.ets` lines.
 */
import { register } from 'node:module';

export async function installLoader(transpiler?: string): Promise<void> {
  process.setSourceMapsEnabled(true);
  const { deviceModules } = await import('ohos-net-http/register');
  register('./hooks.js', { parentURL: import.meta.url, data: { transpiler, clientModules: deviceModules } });
}
