/**
 * `@ohos.net.connection` for Node.js: `import connection from 'ohos-net-http/connection'` (or, under
 * `ohos-net-http/register`, from `'@ohos.net.connection'`). Named imports work too.
 * @module
 */
import * as connection from './namespace.js';

export default connection;
export * from './namespace.js';
export { connection };
