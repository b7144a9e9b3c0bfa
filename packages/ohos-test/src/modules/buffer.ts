/**
 * `@ohos.buffer` on Node.js: the device module follows Node's Buffer API (from, alloc, concat,
 * byteLength, compare, transcode, and the Buffer methods), so Node's implementation serves it.
 */
import * as node from 'node:buffer';
import { partial } from './unavailable.js';

export const Buffer = node.Buffer;
export const Blob = node.Blob;
export const from = node.Buffer.from.bind(node.Buffer);
export const alloc = node.Buffer.alloc.bind(node.Buffer);
export const allocUninitialized = node.Buffer.allocUnsafeSlow.bind(node.Buffer);
export const allocUninitializedFromPool = node.Buffer.allocUnsafe.bind(node.Buffer);
export const byteLength = node.Buffer.byteLength.bind(node.Buffer);
export const compare = node.Buffer.compare.bind(node.Buffer);
export const concat = node.Buffer.concat.bind(node.Buffer);
export const isBuffer = node.Buffer.isBuffer.bind(node.Buffer);
export const isEncoding = node.Buffer.isEncoding.bind(node.Buffer);
export const transcode = node.transcode;

const api = { Buffer, Blob, from, alloc, allocUninitialized, allocUninitializedFromPool, byteLength, compare, concat, isBuffer, isEncoding, transcode };
export const buffer = partial('@ohos.buffer', 'buffer', api);
export default buffer;
