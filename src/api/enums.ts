/**
 * Runtime enums of `@ohos.net.http`, with the values the device's native module exports.
 * Each is a frozen object plus a type of the same name (the union of its values).
 * @module
 */

/** HTTP methods. Default for a request: `GET`. @since 6 (`PATCH` since 26.0.0) */
export const RequestMethod = Object.freeze({
  OPTIONS: 'OPTIONS',
  GET: 'GET',
  HEAD: 'HEAD',
  POST: 'POST',
  PUT: 'PUT',
  DELETE: 'DELETE',
  TRACE: 'TRACE',
  CONNECT: 'CONNECT',
  PATCH: 'PATCH',
} as const);
/** One of the {@link RequestMethod} strings. */
export type RequestMethod = (typeof RequestMethod)[keyof typeof RequestMethod];

/** Named HTTP status codes. `responseCode` may also be any other number. @since 6 */
export const ResponseCode = Object.freeze({
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NOT_AUTHORITATIVE: 203,
  NO_CONTENT: 204,
  RESET: 205,
  PARTIAL: 206,
  MULT_CHOICE: 300,
  MOVED_PERM: 301,
  MOVED_TEMP: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  USE_PROXY: 305,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_METHOD: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTH: 407,
  CLIENT_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PRECON_FAILED: 412,
  ENTITY_TOO_LARGE: 413,
  REQ_TOO_LONG: 414,
  UNSUPPORTED_TYPE: 415,
  /** @since 12 */
  RANGE_NOT_SATISFIABLE: 416,
  INTERNAL_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  VERSION: 505,
} as const);
/** One of the {@link ResponseCode} numbers. */
export type ResponseCode = (typeof ResponseCode)[keyof typeof ResponseCode];

/** HTTP version to use. Unset: chosen automatically. @since 9 (`HTTP3` since 11) */
export const HttpProtocol = Object.freeze({
  HTTP1_1: 0,
  HTTP2: 1,
  /** HTTPS only; falls back to an older version when unavailable. */
  HTTP3: 2,
} as const);
/** One of the {@link HttpProtocol} numbers. */
export type HttpProtocol = (typeof HttpProtocol)[keyof typeof HttpProtocol];

/** Shape of `HttpResponse.result`: string, parsed JSON object, or ArrayBuffer. @since 9 */
export const HttpDataType = Object.freeze({
  STRING: 0,
  OBJECT: 1,
  ARRAY_BUFFER: 2,
} as const);
/** One of the {@link HttpDataType} numbers. */
export type HttpDataType = (typeof HttpDataType)[keyof typeof HttpDataType];

/** Encoding of a client certificate file. Default: `PEM`. @since 11 */
export const CertType = Object.freeze({
  PEM: 'PEM',
  DER: 'DER',
  P12: 'P12',
} as const);
/** One of the {@link CertType} strings. */
export type CertType = (typeof CertType)[keyof typeof CertType];

/** TLS protocol versions for `TlsConfig`. @since 18 */
export const TlsVersion = Object.freeze({
  TLS_V_1_0: 4,
  TLS_V_1_1: 5,
  TLS_V_1_2: 6,
  TLS_V_1_3: 7,
} as const);
/** One of the {@link TlsVersion} numbers. */
export type TlsVersion = (typeof TlsVersion)[keyof typeof TlsVersion];

/**
 * Which IP family to resolve host names to. Default: `DEFAULT` (both). @since 15
 * The runtime values are the device's (`'ONLY_V4'` …); the d.ts declares `'CURL_IPRESOLVE_*'` strings instead.
 */
export const AddressFamily = Object.freeze({
  DEFAULT: 'DEFAULT',
  ONLY_V4: 'ONLY_V4',
  ONLY_V6: 'ONLY_V6',
} as const);
/** An {@link AddressFamily} value; the d.ts spellings `'CURL_IPRESOLVE_*'` are accepted too. */
export type AddressFamily =
  | (typeof AddressFamily)[keyof typeof AddressFamily]
  | 'CURL_IPRESOLVE_WHATEVER'
  | 'CURL_IPRESOLVE_V4'
  | 'CURL_IPRESOLVE_V6';

/** Secure transport: `TLS` (default) or `TLCP` (Chinese national standard). @since 20 */
// The device exports this numeric object at run time, but the option itself takes the strings 'TLS' | 'TLCP'.
export const SslType = Object.freeze({
  TLS: 0,
  TLCP: 1,
} as const);
/** Value of the `sslType` option, as the d.ts declares it. */
export type SslType = 'TLS' | 'TLCP';

/** Points in a request where an `HttpInterceptor` runs. @since 22 */
export const InterceptorType = Object.freeze({
  /** After the first request has been assembled. */
  INITIAL_REQUEST: 'INITIAL_REQUEST',
  /** On each redirect response, before the next hop. */
  REDIRECTION: 'REDIRECTION',
  /** After a cache hit. */
  CACHE_CHECKED: 'READ_CACHE',
  /** Before the network transfer starts. */
  NETWORK_CONNECT: 'CONNECT_NETWORK',
  /** When the final response is ready. */
  FINAL_RESPONSE: 'FINAL_RESPONSE',
} as const);
/** One of the {@link InterceptorType} strings. */
export type InterceptorType = (typeof InterceptorType)[keyof typeof InterceptorType];

/** Who resolves host names behind a SOCKS5 proxy (from `@ohos.net.connection`). @since 26.0.0 */
export const Socks5DnsStrategy = Object.freeze({
  /** Resolve locally. */
  SYSTEM_MODE: 0,
  /** Let the proxy resolve. */
  PROXY_MODE: 1,
} as const);
/** One of the {@link Socks5DnsStrategy} numbers. */
export type Socks5DnsStrategy = (typeof Socks5DnsStrategy)[keyof typeof Socks5DnsStrategy];
