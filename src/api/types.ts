/**
 * Public types of `@ohos.net.http` (newest API level), shaped like the device SDK so that HarmonyOS
 * code type-checks unchanged. ArkTS `int`, `long` and `double` are plain `number` here. Where the
 * device declares `Object` (headers, bodies, results) this file does too.
 * @module
 */

import type { HttpRequest } from './request-types.js';
import type { HttpProxy as ConnectionHttpProxy, Socks5Proxy as ConnectionSocks5Proxy } from './connection-types.js';
import type {
  CertificatePinning,
  CipherSuite,
  ClientCert,
  RemoteValidation,
  ServerAuthentication,
  TlsOptions,
} from './tls-types.js';
import type {
  AddressFamily,
  HttpDataType,
  HttpProtocol,
  InterceptorType,
  RequestMethod,
  ResponseCode,
  SslType,
  TlsVersion,
} from './enums.js';

/** An HTTP proxy for `usingProxy` (declared by `@ohos.net.connection`). @since 10 */
export type HttpProxy = ConnectionHttpProxy;
/** A SOCKS5 proxy for `usingSocks5Proxy` (declared by `@ohos.net.connection`). @since 26.0.0 */
export type Socks5Proxy = ConnectionSocks5Proxy;

export type * from './tls-types.js';

// ---------------------------------------------------------------------------------------------
// Request options
// ---------------------------------------------------------------------------------------------

/** Network to send the request on. Default: `'auto'`. @since 23 */
export type PathPreference = 'auto' | 'primaryCellular' | 'secondaryCellular';

/** One query parameter value; `null`/`undefined` give a bare key without `=`. @since 26.0.0 */
export type QueryParamValue = string | number | boolean | null | undefined;

/** Query parameters as an object; array values repeat the key. @since 26.0.0 */
export type QueryParamObject = Record<string, QueryParamValue | QueryParamValue[]>;

/** One part of a `multipart/form-data` body. @since 11 */
export interface MultiFormData {
  /** Form field name. @since 11 */
  name: string;
  /** MIME type of the part, e.g. `text/plain`. @since 11 */
  contentType: string;
  /** File name announced to the server for this part. @since 11 */
  remoteFileName?: string;
  /** Part content held in memory; wins over `filePath`. @since 11 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  data?: string | Object | ArrayBuffer;
  /** Path of a file whose content becomes the part; needed when `data` is unset. @since 11 */
  filePath?: string;
}

/** Options of a request; every field is optional. @since 6 */
export interface HttpRequestOptions {
  /** HTTP method. Default: `GET`. @since 6 */
  method?: RequestMethod;
  /**
   * Body for POST/PUT/DELETE-like methods, or query data appended to the URL for GET-like methods.
   * Do not pass `''`. @since 6
   */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  extraData?: string | Object | ArrayBuffer;
  /** Preferred type of `HttpResponse.result`. Unset: decided by `content-type`. @since 9 */
  expectDataType?: HttpDataType;
  /** Whether the response cache may be used. Default: `true`. @since 9 */
  usingCache?: boolean;
  /** Priority among concurrent requests, 1–1000. Default: `1`. @since 9 */
  priority?: number;
  /** Request headers as a plain object. @since 6 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  header?: Object;
  /** Timeout of the whole transfer in ms; `0` means none. Default: `60000`. @since 6 */
  readTimeout?: number;
  /** Connection timeout in ms. Default: `60000`. @since 6 */
  connectTimeout?: number;
  /** HTTP version. Default: chosen automatically. @since 9 */
  usingProtocol?: HttpProtocol;
  /** `true` or unset: system proxy; `false`: no proxy; an {@link HttpProxy}: that proxy. @since 10 */
  usingProxy?: boolean | HttpProxy;
  /** Path of a PEM file with extra trusted CA certificates. @since 10 */
  caPath?: string;
  /** One extra trusted CA certificate as PEM text (≤ 8000 bytes); ignored when `caPath` is set. @since 20 */
  caData?: string;
  /** Secure transport. Default: `'TLS'`. @since 20 */
  sslType?: SslType;
  /** Encryption certificate for TLCP. @since 20 */
  clientEncCert?: ClientCert;
  /** First byte to download (GET only, 1–4294967296, else ignored). @since 11 */
  resumeFrom?: number;
  /** Last byte to download (GET only, 1–4294967296, else ignored). @since 11 */
  resumeTo?: number;
  /** Client certificate sent to the server. @since 11 */
  clientCert?: ClientCert;
  /** DNS-over-HTTPS server URL, `https://host:port/path`. @since 11 */
  dnsOverHttps?: string;
  /** DNS server IP addresses; at most the first three are used. @since 11 */
  dnsServers?: string[];
  /** Largest response body accepted, in bytes. Default: 5 MiB; max 100 MiB. @since 11 */
  maxLimit?: number;
  /** Parts of a `multipart/form-data` body. @since 11 */
  multiFormDataList?: MultiFormData[];
  /** Public-key pin(s) the server must match. @since 12 */
  certificatePinning?: CertificatePinning | CertificatePinning[];
  /** Server certificate check. Default: `'system'`. @since 18 */
  remoteValidation?: RemoteValidation;
  /** TLS versions and ciphers. Default: `'system'`. @since 18 */
  tlsOptions?: TlsOptions;
  /** HTTP authentication to the server. Default: none. @since 18 */
  serverAuthentication?: ServerAuthentication;
  /** IP family for name resolution. Default: both. @since 15 */
  addressFamily?: AddressFamily;
  /** TLS SNI host name (≤ 255 chars). Default: `''` (the URL host). @since 23 */
  sniHostName?: string;
  /** Maximum redirects to follow, 0–2147483647; `0` disables. Default: `30`. @since 23 */
  maxRedirects?: number;
  /** Any method name (≤ 128 chars), e.g. WebDAV's; wins over `method`. Default: `''`. @since 23 */
  customMethod?: string;
  /** Network to use. Default: `'auto'`. @since 23 */
  pathPreference?: PathPreference;
  /** Whether connections are kept and reused. Default: `true`. @since 26.0.0 */
  reuseConnections?: boolean;
  /** Idle time in ms after which a pooled connection is closed; `≤ 0` means default (118 s). @since 26.0.0 */
  inactivityMs?: number;
  /** SOCKS5 proxy; wins over `usingProxy`. @since 26.0.0 */
  usingSocks5Proxy?: Socks5Proxy;
  /** Accept a chain ending at a trusted intermediate CA. Default: `true` for TLS, `false` for TLCP. @since 26.0.0 */
  enablePartialChain?: boolean;
  /** Query string (without `?`) or object; wins over query data from `extraData`. @since 26.0.0 */
  queryParams?: string | QueryParamObject;
  /** Request body for any method; wins over `extraData`. @since 26.0.0 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  body?: string | Object | ArrayBuffer;
}

// ---------------------------------------------------------------------------------------------
// Responses and events
// ---------------------------------------------------------------------------------------------

/** Milliseconds from the start of the request to each milestone. @since 11 */
export interface PerformanceTiming {
  /** Until name resolution finished. @since 11 */
  dnsTiming: number;
  /** Until the TCP connection was up. @since 11 */
  tcpTiming: number;
  /** Until the TLS handshake finished. @since 11 */
  tlsTiming: number;
  /** Until the first byte was sent. @since 11 */
  firstSendTiming: number;
  /** Until the first byte was received. @since 11 */
  firstReceiveTiming: number;
  /** Until the transfer completed. @since 11 */
  totalFinishTiming: number;
  /** Time spent in redirects. @since 11 */
  redirectTiming: number;
  /** Until the response headers were parsed. @since 11 */
  responseHeaderTiming: number;
  /** Until the response body was complete. @since 11 */
  responseBodyTiming: number;
  /** Until the result was handed to the application. @since 11 */
  totalTiming: number;
}

/** Details of the connection that served a response. @since 24 */
export interface ConnectionExtraInfo {
  /** Protocol used, e.g. `'HTTP/1.1'`, `'HTTP/2'`, `'HTTP/2 over TLS'`, `'Unknown/Non-HTTP'`. @since 24 */
  networkProtocolName: string;
  /** TLS version, when TLS was used. @since 24 */
  tlsVersion?: TlsVersion;
  /** Cipher suite, when TLS was used. @since 24 */
  cipherSuite?: CipherSuite;
  /** Local IP address. @since 24 */
  localAddress: string;
  /** Remote IP address. @since 24 */
  remoteAddress: string;
  /** Local port. @since 24 */
  localPort: number;
  /** Remote port. @since 24 */
  remotePort: number;
  /** Whether a pooled connection was reused. @since 24 */
  isReusedConnection: boolean;
  /** Whether a proxy was used. @since 24 */
  isProxyConnection: boolean;
  /** Whether the response came from the cache. @since 24 */
  isCacheHit: boolean;
  /** Number of redirects followed. @since 24 */
  redirectCount: number;
}

/** Result of a completed request. Fields are listed in the device's property order. @since 6 */
export interface HttpResponse {
  /** Status code of the last response (any status counts as success). @since 6 */
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- device type
  responseCode: ResponseCode | number;
  /** All cookies of the request's jar in Netscape cookie-file format; `''` if none. @since 8 */
  cookies: string;
  /** Response headers: lowercase names, `set-cookie` as an array of strings. @since 6 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  header: Object;
  /** Body as string, parsed JSON, or ArrayBuffer, per {@link HttpResponse.resultType}. @since 6 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  result: string | Object | ArrayBuffer;
  /** Which type `result` has. @since 9 */
  resultType: HttpDataType;
  /** Timing of the request phases. @since 11 */
  performanceTiming: PerformanceTiming;
  /** Connection details. @since 24 */
  connectionExtraInfo?: ConnectionExtraInfo;
}

/** Payload of `'dataReceiveProgress'`. @since 11 */
export interface DataReceiveProgressInfo {
  /** Bytes received so far. @since 11 */
  receiveSize: number;
  /** Bytes expected in total (0 when unknown). @since 11 */
  totalSize: number;
}

/** Payload of `'dataSendProgress'`. @since 11 */
export interface DataSendProgressInfo {
  /** Bytes sent so far. @since 11 */
  sendSize: number;
  /** Bytes to send in total. @since 11 */
  totalSize: number;
}

// ---------------------------------------------------------------------------------------------
// Interceptors
// ---------------------------------------------------------------------------------------------

/** Request data an interceptor may read and change. @since 22 */
export interface HttpRequestContext {
  /** Request URL. @since 22 */
  url: string;
  /** Request headers (lowercase names). @since 22 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  header: Object;
  /** Request body. @since 22 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  body: Object;
}

/** `true`: go on with the request; `false`: stop and answer with the response context. @since 22 */
export type ChainContinue = boolean;

/** A hook that runs at one {@link InterceptorType} point of `request()` (not `requestInStream()`). @since 22 */
export interface HttpInterceptor {
  /** When this interceptor runs. @since 22 */
  interceptorType: InterceptorType;
  /** Inspect or change the request or response; resolve whether to continue. @since 22 */
  interceptorHandle(reqContext: HttpRequestContext, rspContext: HttpResponse): Promise<ChainContinue>;
}

/**
 * An ordered set of interceptors, one per {@link InterceptorType}, applied to `HttpRequest` objects.
 * Create it with `new http.HttpInterceptorChain()`.
 * @since 22
 */
export interface HttpInterceptorChain {
  /**
   * The interceptors in the order they were added.
   * @since 22
   */
  getChain(): HttpInterceptor[];
  /**
   * Append interceptors; each type may occur once in a chain.
   * @throws {BusinessError} 2300801 - `chain` is not an array.
   * @throws {BusinessError} 2300802 - A type is already in the chain.
   * @throws {BusinessError} 2300999 - An interceptor has no type.
   * @since 22
   */
  addChain(chain: HttpInterceptor[]): boolean;
  /**
   * Attach this chain to a request object, replacing any earlier one; `false` when the chain is empty.
   * @throws {BusinessError} 2300801 - Not exactly one argument, or not an object.
   * @throws {BusinessError} 2300999 - The object is not from `createHttp()`.
   * @since 22
   */
  apply(httpRequest: HttpRequest): boolean;
}

/** The `HttpInterceptorChain` class: `new HttpInterceptorChain()` gives an empty chain. @since 22 */
export interface HttpInterceptorChainConstructor {
  /** An empty chain. @since 22 */
  new (): HttpInterceptorChain;
  /** The methods every chain has. @since 22 */
  readonly prototype: HttpInterceptorChain;
}

export type * from './request-types.js';
