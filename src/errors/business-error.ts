import { messageOf, releaseCode } from './codes.js';

/**
 * The error object handed to callbacks and promise rejections: a plain object with enumerable
 * numeric `code` and exact `message`, as on the device, so `JSON.stringify(err)` prints both.
 * The Node/undici error that caused it rides along as a non-enumerable `cause`.
 */
export interface RequestError {
  code: number;
  message: string;
  readonly cause?: unknown;
}

export function requestError(deviceCode: number, cause?: unknown): RequestError {
  const code = releaseCode(deviceCode);
  const err: RequestError = { code, message: messageOf(code) };
  if (cause !== undefined) Object.defineProperty(err, 'cause', { value: cause, enumerable: false, configurable: true });
  return err;
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
