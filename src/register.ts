/**
 * `node --import ohos-net-http/register app.mjs`: lets unmodified HarmonyOS code import
 * `@ohos.net.http`, `@kit.NetworkKit` and `@ohos.base`, resolved to this package's own modules
 * (so `import http from '@ohos.net.http'` and `import http from 'ohos-net-http'` are one instance).
 */
import { register } from 'node:module';

register('./register-hooks.js', import.meta.url);
