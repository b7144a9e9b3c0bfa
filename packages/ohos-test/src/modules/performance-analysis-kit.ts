/** `@kit.PerformanceAnalysisKit`: hilog; the kit's other modules throw on use. */
import { unavailable } from './unavailable.js';

export { hilog } from './hilog.js';

const KIT = '@kit.PerformanceAnalysisKit';
export const hiTraceMeter: unknown = unavailable('hiTraceMeter', KIT);
export const hiAppEvent: unknown = unavailable('hiAppEvent', KIT);
export const hidebug: unknown = unavailable('hidebug', KIT);
export const faultLogger: unknown = unavailable('faultLogger', KIT);
export const hiTraceChain: unknown = unavailable('hiTraceChain', KIT);
export const hichecker: unknown = unavailable('hichecker', KIT);
