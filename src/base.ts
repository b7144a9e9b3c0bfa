/** `@ohos.base`: the callback and error types that device code imports alongside `http`. */
export type { AsyncCallback, BusinessError, Callback, ErrorCallback } from './api/base.js';
