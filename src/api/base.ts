/**
 * The `@ohos.base` callback and error types, declared the way the device SDK declares them so that
 * HarmonyOS code type-checks unchanged. On success the device passes `undefined` as `err`, even though
 * the declared parameter type is not optional.
 * @module
 */

/**
 * Error delivered by device APIs: an `Error` with a numeric `code` (e.g. `401`, `2300028`).
 * @typeParam T - type of the optional extra `data`.
 * @since 6
 */
export interface BusinessError<T = void> extends Error {
  /** Numeric error code, e.g. `401` (parameter error) or `2300000 + curl code`. @since 6 */
  code: number;
  /** Extra payload of the error, when the API defines one. @since 9 */
  data?: T;
}

/**
 * Node-style callback: `(err, data)`. On success `err` is `undefined` at run time.
 * @typeParam T - success value.
 * @typeParam E - type of `err.data`.
 * @since 6
 */
export type AsyncCallback<T, E = void> = (err: BusinessError<E>, data: T) => void;

/** Listener that receives a single value. @since 6 */
export type Callback<T> = (data: T) => void;

/** Listener that receives an error only. @since 6 */
export type ErrorCallback<T extends Error = BusinessError> = (err: T) => void;
