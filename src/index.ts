/**
 * ohos-net-http: the `@ohos.net.http` namespace for Node.js.
 * `import http from 'ohos-net-http'` gives the device's `http` object; named imports work too.
 */
import * as http from './namespace.js';

export default http;
export * from './namespace.js';
export { http };
export type { AsyncCallback, BusinessError, Callback, ErrorCallback } from './api/base.js';
