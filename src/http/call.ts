import { requestError, type RequestError } from '../errors/business-error.js';
import { PARAMETER_ERROR } from '../errors/codes.js';

export type Callback<T> = (err: RequestError | undefined, data: T | undefined) => void;

/** The arguments of request()/requestInStream() as the device reads them. */
export interface Call<T> {
  readonly url: string;
  readonly options: object | undefined;
  readonly callback: Callback<T> | undefined;
  /** Set when the shape is not one the device accepts. */
  readonly invalid: boolean;
}

/**
 * Accepted shapes: (url), (url, cb), (url, options), (url, options, cb) — by JS type only.
 * A function in the last position is taken as the callback even when the call is invalid, so the
 * 401 reaches it; `null` and an explicit `undefined` are not options objects.
 */
export function readCall<T>(args: readonly unknown[]): Call<T> {
  const n = args.length;
  const last = args[n - 1];
  const callback = n >= 1 && n <= 3 && typeof last === 'function' ? (last as Callback<T>) : undefined;
  const [url, second] = args;
  let invalid = typeof url !== 'string';
  let options: object | undefined;
  if (n === 2 && callback === undefined) {
    if (typeof second === 'object' && second !== null) options = second;
    else invalid = true;
  } else if (n === 3) {
    if (typeof second === 'object' && second !== null && callback !== undefined) options = second;
    else invalid = true;
  } else if (n === 0 || n > 3) {
    invalid = true;
  }
  return { url: invalid ? '' : (url as string), options, callback, invalid };
}

/** Settles a call: through its callback on a later microtask, or through the returned promise. */
export function settleLater<T>(callback: Callback<T> | undefined, err: RequestError | undefined, data?: T): Promise<T> | undefined {
  if (callback !== undefined) {
    queueMicrotask(() => { callback(err, err === undefined ? data : undefined); });
    return undefined;
  }
  return err === undefined ? Promise.resolve(data as T) : Promise.reject(err);
}

export function parameterError(): RequestError {
  return requestError(PARAMETER_ERROR);
}
