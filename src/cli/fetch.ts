/**
 * One curl-style transfer over the public API: the body streamed to the output as it arrives (so a
 * timeout keeps what came), each response head written in curl's -i form, cookies collected for -c.
 */
import { performance } from 'node:perf_hooks';
import http, { type HttpRequestOptions } from '../index.js';
import { onResponseHead, type ResponseHead } from '../node.js';
import type { CookieFiles } from './cookie-file.js';
import type { Output } from './output.js';
import { ProgressBar } from './progress.js';

const TOO_MANY_REDIRECTS = 2300047;

export interface FetchSetup {
  readonly url: string;
  readonly options: HttpRequestOptions;
  readonly out: Output;
  /** Write each response's status line and headers (-i, -I). */
  readonly include: boolean;
  /** -L: without it, a redirect is the answer. */
  readonly follow: boolean;
  readonly progress: boolean;
  readonly cookies: CookieFiles | undefined;
}

export interface FetchResult {
  readonly heads: readonly ResponseHead[];
  readonly bodyBytes: number;
  readonly seconds: number;
  /** The failure, as the device reports it; undefined on success. */
  readonly error: { code: number; message: string } | undefined;
}

/** Status line and header lines as curl -i writes them (latin1 text: the bytes as received). */
export function headText(head: ResponseHead): string {
  let text = `${head.httpVersion} ${head.statusCode} ${head.statusMessage}\r\n`;
  for (let i = 0; i + 1 < head.rawHeaders.length; i += 2) text += `${head.rawHeaders[i] ?? ''}: ${head.rawHeaders[i + 1] ?? ''}\r\n`;
  return `${text}\r\n`;
}

export function headerValues(head: ResponseHead, lowerName: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < head.rawHeaders.length; i += 2) {
    if (head.rawHeaders[i]?.toLowerCase() === lowerName) values.push(head.rawHeaders[i + 1] ?? '');
  }
  return values;
}

function isRedirect(head: ResponseHead | undefined): boolean {
  return head !== undefined && head.statusCode >= 300 && head.statusCode < 400 && headerValues(head, 'location').length > 0;
}

export async function fetchOnce(s: FetchSetup): Promise<FetchResult> {
  const start = performance.now();
  const req = http.createHttp();
  const heads: ResponseHead[] = [];
  let bodyBytes = 0;
  // A write that fails ends the transfer: destroy() fails it with 2300023, curl's "failure writing output".
  const stop = (): void => {
    req.destroy();
  };
  const bar = s.progress ? new ProgressBar(process.stderr) : undefined;
  onResponseHead(req, (head) => {
    heads.push(head);
    s.cookies?.accept(head.url, headerValues(head, 'set-cookie'));
    if (s.include) s.out.write(headText(head));
    if (s.out.failed !== undefined) stop();
  });
  req.on('dataReceive', (chunk: ArrayBuffer) => {
    bodyBytes += chunk.byteLength;
    s.out.write(Buffer.from(chunk));
    if (s.out.failed !== undefined) stop();
  });
  if (bar !== undefined) {
    req.on('dataReceiveProgress', (p) => {
      bar.update(p.receiveSize, p.totalSize);
    });
  }
  let error: FetchResult['error'];
  try {
    await req.requestInStream(s.url, s.options);
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    error = { code: typeof e.code === 'number' ? e.code : 0, message: String(e.message) };
    // Without -L the device still wants to follow; its refusal after the 3xx head means "this is the answer".
    if (!s.follow && error.code === TOO_MANY_REDIRECTS && isRedirect(heads[heads.length - 1])) error = undefined;
  } finally {
    bar?.done();
    req.destroy();
  }
  const failed = s.out.close();
  if (error === undefined && failed !== undefined) error = { code: 2300023, message: 'Failed to write the received data to the disk or application' };
  return { heads, bodyBytes, seconds: (performance.now() - start) / 1000, error };
}
