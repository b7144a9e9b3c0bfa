/**
 * `@ohos.url` on Node.js: the device's URL (WHATWG parsing, plus `URL.parseURL` and `params`) and
 * URLParams, over Node's URL and URLSearchParams.
 */
import { businessError, parameterError } from './business-error.js';
import { partial } from './unavailable.js';

export class URLParams extends globalThis.URLSearchParams {}

export class URL extends globalThis.URL {
  /** The device's way to build a URL: an invalid one throws BusinessError 10200002. */
  static parseURL(input: string, base?: string | URL): URL {
    if (typeof input !== 'string') throw parameterError('Incorrect parameter types.');
    try {
      return base === undefined ? new URL(input) : new URL(input, base);
    } catch {
      throw businessError(10200002, 'Invalid url string.');
    }
  }

  get params(): URLParams {
    return new URLParams(this.search);
  }
}

const api = { URL, URLParams, URLSearchParams: URLParams };
export const url = partial('@ohos.url', 'url', api);
export default url;
