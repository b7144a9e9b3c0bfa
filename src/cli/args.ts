/**
 * The command line, read the way curl reads it: long options as `--name value`, short options
 * bundled (`-sSL`) with a value attached or in the next argument, repeatable options collected in
 * order. Errors are curl's words, so scripts that parse curl's messages keep working.
 */

/** One `-d`-family argument, kept in command-line order: curl joins them with `&`. */
export interface DataArg {
  /** `ascii` (-d, --data, --data-ascii): `@file` read with CR and LF removed; `binary`: `@file` as is; `raw`: literal. */
  readonly kind: 'ascii' | 'binary' | 'raw';
  readonly value: string;
}

/** The command line, as parsed: curl's spelling where curl has the option. */
export interface CliArgs {
  url: string | undefined;
  method: string | undefined;
  headers: string[];
  data: DataArg[];
  output: string | undefined;
  include: boolean;
  head: boolean;
  json: boolean;
  protocol: 'http1.1' | 'http2' | undefined;
  proxy: string | undefined;
  cacert: string | undefined;
  insecure: boolean;
  maxTime: number | undefined;
  connectTimeout: number | undefined;
  location: boolean;
  maxRedirs: number | undefined;
  silent: boolean;
  showError: boolean;
  writeOut: string | undefined;
  userAgent: string | undefined;
  referer: string | undefined;
  user: string | undefined;
  cookies: string[];
  cookieJar: string | undefined;
  compressed: boolean;
  help: boolean;
  version: boolean;
}

/** Thrown for a command line that cannot be used: the caller prints it in curl's two lines and exits 2. */
export class UsageError extends Error {}

type Flag = (a: CliArgs) => void;
type Valued = (a: CliArgs, value: string, name: string) => void;
interface Spec { readonly long: string; readonly short?: string; readonly flag?: Flag; readonly valued?: Valued }

function seconds(value: string, name: string): number {
  const n = /^\d*\.?\d+$|^\d+\.$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`option ${name}: expected a proper numerical parameter`);
  return n;
}

function whole(value: string, name: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`option ${name}: expected a proper numerical parameter`);
  return Number(value);
}

const data = (kind: DataArg['kind']): Valued => (a, value) => {
  a.data.push({ kind, value });
};

const SPECS: readonly Spec[] = [
  { long: 'request', short: 'X', valued: (a, v) => (a.method = v) },
  { long: 'method', valued: (a, v) => (a.method = v) },
  { long: 'header', short: 'H', valued: (a, v) => a.headers.push(v) },
  { long: 'data', short: 'd', valued: data('ascii') },
  { long: 'data-ascii', valued: data('ascii') },
  { long: 'data-binary', valued: data('binary') },
  { long: 'data-raw', valued: data('raw') },
  { long: 'output', short: 'o', valued: (a, v) => (a.output = v) },
  { long: 'include', short: 'i', flag: (a) => (a.include = true) },
  { long: 'head', short: 'I', flag: (a) => (a.head = true) },
  { long: 'json', flag: (a) => (a.json = true) },
  { long: 'http1.1', flag: (a) => (a.protocol = 'http1.1') },
  { long: 'http2', flag: (a) => (a.protocol = 'http2') },
  { long: 'proxy', short: 'x', valued: (a, v) => (a.proxy = v) },
  { long: 'cacert', valued: (a, v) => (a.cacert = v) },
  { long: 'insecure', short: 'k', flag: (a) => (a.insecure = true) },
  { long: 'max-time', short: 'm', valued: (a, v, n) => (a.maxTime = seconds(v, n)) },
  { long: 'connect-timeout', valued: (a, v, n) => (a.connectTimeout = seconds(v, n)) },
  { long: 'location', short: 'L', flag: (a) => (a.location = true) },
  { long: 'max-redirs', valued: (a, v, n) => (a.maxRedirs = whole(v, n)) },
  { long: 'silent', short: 's', flag: (a) => (a.silent = true) },
  { long: 'show-error', short: 'S', flag: (a) => (a.showError = true) },
  { long: 'write-out', short: 'w', valued: (a, v) => (a.writeOut = v) },
  { long: 'user-agent', short: 'A', valued: (a, v) => (a.userAgent = v) },
  { long: 'referer', short: 'e', valued: (a, v) => (a.referer = v) },
  { long: 'user', short: 'u', valued: (a, v) => (a.user = v) },
  { long: 'cookie', short: 'b', valued: (a, v) => a.cookies.push(v) },
  { long: 'cookie-jar', short: 'c', valued: (a, v) => (a.cookieJar = v) },
  { long: 'compressed', flag: (a) => (a.compressed = true) },
  { long: 'help', short: 'h', flag: (a) => (a.help = true) },
  { long: 'version', short: 'V', flag: (a) => (a.version = true) },
];

const BY_LONG = new Map(SPECS.map((s) => [s.long, s]));
const BY_SHORT = new Map(SPECS.filter((s) => s.short !== undefined).map((s) => [s.short as string, s]));

function blank(): CliArgs {
  return {
    url: undefined, method: undefined, headers: [], data: [], output: undefined, include: false, head: false, json: false,
    protocol: undefined, proxy: undefined, cacert: undefined, insecure: false, maxTime: undefined, connectTimeout: undefined,
    location: false, maxRedirs: undefined, silent: false, showError: false, writeOut: undefined, userAgent: undefined,
    referer: undefined, user: undefined, cookies: [], cookieJar: undefined, compressed: false, help: false, version: false,
  };
}

export function readArgs(argv: readonly string[]): CliArgs {
  const a = blank();
  const urls: string[] = [];
  let i = 0;
  const next = (name: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`option ${name}: requires parameter`);
    return v;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--') && arg.length > 2) {
      const spec = BY_LONG.get(arg.slice(2));
      if (spec === undefined) throw new UsageError(`option ${arg}: is unknown`);
      if (spec.flag !== undefined) spec.flag(a);
      else spec.valued?.(a, next(arg), arg);
    } else if (arg.startsWith('-') && arg.length > 1) {
      // A bundle of short options; the first one that takes a value takes the rest of the bundle, or the next argument.
      for (let c = 1; c < arg.length; c++) {
        const name = `-${arg[c] as string}`;
        const spec = BY_SHORT.get(arg[c] as string);
        if (spec === undefined) throw new UsageError(`option ${name}: is unknown`);
        if (spec.flag !== undefined) {
          spec.flag(a);
          continue;
        }
        const rest = arg.slice(c + 1);
        spec.valued?.(a, rest !== '' ? rest : next(name), name);
        break;
      }
    } else {
      urls.push(arg);
    }
  }
  if (urls.length > 1) throw new UsageError('only one URL at a time is supported');
  if (a.head && a.data.length > 0) throw new UsageError('You can only select one HTTP request method! You asked for both POST (-d, --data) and HEAD (-I, --head).');
  a.url = urls[0];
  return a;
}
