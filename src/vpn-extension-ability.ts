/**
 * Stands for `@ohos.app.ability.VpnExtensionAbility` under the register hook: the default export and
 * `VpnExtensionContext` exist so that imports link; any use throws code 801 (not available on Node.js).
 * @module
 */
import { VpnExtensionAbility, VpnExtensionContext } from './kit.js';

export default VpnExtensionAbility;
export { VpnExtensionContext };
