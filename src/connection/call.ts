/** Argument reading and result delivery shared by the `connection` functions. */
import type { NetHandle } from '../api/connection-types.js';

/** The error shape the device delivers: enumerable numeric `code` and `message`, nothing else. */
export interface ConnectionError {
  code: number;
  message: string;
}

const MESSAGES: Readonly<Record<number, string>> = {
  401: 'Parameter error.',
  2100001: 'Invalid parameter value.',
  2100003: 'System internal error.',
};
export const PARAMETER_ERROR = 401;
export const INVALID_VALUE = 2100001;
export const INTERNAL_ERROR = 2100003;

/** A failure with a device code, thrown inside this module; callers get it as a {@link ConnectionError}. */
export class ConnectionFailure extends Error {
  readonly code: number;
  constructor(code: number, cause?: unknown) {
    super(MESSAGES[code] ?? 'System internal error.', cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

export function connectionError(code: number, cause?: unknown): ConnectionFailure {
  return new ConnectionFailure(code, cause);
}

/** The delivered form: a plain object with the two enumerable fields, the cause riding along unlisted. */
function delivered(e: unknown): ConnectionError {
  const failure = e instanceof ConnectionFailure ? e : new ConnectionFailure(INTERNAL_ERROR, e);
  const err: ConnectionError = { code: failure.code, message: failure.message };
  if (failure.cause !== undefined) Object.defineProperty(err, 'cause', { value: failure.cause, enumerable: false, configurable: true });
  return err;
}

type NodeCallback<T> = (err: ConnectionError | undefined, data: T | undefined) => void;

/**
 * `fn(...args, callback?)`: the callback form when the last argument is a function, else a promise.
 * `work` runs after the caller's turn either way, as on the device, and its failure (a thrown
 * ConnectionError or any other error, as 2100003) is delivered the same way as its result.
 */
export function deliver<T>(args: readonly unknown[], arity: number, work: (...args: unknown[]) => T | Promise<T>): Promise<T> | undefined {
  const last = args[args.length - 1];
  const callback = args.length === arity + 1 && typeof last === 'function' ? (last as NodeCallback<T>) : undefined;
  const params = callback === undefined ? args : args.slice(0, -1);
  const outcome = Promise.resolve().then(() => work(...params));
  if (callback === undefined) return outcome.catch((e: unknown) => Promise.reject(delivered(e)));
  outcome.then(
    (data) => { queueMicrotask(() => { callback(undefined, data); }); },
    (e: unknown) => { queueMicrotask(() => { callback(delivered(e), undefined); }); },
  );
  return undefined;
}

/** The `netHandle` argument: an object with a numeric `netId`, else 401. */
export function readHandle(value: unknown): NetHandle {
  if (typeof value !== 'object' || value === null || typeof (value as { netId?: unknown }).netId !== 'number') {
    throw connectionError(PARAMETER_ERROR);
  }
  return value as NetHandle;
}

/** A host name argument: a non-empty string, else 401. */
export function readHost(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw connectionError(PARAMETER_ERROR);
  return value;
}

/** Runs a synchronous member: its failure is thrown as an `Error` with the numeric device code. */
export function runSync<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw e instanceof ConnectionFailure ? e : new ConnectionFailure(INTERNAL_ERROR, e);
  }
}
