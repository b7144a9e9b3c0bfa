/** `@kit.ArkTS` as far as ohos-test provides it: util, buffer, url; the kit's other modules throw on use. */
import { unavailable } from './unavailable.js';

export { util } from './util.js';
export { buffer } from './buffer.js';
export { url } from './url.js';

const KIT = '@kit.ArkTS';
export const taskpool: unknown = unavailable('taskpool', KIT);
export const worker: unknown = unavailable('worker', KIT);
export const collections: unknown = unavailable('collections', KIT);
export const ArkTSUtils: unknown = unavailable('ArkTSUtils', KIT);
export const process: unknown = unavailable('process', KIT);
export const uri: unknown = unavailable('uri', KIT);
export const xml: unknown = unavailable('xml', KIT);
export const convertxml: unknown = unavailable('convertxml', KIT);
export const json: unknown = unavailable('json', KIT);
export const HashMap: unknown = unavailable('HashMap', KIT);
export const ArrayList: unknown = unavailable('ArrayList', KIT);
export const LinkedList: unknown = unavailable('LinkedList', KIT);
export const HashSet: unknown = unavailable('HashSet', KIT);
export const Deque: unknown = unavailable('Deque', KIT);
export const Queue: unknown = unavailable('Queue', KIT);
export const Stack: unknown = unavailable('Stack', KIT);
export const TreeMap: unknown = unavailable('TreeMap', KIT);
export const TreeSet: unknown = unavailable('TreeSet', KIT);
export const LightWeightMap: unknown = unavailable('LightWeightMap', KIT);
export const LightWeightSet: unknown = unavailable('LightWeightSet', KIT);
export const PlainArray: unknown = unavailable('PlainArray', KIT);
export const List: unknown = unavailable('List', KIT);
export const stream: unknown = unavailable('stream', KIT);
