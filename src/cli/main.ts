#!/usr/bin/env node
/**
 * `ohos-http`: a curl-like command line over the public API. With no URL it runs the demo tour.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import http, { type HttpRequestOptions, type HttpResponse } from '../index.js';
import { readArgs, USAGE, UsageError, type CliArgs } from './args.js';
import { runDemo } from './demo.js';
import { ProgressBar } from './progress.js';

async function optionsOf(a: CliArgs): Promise<HttpRequestOptions> {
  const o: HttpRequestOptions = {};
  if (a.data !== undefined) {
    o.extraData = a.data.startsWith('@') ? (await readFile(a.data.slice(1))).toString('utf8') : a.data;
  }
  const method = a.method ?? (a.data !== undefined ? 'POST' : undefined);
  // Any method name passes through, as on the device.
  if (method !== undefined) (o as { method?: string }).method = method;
  if (a.headers.length > 0) {
    const header: Record<string, string> = {};
    for (const h of a.headers) {
      const at = h.indexOf(':');
      header[h.slice(0, at).trim()] = h.slice(at + 1).trim();
    }
    o.header = header;
  }
  if (a.protocol === 'http1.1') o.usingProtocol = http.HttpProtocol.HTTP1_1;
  if (a.protocol === 'http2') o.usingProtocol = http.HttpProtocol.HTTP2;
  if (a.proxy !== undefined) {
    const at = a.proxy.lastIndexOf(':');
    const host = at > 0 ? a.proxy.slice(0, at) : a.proxy;
    o.usingProxy = { host: host.replace(/^https?:\/\//, ''), port: at > 0 ? Number(a.proxy.slice(at + 1)) : 1080, exclusionList: [] };
  }
  if (a.cacert !== undefined) o.caPath = a.cacert;
  if (a.insecure) o.remoteValidation = 'skip';
  if (a.maxTime !== undefined) o.readTimeout = Math.round(a.maxTime * 1000);
  if (a.connectTimeout !== undefined) o.connectTimeout = Math.round(a.connectTimeout * 1000);
  if (a.maxRedirs !== undefined) o.maxRedirects = a.maxRedirs;
  return o;
}

function headerText(code: number, header: object): string {
  let text = `HTTP ${code}\r\n`;
  for (const [name, value] of Object.entries(header)) {
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) text += `${name}: ${String(v)}\r\n`;
  }
  return `${text}\r\n`;
}

function jsonOf(res: HttpResponse): string {
  const result = res.result instanceof ArrayBuffer ? { base64: Buffer.from(res.result).toString('base64') } : res.result;
  return JSON.stringify({ ...res, result }, null, 2);
}

/** Streams the body to a file with a progress bar on stderr; resolves with the status code. */
async function download(url: string, options: HttpRequestOptions, file: string, include: boolean): Promise<void> {
  const req = http.createHttp();
  const out = createWriteStream(file);
  const bar = new ProgressBar(process.stderr);
  let header: object = {};
  req.on('headersReceive', (h: object) => (header = h));
  req.on('dataReceive', (chunk: ArrayBuffer) => out.write(Buffer.from(chunk)));
  req.on('dataReceiveProgress', (p) => {
    bar.update(p.receiveSize, p.totalSize);
  });
  try {
    const code = await req.requestInStream(url, options);
    if (include) process.stdout.write(headerText(code, header));
  } finally {
    bar.done();
    await new Promise<void>((resolve) => out.end(resolve));
    req.destroy();
  }
}

async function fetchToStdout(url: string, options: HttpRequestOptions, a: CliArgs): Promise<void> {
  const req = http.createHttp();
  try {
    if (a.json) {
      process.stdout.write(`${jsonOf(await req.request(url, options))}\n`);
      return;
    }
    const res = await req.request(url, { ...options, expectDataType: http.HttpDataType.ARRAY_BUFFER });
    if (a.include) process.stdout.write(headerText(res.responseCode, res.header));
    process.stdout.write(Buffer.from(res.result as ArrayBuffer));
  } finally {
    req.destroy();
  }
}

function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = readArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`ohos-http: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`ohos-http ${version()}\n`);
    return 0;
  }
  if (args.url === undefined) {
    await runDemo();
    return 0;
  }
  try {
    const options = await optionsOf(args);
    if (args.output !== undefined) await download(args.url, options, args.output, args.include);
    else await fetchToStdout(args.url, options, args);
    return 0;
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e.code === 'number' ? e.code : 0;
    process.stderr.write(`ohos-http: ${code === 0 ? '' : `${code} `}${String(e.message)}\n`);
    return code > 2300000 && code < 2300100 ? code - 2300000 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
