// The places where curl's behaviour, not undici's, decides how a response or a failure is read.
import type { Socket } from 'node:net';
import { CodedFailure } from '../errors/business-error.js';
import type { TargetUrl } from '../options/url.js';

/** Request headers a different origin must never see after a redirect (curl ≥ 7.83 drops them too). */
export const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);
export const NO_BODY_STATUS = new Set([204, 304]);
const DROPPED = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']);

/**
 * A connection to an https origin that drops before any request went out died in the TLS
 * handshake: curl reports that as CURLE_SSL_CONNECT_ERROR (35), not as a plain reset.
 */
export function handshakeFailure(err: unknown, target: TargetUrl | undefined, socket: Socket | undefined): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (target?.secure !== true || socket !== undefined || typeof code !== 'string' || !DROPPED.has(code)) return err;
  return new CodedFailure('the connection closed during the TLS handshake', { curl: 35 }, err);
}

/** curl's limit for one response header line (its limit for a whole block is set on the pools). */
export const MAX_HEADER_LINE = 100 * 1024;

/**
 * undici fails a 204 or 304 that carries a Content-Length (RFC 9110 allows it on 304: the length of
 * the stored representation), though neither has a body; curl takes them as they are.
 */
export function bodilessStatus(status: number): boolean {
  return status === 204 || status === 304;
}
