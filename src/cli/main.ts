#!/usr/bin/env node
/**
 * `ohos-http`: a curl-like command line over the public API, with curl's exit codes and messages.
 * With no URL it runs the demo tour.
 */
import { createRequire } from 'node:module';
import http, { type HttpResponse } from '../index.js';
import { readArgs, UsageError, type CliArgs } from './args.js';
import { CookieFiles } from './cookie-file.js';
import { readData } from './data.js';
import { runDemo } from './demo.js';
import { fetchOnce, headerValues } from './fetch.js';
import { requestOptions } from './options.js';
import { Output } from './output.js';
import { USAGE } from './usage.js';
import { writeOut } from './write-out.js';

const NAME = 'ohos-http';

function say(line: string): void {
  process.stderr.write(`${NAME}: ${line}\n`);
}

/** curl's exit number for a device code (2300000 + N); other failures are 1. */
function exitCodeOf(code: number): number {
  return code > 2300000 && code < 2300100 ? code - 2300000 : 1;
}

function packageVersion(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

function jsonOf(res: HttpResponse): string {
  const result = res.result instanceof ArrayBuffer ? { base64: Buffer.from(res.result).toString('base64') } : res.result;
  return JSON.stringify({ ...res, result }, null, 2);
}

async function run(a: CliArgs, url: string): Promise<number> {
  const showError = !a.silent || a.showError;
  const body = await readData(a.data, (line) => {
    if (!a.silent) process.stderr.write(`${line}\n`);
  });
  const cookies = a.cookies.length > 0 || a.cookieJar !== undefined ? await CookieFiles.load(a.cookies) : undefined;
  const options = requestOptions(a, body, cookies?.headerFor(url));
  if (a.json) {
    const req = http.createHttp();
    try {
      // The device's view: redirects are followed as on the device, -L or not.
      const deviceOptions = a.location ? options : { ...options, maxRedirects: a.maxRedirs ?? 30 };
      process.stdout.write(`${jsonOf(await req.request(url, deviceOptions))}\n`);
      return 0;
    } catch (err) {
      const e = err as { code: number; message: string };
      if (showError) say(`${String(e.code)} ${e.message}`);
      return exitCodeOf(e.code);
    } finally {
      req.destroy();
    }
  }
  const out = new Output(a.output, () => undefined);
  const progress = !a.silent && a.output !== undefined && a.output !== '-';
  const r = await fetchOnce({ url, options, out, include: a.include || a.head, follow: a.location, progress, cookies });
  if (a.cookieJar !== undefined && cookies !== undefined) {
    // curl goes on silently when the jar cannot be written; a warning costs nothing and says why the file is missing.
    await cookies.save(a.cookieJar).catch(() => {
      if (!a.silent) process.stderr.write(`Warning: failed to save cookies in ${a.cookieJar ?? ''}\n`);
    });
  }
  if (a.writeOut !== undefined) {
    const last = r.heads[r.heads.length - 1];
    const { text, warnings } = writeOut(a.writeOut, {
      status: last?.statusCode ?? 0,
      httpVersion: last?.httpVersion ?? '',
      sizeDownload: r.bodyBytes,
      urlEffective: last?.url ?? url,
      seconds: r.seconds,
      contentType: last === undefined ? undefined : headerValues(last, 'content-type').pop(),
      // Every head before the last one was a redirect that was followed (auth challenges are not reported).
      redirects: a.location ? Math.max(0, r.heads.length - 1) : 0,
    });
    process.stdout.write(text);
    for (const w of warnings) say(w);
  }
  if (r.error === undefined) return 0;
  if (showError) say(`${r.error.code} ${r.error.message}`);
  return exitCodeOf(r.error.code);
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = readArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    say(err.message);
    say(`try '${NAME} --help' for more information`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (args.url === undefined) {
    await runDemo();
    return 0;
  }
  return run(args, args.url);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // Never a stack trace: one line, as for every other failure.
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'number' ? e.code : 0;
  say(`${code === 0 ? '' : `${code} `}${String(e.message)}`);
  process.exitCode = code === 0 ? 1 : exitCodeOf(code);
}
