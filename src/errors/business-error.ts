import { messageOf, releaseCode } from './codes.js';

/**
 * The error object handed to callbacks and promise rejections. As on the device, its only enumerable
 * own properties are the numeric `code` and the exact `message`, so `JSON.stringify(err)`,
 * `Object.keys(err)` and `{ ...err }` print those two. It is an `Error` (with a non-enumerable
 * `stack` and, on the prototype, `name`) only so that Node's report of an unhandled rejection shows
 * `BusinessError: <message>` and the code instead of `#<Object>`. The Node/undici error that caused
 * it rides along as a non-enumerable `cause`.
 */
export interface RequestError {
  code: number;
  message: string;
  readonly cause?: unknown;
}

class BusinessError extends Error implements RequestError {
  declare code: number;
  declare message: string;

  constructor(code: number, cause: unknown) {
    super();
    // Defined in this order, enumerable, as the device's plain object lists them.
    Object.defineProperty(this, 'code', { value: code, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(this, 'message', { value: messageOf(code), enumerable: true, writable: true, configurable: true });
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
    // Taken again now that the message is set: the first line of the stack names the failure.
    Error.captureStackTrace(this, requestError);
  }
}
Object.defineProperty(BusinessError.prototype, 'name', { value: 'BusinessError', enumerable: false, writable: true, configurable: true });

export function requestError(deviceCode: number, cause?: unknown): RequestError {
  return new BusinessError(releaseCode(deviceCode), cause);
}

/** Thrown errors (on/off, requestSync, interceptor chains) are real `Error`s with a string code, as on the device. */
export function thrownError(code: number | string, cause?: unknown): Error & { code: string } {
  const err = new Error(messageOf(Number(code)), cause === undefined ? undefined : { cause }) as Error & { code: string };
  err.code = String(code);
  return err;
}

/** Marks a failure whose device code is already known, so the mapper does not have to guess. */
export class CodedFailure extends Error {
  readonly curlCode: number | undefined;
  readonly deviceCode: number | undefined;
  constructor(reason: string, codes: { curl?: number; device?: number }, cause?: unknown) {
    super(reason, cause === undefined ? undefined : { cause });
    this.name = 'CodedFailure';
    this.curlCode = codes.curl;
    this.deviceCode = codes.device;
  }
}
