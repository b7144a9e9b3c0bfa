/** `@kit.NetworkKit` as far as HTTP goes: `import { http } from '@kit.NetworkKit'`. */
import * as http from './namespace.js';

export { http };
