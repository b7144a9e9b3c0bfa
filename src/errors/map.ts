import { CodedFailure } from './business-error.js';
import { fromCurl } from './codes.js';

/** Where in the transfer a failure happened: decides between curl's 52, 18 and 56. */
export const enum Phase {
  /** Nothing received yet (DNS, connect, TLS, request sent, waiting for the status line). */
  BeforeResponse = 0,
  /** A status line and headers arrived; the body was being received. */
  InBody = 1,
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'EAI_ADDRFAMILY']);
const CONNECT = new Set([
  'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN', 'EADDRINUSE',
]);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** OpenSSL verification failures: curl reports CURLE_PEER_FAILED_VERIFICATION (60). */
const CERT = new Set([
  'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'CERT_SIGNATURE_FAILURE',
  'INVALID_CA', 'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE', 'CERT_REVOKED', 'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_VALIDATION',
]);
const FILE = new Set(['ENOENT', 'EACCES', 'EISDIR', 'EPERM', 'EMFILE']);
const DECODE = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_STREAM_ERROR', 'Z_NEED_DICT', 'ERR_BROTLI_DECOMPRESSION_FAILED']);

/**
 * undici brands its errors with registered symbols. Its HTTP parser error is the one that needs the brand:
 * undici 7 builds `code` from `constants.ERROR[ret]`, a name → number table, so the llhttp reason
 * (`HPE_…`) is lost and `code` is `undefined`. The brand still tells us it was a parse failure.
 */
const HTTP_PARSER_BRAND = Symbol.for('undici.error.UND_ERR_HTTP_PARSER');
/** Pseudo-code for an undici HTTP parser error that carries no `HPE_…` code. */
const HTTP_PARSER = 'UND_ERR_HTTP_PARSER';

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return (err as Record<symbol, unknown>)[HTTP_PARSER_BRAND] === true ? HTTP_PARSER : undefined;
}

/** llhttp reasons that concern the status line itself; curl calls those an unsupported protocol (1). */
const STATUS_LINE = new Set(['HPE_INVALID_CONSTANT', 'HPE_INVALID_VERSION', 'HPE_INVALID_STATUS']);

/**
 * A response the HTTP/1 parser refused. In the body, curl's chunked decoder fails with CURLE_RECV_ERROR (56).
 * Before the body: a broken status line (not HTTP at all → "Received HTTP/0.9 when not allowed", or a bad
 * version/status) is CURLE_UNSUPPORTED_PROTOCOL (1); a broken header line is CURLE_WEIRD_SERVER_REPLY (8).
 * Without an llhttp reason (undici 7, see HTTP_PARSER_BRAND) the status line is assumed: it is parsed first,
 * and "not HTTP at all" is by far the most common way to get there.
 */
function parserFailure(code: string, phase: Phase): number {
  if (phase === Phase.InBody) return 56;
  return code === HTTP_PARSER || STATUS_LINE.has(code) ? 1 : 8;
}

/** The innermost error that carries a string `code` (undici wraps Node's socket errors). */
function innermostCode(err: unknown): string | undefined {
  let found: string | undefined;
  let cur: unknown = err;
  for (let depth = 0; depth < 5 && typeof cur === 'object' && cur !== null; depth++) {
    const code = codeOf(cur);
    if (code !== undefined && code !== 'UND_ERR_SOCKET') return code;
    found ??= code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return found;
}

/**
 * The curl exit code libcurl would report for this failure. Decided by error codes only,
 * never by message text. `proxyHost` turns name-resolution failures into curl's proxy code.
 */
export function curlCodeOf(err: unknown, phase: Phase, proxyHost?: string): number {
  if (err instanceof CodedFailure && err.curlCode !== undefined) return err.curlCode;
  const code = innermostCode(err);
  if (code === undefined) return 0;
  if (DNS.has(code)) {
    const host = (err as { hostname?: unknown }).hostname;
    return proxyHost !== undefined && (host === undefined || host === proxyHost) ? 5 : 6;
  }
  if (CONNECT.has(code)) return 7;
  if (TIMEOUT.has(code)) return 28;
  if (CERT.has(code)) return 60;
  if (DECODE.has(code)) return 61;
  if (FILE.has(code)) return 26;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'ECONNABORTED') {
    // Peer closed: nothing at all → 52 (empty reply); a cut body → 18 for a clean close, 56 for a reset.
    if (phase === Phase.BeforeResponse) return code === 'UND_ERR_SOCKET' ? 52 : 56;
    return code === 'UND_ERR_SOCKET' ? 18 : 56;
  }
  // The body ended before Content-Length was reached: curl's "transfer closed with N bytes remaining" (18).
  // undici reports a reset in that state the same way and drops the ECONNRESET (curl: 56); only the socket's own
  // `errored` still tells the two apart, so a caller that has the socket should map that error instead.
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 18;
  if (code === 'EPIPE') return 55;
  // The whole header block over curl's 300 KiB: "Too large response headers", CURLE_RECV_ERROR (56) in 7.88 and
  // 8.x alike. (One line over 100 KiB is caught by the transfer itself: curl 8.x's CURLE_TOO_LARGE, 100.)
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW') return 56;
  if (code === HTTP_PARSER || code.startsWith('HPE_')) return parserFailure(code, phase);
  if (code.startsWith('ERR_HTTP2_')) return code === 'ERR_HTTP2_STREAM_ERROR' ? 92 : 16;
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') return 35;
  return 0;
}

/** The device code for a transfer failure: `2300000 + curl code` for listed codes, else 2300999. */
export function deviceCodeOf(err: unknown, phase: Phase, proxyHost?: string): number {
  if (err instanceof CodedFailure && err.deviceCode !== undefined) return err.deviceCode;
  return fromCurl(curlCodeOf(err, phase, proxyHost));
}
