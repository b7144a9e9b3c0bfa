/**
 * `@ohos.hilog` on Node.js: lines go to the console as `I A00001/tag: message`, the device's level
 * letter, `A` + the domain in five hex digits, and the tag. Format specifiers are printf-style with a
 * privacy flag: `%{public}s` prints the value, `%{private}d` and a bare `%s` print `<private>` (the
 * device's default privacy is private). Domains outside 0x0–0xFFFF are not printed, tags are cut at
 * 31 bytes, and levels below setMinLogLevel are dropped, as on the device.
 */
import { inspect } from 'node:util';
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

function formatValue(kind: string, value: unknown): string {
  if (kind === 'o' || kind === 'O') return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  if (typeof value === 'object' && value !== null) return inspect(value, { depth: 2, breakLength: Infinity });
  return String(value);
}

/** Applies hilog's format: `%{public}s`, `%{private}d`, `%s`, `%d`, `%i`, `%f`, `%o`, `%O`, `%%`. */
export function formatHilog(format: string, args: readonly unknown[]): string {
  let next = 0;
  return format.replace(/%(\{(public|private)\})?([dsifoO%])/g, (whole, _flag: string | undefined, privacy: string | undefined, kind: string) => {
    if (kind === '%') return privacy === undefined ? '%' : whole;
    if (next >= args.length) return '';
    const value = args[next++];
    return privacy === 'public' ? formatValue(kind, value) : '<private>';
  });
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
