/**
 * Where the response goes: stdout, or a file opened at the first byte (as curl opens -o files), so a
 * request is made even when the file cannot be written, and the failure is curl's 23, not a crash.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export class Output {
  readonly #file: string | undefined;
  readonly #onError: (err: Error) => void;
  #fd: number | undefined;
  #error: Error | undefined;

  /** `file` undefined or `-`: stdout. `onError` is called once, at the first write that fails. */
  constructor(file: string | undefined, onError: (err: Error) => void) {
    this.#file = file === '-' ? undefined : file;
    this.#onError = onError;
    if (this.#file === undefined) {
      process.stdout.on('error', (err: Error) => {
        this.#fail(err);
      });
    }
  }

  get failed(): Error | undefined {
    return this.#error;
  }

  write(bytes: Buffer | string): void {
    if (this.#error !== undefined) return;
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    if (this.#file === undefined) {
      process.stdout.write(buf);
      return;
    }
    try {
      this.#fd ??= openSync(this.#file, 'w');
      // Synchronous writes hold the event loop, so the socket is read no faster than the disk takes it.
      writeSync(this.#fd, buf);
    } catch (err) {
      this.#fail(err as Error);
    }
  }

  /** Creates the file even for an empty body, as curl does; returns the first failure, if any. */
  close(): Error | undefined {
    if (this.#file !== undefined && this.#error === undefined) {
      try {
        this.#fd ??= openSync(this.#file, 'w');
      } catch (err) {
        this.#fail(err as Error);
      }
    }
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    return this.#error;
  }

  #fail(err: Error): void {
    if (this.#error !== undefined) return;
    this.#error = err;
    this.#onError(err);
  }
}
