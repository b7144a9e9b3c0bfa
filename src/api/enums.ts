/**
 * Runtime enums of `@ohos.net.http`, with the values the device's native module exports.
 * The string enums are TypeScript enums (so their types match the SDK's both ways); the numeric ones are
 * plain frozen objects, as on the device (no reverse mapping), whose types are the unions of their values.
 * Every enum object is frozen.
 * @module
 */

import type { AddressFamily as DeclaredAddressFamily } from './address-family.js';

/**
 * HTTP request methods. Default for a request: `GET`.
 * @since 6
 */
export enum RequestMethod {
  /** `OPTIONS`. @since 6 */
  OPTIONS = 'OPTIONS',
  /** `GET`. @since 6 */
  GET = 'GET',
  /** `HEAD`. @since 6 */
  HEAD = 'HEAD',
  /** `POST`. @since 6 */
  POST = 'POST',
  /** `PUT`. @since 6 */
  PUT = 'PUT',
  /** `DELETE`. @since 6 */
  DELETE = 'DELETE',
  /** `TRACE`. @since 6 */
  TRACE = 'TRACE',
  /** `CONNECT`. @since 6 */
  CONNECT = 'CONNECT',
  /** `PATCH`. @since 26.0.0 */
  PATCH = 'PATCH',
}
Object.freeze(RequestMethod);

/**
 * Named HTTP status codes. `responseCode` may also be any other number.
 * @since 6
 */
export const ResponseCode = Object.freeze({
  /** 200 OK. @since 6 */
  OK: 200,
  /** 201 Created. @since 6 */
  CREATED: 201,
  /** 202 Accepted. @since 6 */
  ACCEPTED: 202,
  /** 203 Non-Authoritative Information. @since 6 */
  NOT_AUTHORITATIVE: 203,
  /** 204 No Content. @since 6 */
  NO_CONTENT: 204,
  /** 205 Reset Content. @since 6 */
  RESET: 205,
  /** 206 Partial Content. @since 6 */
  PARTIAL: 206,
  /** 300 Multiple Choices. @since 6 */
  MULT_CHOICE: 300,
  /** 301 Moved Permanently. @since 6 */
  MOVED_PERM: 301,
  /** 302 Found (moved temporarily). @since 6 */
  MOVED_TEMP: 302,
  /** 303 See Other. @since 6 */
  SEE_OTHER: 303,
  /** 304 Not Modified. @since 6 */
  NOT_MODIFIED: 304,
  /** 305 Use Proxy. @since 6 */
  USE_PROXY: 305,
  /** 400 Bad Request. @since 6 */
  BAD_REQUEST: 400,
  /** 401 Unauthorized. @since 6 */
  UNAUTHORIZED: 401,
  /** 402 Payment Required. @since 6 */
  PAYMENT_REQUIRED: 402,
  /** 403 Forbidden. @since 6 */
  FORBIDDEN: 403,
  /** 404 Not Found. @since 6 */
  NOT_FOUND: 404,
  /** 405 Method Not Allowed. @since 6 */
  BAD_METHOD: 405,
  /** 406 Not Acceptable. @since 6 */
  NOT_ACCEPTABLE: 406,
  /** 407 Proxy Authentication Required. @since 6 */
  PROXY_AUTH: 407,
  /** 408 Request Timeout. @since 6 */
  CLIENT_TIMEOUT: 408,
  /** 409 Conflict. @since 6 */
  CONFLICT: 409,
  /** 410 Gone. @since 6 */
  GONE: 410,
  /** 411 Length Required. @since 6 */
  LENGTH_REQUIRED: 411,
  /** 412 Precondition Failed. @since 6 */
  PRECON_FAILED: 412,
  /** 413 Content Too Large. @since 6 */
  ENTITY_TOO_LARGE: 413,
  /** 414 URI Too Long. @since 6 */
  REQ_TOO_LONG: 414,
  /** 415 Unsupported Media Type. @since 6 */
  UNSUPPORTED_TYPE: 415,
  /** 416 Range Not Satisfiable. @since 12 */
  RANGE_NOT_SATISFIABLE: 416,
  /** 500 Internal Server Error. @since 6 */
  INTERNAL_ERROR: 500,
  /** 501 Not Implemented. @since 6 */
  NOT_IMPLEMENTED: 501,
  /** 502 Bad Gateway. @since 6 */
  BAD_GATEWAY: 502,
  /** 503 Service Unavailable. @since 6 */
  UNAVAILABLE: 503,
  /** 504 Gateway Timeout. @since 6 */
  GATEWAY_TIMEOUT: 504,
  /** 505 HTTP Version Not Supported. @since 6 */
  VERSION: 505,
} as const);
/** One of the {@link ResponseCode} numbers. @since 6 */
export type ResponseCode = (typeof ResponseCode)[keyof typeof ResponseCode];

/**
 * HTTP version to use. Unset: chosen automatically.
 * @since 9
 */
export const HttpProtocol = Object.freeze({
  /** HTTP/1.1. @since 9 */
  HTTP1_1: 0,
  /** HTTP/2. @since 9 */
  HTTP2: 1,
  /** HTTP/3, HTTPS only; falls back to an older version when unavailable (always, on Node). @since 11 */
  HTTP3: 2,
} as const);
/** One of the {@link HttpProtocol} numbers. @since 9 */
export type HttpProtocol = (typeof HttpProtocol)[keyof typeof HttpProtocol];

/**
 * Shape of `HttpResponse.result`: string, parsed JSON object, or ArrayBuffer.
 * @since 9
 */
export const HttpDataType = Object.freeze({
  /** A string. @since 9 */
  STRING: 0,
  /** An object parsed from JSON. @since 9 */
  OBJECT: 1,
  /** An ArrayBuffer. @since 9 */
  ARRAY_BUFFER: 2,
} as const);
/** One of the {@link HttpDataType} numbers. @since 9 */
export type HttpDataType = (typeof HttpDataType)[keyof typeof HttpDataType];

/**
 * Encoding of a client certificate file. Default: `PEM`.
 * @since 11
 */
export enum CertType {
  /** PEM text. @since 11 */
  PEM = 'PEM',
  /** DER binary. @since 11 */
  DER = 'DER',
  /** PKCS#12 bundle of certificate and key. @since 11 */
  P12 = 'P12',
}
Object.freeze(CertType);

/**
 * TLS protocol versions for `TlsConfig`.
 * @since 18
 */
export const TlsVersion = Object.freeze({
  /** TLS 1.0. @since 18 */
  TLS_V_1_0: 4,
  /** TLS 1.1. @since 18 */
  TLS_V_1_1: 5,
  /** TLS 1.2. @since 18 */
  TLS_V_1_2: 6,
  /** TLS 1.3. @since 18 */
  TLS_V_1_3: 7,
} as const);
/** One of the {@link TlsVersion} numbers. @since 18 */
export type TlsVersion = (typeof TlsVersion)[keyof typeof TlsVersion];

/**
 * Which IP family host names are resolved to. Unset: both.
 * The object holds the device's run-time values (`'DEFAULT'`, `'ONLY_V4'`, `'ONLY_V6'`); its declared
 * type is the SDK's enum, whose values are spelled `'CURL_IPRESOLVE_*'`. Both spellings select a family.
 * @since 15
 */
export const AddressFamily = Object.freeze({
  DEFAULT: 'DEFAULT',
  ONLY_V4: 'ONLY_V4',
  ONLY_V6: 'ONLY_V6',
}) as unknown as typeof DeclaredAddressFamily;
/** One of the {@link AddressFamily} members. @since 15 */
export type AddressFamily = DeclaredAddressFamily;

/**
 * Secure transport: `'TLS'` (default) or `'TLCP'` (Chinese national standard).
 * @since 20
 */
// The device exports this numeric object at run time, but the option itself takes the strings 'TLS' | 'TLCP'.
export const SslType = Object.freeze({
  /** TLS. @since 20 */
  TLS: 0,
  /** TLCP (not available on Node.js). @since 20 */
  TLCP: 1,
} as const);
/** Value of the `sslType` option, as the SDK declares it. @since 20 */
export type SslType = 'TLS' | 'TLCP';

/**
 * Points in a request where an `HttpInterceptor` runs.
 * @since 22
 */
export enum InterceptorType {
  /** After the first request has been assembled. @since 22 */
  INITIAL_REQUEST = 'INITIAL_REQUEST',
  /** On each redirect response, before the next hop. @since 22 */
  REDIRECTION = 'REDIRECTION',
  /** After a cache hit. @since 22 */
  CACHE_CHECKED = 'READ_CACHE',
  /** Before the network transfer starts. @since 22 */
  NETWORK_CONNECT = 'CONNECT_NETWORK',
  /** When the final response is ready. @since 22 */
  FINAL_RESPONSE = 'FINAL_RESPONSE',
}
Object.freeze(InterceptorType);
