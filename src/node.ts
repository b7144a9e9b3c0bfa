/**
 * `ohos-net-http/node`: the few Node-only settings that a device takes from its system.
 * Nothing here is needed to run device code; it exists for tests and servers.
 */
import type { Dispatcher } from 'undici';
import type { HttpProxy, HttpRequest } from './api/types.js';
import { settings } from './config.js';
import { releaseNumber } from './errors/releases.js';
import { setHeadListener, type HeadListener } from './http/heads.js';
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
  /**
   * The device release to behave as where releases differ: `'newest'` (default), or an OpenHarmony release such as
   * `'6.0'`. Up to 6.0 the error messages are libcurl's texts (`Couldn't connect to server`, `Timeout was reached`,
   * …) and 2300999 reads `Unknown Other Error`; 6.1 introduced the current texts. Codes a release did not list yet
   * (2300090 before 4.1, 2300998 before 5.0, 2300997 before 5.1) are reported as 2300999 there, and before 6.1 an
   * `HttpProxy`'s username and password are not sent to the proxy.
   */
  deviceRelease?: string;
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
  if (options.deviceRelease !== undefined) {
    releaseNumber(options.deviceRelease);
    settings.deviceRelease = options.deviceRelease;
  }
}

export type { ResponseHead } from './transport/head.js';

/**
 * Calls `listener` with every response head that `httpRequest`'s later transfers receive, before their
 * `headersReceive`: each redirect hop's status line (version, code, reason phrase) and header lines as sent.
 * The device API has no such view (it merges every hop into one `header` object); this exists for tools
 * such as the `ohos-http` command line. `undefined` removes the listener.
 */
export function onResponseHead(httpRequest: HttpRequest, listener: HeadListener | undefined): void {
  if (typeof httpRequest !== 'object' || (httpRequest as unknown) === null) throw new TypeError('onResponseHead needs an HttpRequest');
  if (listener !== undefined && typeof listener !== 'function') throw new TypeError('onResponseHead: listener must be a function');
  setHeadListener(httpRequest, listener);
}

/** The settings in force now (a copy). */
export function currentSettings(): Readonly<typeof settings> {
  return { ...settings };
}
