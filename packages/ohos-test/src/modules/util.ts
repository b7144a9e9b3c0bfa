/**
 * `@ohos.util` on Node.js: TextEncoder/TextDecoder (the device's method names over Node's WHATWG
 * codecs), promisify, format, generateRandomUUID. Any other member throws NotAvailableError.
 */
import { randomUUID } from 'node:crypto';
import { format as nodeFormat, TextDecoder as NodeTextDecoder } from 'node:util';
import { parameterError } from './business-error.js';
import { NotAvailableError, partial } from './unavailable.js';

export class TextEncoder {
  readonly encoding: string;
  readonly #encoder = new globalThis.TextEncoder();

  constructor(encoding = 'utf-8') {
    if (typeof encoding !== 'string') throw parameterError('Incorrect parameter types.');
    const name = encoding.toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8') throw new NotAvailableError(`util.TextEncoder for ${encoding}`, '@ohos.util');
    this.encoding = 'utf-8';
  }

  static create(encoding?: string): TextEncoder {
    return new TextEncoder(encoding);
  }

  /** The device's encodeInto returns the bytes (unlike the WHATWG method of the same name). */
  encodeInto(input = ''): Uint8Array {
    return this.#encoder.encode(String(input));
  }

  encode(input = ''): Uint8Array {
    return this.encodeInto(input);
  }

  encodeIntoUint8Array(input: string, dest: Uint8Array): { read: number; written: number } {
    if (!(dest instanceof Uint8Array)) throw parameterError('Incorrect parameter types.');
    return this.#encoder.encodeInto(String(input), dest);
  }
}

interface DecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

export class TextDecoder {
  readonly #decoder: NodeTextDecoder;

  constructor(encoding = 'utf-8', options: DecoderOptions = {}) {
    if (typeof encoding !== 'string') throw parameterError('Incorrect parameter types.');
    try {
      this.#decoder = new NodeTextDecoder(encoding, { fatal: options.fatal === true, ignoreBOM: options.ignoreBOM === true });
    } catch {
      throw parameterError(`Wrong encoding format, the current encoding format is not support.`);
    }
  }

  static create(encoding?: string, options?: DecoderOptions): TextDecoder {
    return new TextDecoder(encoding, options);
  }

  get encoding(): string {
    return this.#decoder.encoding;
  }
  get fatal(): boolean {
    return this.#decoder.fatal;
  }
  get ignoreBOM(): boolean {
    return this.#decoder.ignoreBOM;
  }

  decodeToString(input: Uint8Array, options: { stream?: boolean } = {}): string {
    if (!(input instanceof Uint8Array)) throw parameterError('Incorrect parameter types.');
    return this.#decoder.decode(input, { stream: options.stream === true });
  }

  decodeWithStream(input: Uint8Array, options: { stream?: boolean } = {}): string {
    return this.decodeToString(input, options);
  }
}

type NodeCallback = (err: unknown, value?: unknown) => void;

/** The callback's first argument rejects when truthy; otherwise the second resolves. */
export function promisify(original: (...args: never[]) => void): (...args: unknown[]) => Promise<unknown> {
  if (typeof original !== 'function') throw parameterError('Incorrect parameter types.');
  const call = original as (...args: unknown[]) => void;
  return (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      const callback: NodeCallback = (err, value) => {
        if (err) reject(err);
        else resolve(value);
      };
      call(...args, callback);
    });
}

/** printf-like formatting: %s %d %i %f %j %o %O %c %%. */
export function format(template: string, ...args: unknown[]): string {
  return nodeFormat(template, ...args);
}

export function generateRandomUUID(_entropyCache?: boolean): string {
  return randomUUID();
}

const api = { TextEncoder, TextDecoder, promisify, format, generateRandomUUID };
export const util = partial('@ohos.util', 'util', api);
export default util;
