import { parseArgs } from 'node:util';

/** The command line, as parsed: curl's spelling where curl has the option. */
export interface CliArgs {
  url: string | undefined;
  method: string | undefined;
  headers: string[];
  data: string | undefined;
  output: string | undefined;
  include: boolean;
  json: boolean;
  protocol: 'http1.1' | 'http2' | undefined;
  proxy: string | undefined;
  cacert: string | undefined;
  insecure: boolean;
  maxTime: number | undefined;
  connectTimeout: number | undefined;
  maxRedirs: number | undefined;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: ohos-http [options] <url>
       ohos-http              (no URL: a tour against an embedded local server)

  -X, --method <method>       request method (default GET, POST with --data)
  -H, --header "Name: value"  request header (repeatable)
  -d, --data <text|@file>     request body
  -o, --output <file>         stream the body to a file (progress bar on a terminal)
  -i, --include               print the status and response headers first
      --json                  print the whole HttpResponse as JSON
      --http1.1 | --http2     protocol (default: HTTP/2 over TLS when offered)
      --proxy <host:port>     use this HTTP proxy
      --cacert <file>         also trust this CA (PEM)
  -k, --insecure              skip server certificate verification
      --max-time <s>          total transfer timeout (readTimeout)
      --connect-timeout <s>   connection timeout
  -L, --location              follow redirects (always on, as on the device)
      --max-redirs <n>        redirect limit (default 30)
  -h, --help | -V, --version

Exit status: 0 for any HTTP response; on failure curl's number (code - 2300000), else 1.`;

/** Thrown for a command line that cannot be used: the caller prints usage and exits 2. */
export class UsageError extends Error {}

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} takes a number of seconds`);
  return n;
}

export function readArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        method: { type: 'string', short: 'X' },
        header: { type: 'string', short: 'H', multiple: true },
        data: { type: 'string', short: 'd' },
        output: { type: 'string', short: 'o' },
        include: { type: 'boolean', short: 'i' },
        json: { type: 'boolean' },
        'http1.1': { type: 'boolean' },
        http2: { type: 'boolean' },
        proxy: { type: 'string' },
        cacert: { type: 'string' },
        insecure: { type: 'boolean', short: 'k' },
        'max-time': { type: 'string' },
        'connect-timeout': { type: 'string' },
        location: { type: 'boolean', short: 'L' },
        'max-redirs': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (parsed.positionals.length > 1) throw new UsageError('only one URL is accepted');
  const maxRedirs = v['max-redirs'] === undefined ? undefined : Number(v['max-redirs']);
  if (maxRedirs !== undefined && !Number.isInteger(maxRedirs)) throw new UsageError('--max-redirs takes a whole number');
  for (const h of v.header ?? []) if (!h.includes(':')) throw new UsageError(`header "${h}" has no colon`);
  return {
    url: parsed.positionals[0],
    method: v.method,
    headers: v.header ?? [],
    data: v.data,
    output: v.output,
    include: v.include ?? false,
    json: v.json ?? false,
    protocol: v.http2 === true ? 'http2' : v['http1.1'] === true ? 'http1.1' : undefined,
    proxy: v.proxy,
    cacert: v.cacert,
    insecure: v.insecure ?? false,
    maxTime: seconds(v['max-time'], '--max-time'),
    connectTimeout: seconds(v['connect-timeout'], '--connect-timeout'),
    maxRedirs,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
