import type { Socket } from 'node:net';
import type { Dispatcher } from 'undici';

/**
 * One response head as it came off the wire (`ohos-net-http/node` onResponseHead): every hop of a
 * redirect has its own. The device API only shows the merged `header` object and the last status.
 */
export interface ResponseHead {
  /** The URL this response answered. */
  readonly url: string;
  /** `'HTTP/2'` on an h2 connection, else `'HTTP/1.1'`. */
  readonly httpVersion: 'HTTP/1.1' | 'HTTP/2';
  readonly statusCode: number;
  /** The reason phrase as sent (`''` over HTTP/2, which has none). */
  readonly statusMessage: string;
  /** Names and values in the order and spelling received, alternating, as latin1 text (like Node's `rawHeaders`). */
  readonly rawHeaders: readonly string[];
}

/**
 * undici's controller carries the raw header list of the response being started; a dispatcher that does
 * not (a user's, through `configure`) gets the parsed block, lower-cased.
 */
function rawOf(controller: Dispatcher.DispatchController | undefined, parsed: Record<string, string | string[] | undefined>): string[] {
  const raw = (controller as { rawHeaders?: unknown } | undefined)?.rawHeaders;
  if (Array.isArray(raw)) return raw.map((v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)));
  const list: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) list.push(name, v);
  }
  return list;
}

export function responseHead(
  url: string,
  controller: Dispatcher.DispatchController | undefined,
  statusCode: number,
  statusMessage: string | undefined,
  parsed: Record<string, string | string[] | undefined>,
  socket: Socket | undefined,
): ResponseHead {
  const h2 = (socket as { alpnProtocol?: unknown } | undefined)?.alpnProtocol === 'h2';
  return { url, httpVersion: h2 ? 'HTTP/2' : 'HTTP/1.1', statusCode, statusMessage: statusMessage ?? '', rawHeaders: rawOf(controller, parsed) };
}
