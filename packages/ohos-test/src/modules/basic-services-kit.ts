/**
 * `@kit.BasicServicesKit`: network test code imports its types (BusinessError, AsyncCallback), which
 * the transpiler erases; the kit's modules throw on use.
 */
import { unavailable } from './unavailable.js';

const KIT = '@kit.BasicServicesKit';
export const request: unknown = unavailable('request', KIT);
export const systemDateTime: unknown = unavailable('systemDateTime', KIT);
export const deviceInfo: unknown = unavailable('deviceInfo', KIT);
export const commonEventManager: unknown = unavailable('commonEventManager', KIT);
export const pasteboard: unknown = unavailable('pasteboard', KIT);
export const power: unknown = unavailable('power', KIT);
export const batteryInfo: unknown = unavailable('batteryInfo', KIT);
export const settings: unknown = unavailable('settings', KIT);
export const zlib: unknown = unavailable('zlib', KIT);
export const print: unknown = unavailable('print', KIT);
export const emitter: unknown = unavailable('emitter', KIT);
export const osAccount: unknown = unavailable('osAccount', KIT);
