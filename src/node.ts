/**
 * `ohos-net-http/node`: the few Node-only settings that a device takes from its system.
 * Nothing here is needed to run device code; it exists for tests and servers.
 */
import type { Dispatcher } from 'undici';
import type { HttpProxy } from './api/types.js';
import { settings } from './config.js';
import { rereadProxyEnvironment } from './transport/proxy.js';

export interface ConfigureOptions {
  /**
   * Proxy used when a request's `usingProxy` is absent or `true`; `null` = none; `undefined` = the environment as
   * curl reads it (`http_proxy`, `https_proxy`/`HTTPS_PROXY`, `all_proxy`/`ALL_PROXY`, `no_proxy`/`NO_PROXY`),
   * read at the first request after this call.
   */
  defaultProxy?: HttpProxy | null | undefined;
  /** Directory where `HttpResponseCache` persists (default `$OHOS_NET_HTTP_CACHE_DIR`, else `$XDG_CACHE_HOME/ohos-net-http`, else `~/.cache/ohos-net-http`). */
  cacheDir?: string;
  /** `false` makes every request fail with 201 "Permission denied", like a device app without INTERNET permission. */
  internetPermission?: boolean;
  /** Send every request through this undici dispatcher (e.g. a `MockAgent`); `undefined` restores the built-in pools. */
  dispatcher?: Dispatcher | undefined;
}

/** Changes the given settings for the whole process; keys left out keep their current value. */
export function configure(options: ConfigureOptions): void {
  if ('defaultProxy' in options) {
    settings.defaultProxy = options.defaultProxy;
    // Proxy variables are read from the environment once, at the first request after this call.
    rereadProxyEnvironment();
  }
  if (options.cacheDir !== undefined) settings.cacheDir = options.cacheDir;
  if (options.internetPermission !== undefined) settings.internetPermission = options.internetPermission;
  if ('dispatcher' in options) settings.dispatcher = options.dispatcher;
}

/** The settings in force now (a copy). */
export function currentSettings(): Readonly<typeof settings> {
  return { ...settings };
}
