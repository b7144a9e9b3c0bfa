/**
 * `@ohos.hilog` on Node.js: lines go to the console as `I A00001/tag: message`, the device's level
 * letter, `A` + the domain in five hex digits, and the tag. The format follows the device's JS
 * binding (hiviewdfx_hilog, hilog_napi_base.cpp): `%{public}s` prints the value, `%{private}d` and a
 * bare `%s` print `<private>` (a device's default privacy). Domains outside 0x0–0xFFFF are not
 * printed, tags are cut at 31 bytes, and levels below setMinLogLevel are dropped.
 */
import { partial } from './unavailable.js';

export enum LogLevel {
  DEBUG = 3,
  INFO = 4,
  WARN = 5,
  ERROR = 6,
  FATAL = 7,
}

const LETTERS: Readonly<Record<number, string>> = { 3: 'D', 4: 'I', 5: 'W', 6: 'E', 7: 'F' };
const MAX_TAG_BYTES = 31;
let minLevel: number = LogLevel.DEBUG;

interface Param {
  type: 'number' | 'string' | 'object' | 'other';
  text: string;
}

/** Each argument as the device's binding sees it: coerced to a string, remembering its JS type. */
function toParam(value: unknown): Param {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return { type: 'number', text: String(value) };
    case 'string':
    case 'boolean':
    case 'undefined':
      return { type: 'string', text: String(value) };
    case 'object':
      return value === null ? { type: 'string', text: 'null' } : { type: 'object', text: String(value) };
    default:
      return { type: 'other', text: '' };
  }
}

const ACCEPTS: Readonly<Record<string, Param['type']>> = { d: 'number', i: 'number', s: 'string', o: 'object', O: 'object' };

/**
 * hilog's formatting as its JS binding does it: `%d`/`%i` print numbers, `%s` strings, booleans,
 * null and undefined, `%o`/`%O` objects (as `String(obj)`); an argument of another type is
 * consumed but prints nothing. Without `{public}` a value prints as `<private>`. Once the
 * arguments run out, the rest of the format is copied as it is; with no arguments, all of it.
 */
export function formatHilog(format: string, args: readonly unknown[]): string {
  const params = (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args).map(toParam);
  if (params.length === 0) return format;
  let out = '';
  let pos = 0;
  let count = 0;
  for (; pos < format.length && count < params.length; pos++) {
    if (format[pos] !== '%') {
      out += format.charAt(pos);
      continue;
    }
    let isPrivate = true;
    if (format.startsWith('public', pos + 2) && pos + 8 < format.length) {
      pos += 8;
      isPrivate = false;
    } else if (format.startsWith('private', pos + 2) && pos + 9 < format.length) {
      pos += 9;
    }
    if (pos + 1 >= format.length) break;
    const kind = format[pos + 1] ?? '';
    const wanted = ACCEPTS[kind];
    if (wanted !== undefined) {
      const param = params[count++] as Param;
      if (param.type === wanted) out += isPrivate ? '<private>' : param.text;
      pos++;
    } else if (kind === '%') {
      out += '%';
      pos++;
    } else {
      out += '%';
    }
  }
  return pos < format.length ? out + format.slice(pos) : out;
}

function cutTag(tag: string): string {
  const bytes = Buffer.from(tag);
  return bytes.length <= MAX_TAG_BYTES ? tag : bytes.subarray(0, MAX_TAG_BYTES).toString('utf8').replace(/\uFFFD$/, '');
}

function print(level: LogLevel, domain: number, tag: string, format: string, args: unknown[]): void {
  if (!Number.isInteger(domain) || domain < 0 || domain > 0xffff || level < minLevel) return;
  const line = `${LETTERS[level] ?? '?'} A${domain.toString(16).padStart(5, '0')}/${cutTag(String(tag))}: ${formatHilog(String(format), args)}`;
  if (level >= LogLevel.ERROR) console.error(line);
  else if (level === LogLevel.WARN) console.warn(line);
  else console.info(line);
}

function isLoggable(domain: number, _tag: string, level: LogLevel): boolean {
  return Number.isInteger(domain) && domain >= 0 && domain <= 0xffff && level >= minLevel;
}

function setMinLogLevel(level: LogLevel): void {
  minLevel = level;
}

const api = {
  LogLevel,
  debug: (domain: number, tag: string, format: string, ...args: unknown[]) => { print(LogLevel.DEBUG, domain, tag, format, args); },
  info: (domain: number, tag: string, format: string, ...args: unknown[]) => { print(LogLevel.INFO, domain, tag, format, args); },
  warn: (domain: number, tag: string, format: string, ...args: unknown[]) => { print(LogLevel.WARN, domain, tag, format, args); },
  error: (domain: number, tag: string, format: string, ...args: unknown[]) => { print(LogLevel.ERROR, domain, tag, format, args); },
  fatal: (domain: number, tag: string, format: string, ...args: unknown[]) => { print(LogLevel.FATAL, domain, tag, format, args); },
  isLoggable,
  setMinLogLevel,
};

export const hilog = partial('@ohos.hilog', 'hilog', api);
export const { debug, info, warn, error, fatal } = api;
export { isLoggable, setMinLogLevel };
export default hilog;
