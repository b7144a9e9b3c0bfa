import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import type { HttpProxy } from './api/types.js';

/**
 * Process-wide stand-ins for what the device takes from its system settings. Written only by
 * `configure()` in `ohos-net-http/node`; read by the request path.
 */
export interface NodeSettings {
  /** The default proxy (`usingProxy` absent or `true`); `undefined` = read the environment as curl does, `null` = none. */
  defaultProxy: HttpProxy | null | undefined;
  /** Where `HttpResponseCache` persists its entries. */
  cacheDir: string;
  /** `false` makes every request fail with 201, as on a device without ohos.permission.INTERNET. */
  internetPermission: boolean;
  /** Routes every request through this dispatcher (e.g. undici's MockAgent); `undefined` = our own pools. */
  dispatcher: Dispatcher | undefined;
  /** The device release whose error texts and codes are reported: 'newest' or e.g. '6.0' (checked by configure()). */
  deviceRelease: string;
}

function defaultCacheDir(): string {
  const env = process.env;
  if (env.OHOS_NET_HTTP_CACHE_DIR !== undefined && env.OHOS_NET_HTTP_CACHE_DIR !== '') return env.OHOS_NET_HTTP_CACHE_DIR;
  if (env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '') return join(env.XDG_CACHE_HOME, 'ohos-net-http');
  return join(homedir(), '.cache', 'ohos-net-http');
}

export const settings: NodeSettings = {
  defaultProxy: undefined,
  cacheDir: defaultCacheDir(),
  internetPermission: true,
  dispatcher: undefined,
  deviceRelease: 'newest',
};
