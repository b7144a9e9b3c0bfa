/**
 * Public types of `@ohos.net.http` (newest API level), shaped like the device SDK so that HarmonyOS
 * code type-checks unchanged. ArkTS `int`, `long` and `double` are plain `number` here. Where the
 * device declares `Object` (headers, bodies, results) this file does too.
 * @module
 */

import type { AsyncCallback, Callback } from './base.js';
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
  Socks5DnsStrategy,
  SslType,
  TlsVersion,
} from './enums.js';

// ---------------------------------------------------------------------------------------------
// Proxies (declared in @ohos.net.connection on the device)
// ---------------------------------------------------------------------------------------------

/** An HTTP proxy for `usingProxy`. @since 10 */
export interface HttpProxy {
  /** Proxy host name or IP address. */
  host: string;
  /** Proxy port, 0–65535. */
  port: number;
  /** Proxy user; used only together with `password`. @since 12 */
  username?: string;
  /** Proxy password; used only together with `username`. @since 12 */
  password?: string;
  /** Hosts reached directly, without the proxy. */
  exclusionList: string[];
}

/** A SOCKS5 proxy for `usingSocks5Proxy`. @since 26.0.0 */
export interface Socks5Proxy {
  /** Proxy host name or IP address. */
  host: string;
  /** Proxy port. */
  port: number;
  /** User for SOCKS5 username/password authentication. */
  username?: string;
  /** Password for SOCKS5 username/password authentication. */
  password?: string;
  /** Where host names are resolved. Unset: by the proxy for a `socks5h://` host, else locally. */
  dnsStrategy?: Socks5DnsStrategy;
  /** Hosts reached directly, without the proxy. */
  exclusionList?: string[];
}

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
  /** Form field name. */
  name: string;
  /** MIME type of the part, e.g. `text/plain`. */
  contentType: string;
  /** File name announced to the server for this part. */
  remoteFileName?: string;
  /** Part content held in memory; wins over `filePath`. */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  data?: string | Object | ArrayBuffer;
  /** Path of a file whose content becomes the part; needed when `data` is unset. */
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
  /** Until name resolution finished. */
  dnsTiming: number;
  /** Until the TCP connection was up. */
  tcpTiming: number;
  /** Until the TLS handshake finished. */
  tlsTiming: number;
  /** Until the first byte was sent. */
  firstSendTiming: number;
  /** Until the first byte was received. */
  firstReceiveTiming: number;
  /** Until the transfer completed. */
  totalFinishTiming: number;
  /** Time spent in redirects. */
  redirectTiming: number;
  /** Until the response headers were parsed. */
  responseHeaderTiming: number;
  /** Until the response body was complete. */
  responseBodyTiming: number;
  /** Until the result was handed to the application. */
  totalTiming: number;
}

/** Details of the connection that served a response. @since 24 */
export interface ConnectionExtraInfo {
  /** Protocol used, e.g. `'HTTP/1.1'`, `'HTTP/2'`, `'HTTP/2 over TLS'`, `'Unknown/Non-HTTP'`. */
  networkProtocolName: string;
  /** TLS version, when TLS was used. */
  tlsVersion?: TlsVersion;
  /** Cipher suite, when TLS was used. */
  cipherSuite?: CipherSuite;
  /** Local IP address. */
  localAddress: string;
  /** Remote IP address. */
  remoteAddress: string;
  /** Local port. */
  localPort: number;
  /** Remote port. */
  remotePort: number;
  /** Whether a pooled connection was reused. */
  isReusedConnection: boolean;
  /** Whether a proxy was used. */
  isProxyConnection: boolean;
  /** Whether the response came from the cache. */
  isCacheHit: boolean;
  /** Number of redirects followed. */
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
  /** Bytes received so far. */
  receiveSize: number;
  /** Bytes expected in total (0 when unknown). */
  totalSize: number;
}

/** Payload of `'dataSendProgress'`. @since 11 */
export interface DataSendProgressInfo {
  /** Bytes sent so far. */
  sendSize: number;
  /** Bytes to send in total. */
  totalSize: number;
}

// ---------------------------------------------------------------------------------------------
// Interceptors
// ---------------------------------------------------------------------------------------------

/** Request data an interceptor may read and change. @since 22 */
export interface HttpRequestContext {
  /** Request URL. */
  url: string;
  /** Request headers (lowercase names). */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  header: Object;
  /** Request body. */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  body: Object;
}

/** `true`: go on with the request; `false`: stop and answer with the response context. @since 22 */
export type ChainContinue = boolean;

/** A hook that runs at one {@link InterceptorType} point of `request()` (not `requestInStream()`). @since 22 */
export interface HttpInterceptor {
  /** When this interceptor runs. */
  interceptorType: InterceptorType;
  /** Inspect or change the request or response; resolve whether to continue. */
  interceptorHandle(reqContext: HttpRequestContext, rspContext: HttpResponse): Promise<ChainContinue>;
}

// ---------------------------------------------------------------------------------------------
// HttpRequest and HttpResponseCache
// ---------------------------------------------------------------------------------------------

/**
 * A request object from `createHttp()`. It can run many requests; listeners are shared by all of them.
 * Argument errors of `request`/`requestInStream` arrive through the callback or promise (code 401). @since 6
 */
export interface HttpRequest {
  /** Send a request; the response arrives in `callback`. @since 6 */
  request(url: string, callback: AsyncCallback<HttpResponse>): void;
  /** Send a request with options; the response arrives in `callback`. @since 6 */
  request(url: string, options: HttpRequestOptions, callback: AsyncCallback<HttpResponse>): void;
  /** Send a request; resolves with the response. @since 6 */
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;

  /** Send a request and block until the response; throws a BusinessError on failure. @since 26.0.0 */
  requestSync(url: string, options?: HttpRequestOptions): HttpResponse;

  /** Send a request whose body is delivered through events; `callback` gets the status code. @since 10 */
  requestInStream(url: string, callback: AsyncCallback<number>): void;
  /** Streaming request with options; `callback` gets the status code. @since 10 */
  requestInStream(url: string, options: HttpRequestOptions, callback: AsyncCallback<number>): void;
  /** Streaming request; resolves with the status code. @since 10 */
  requestInStream(url: string, options?: HttpRequestOptions): Promise<number>;

  /** Abort unfinished transfers and release the object; later calls fail. @since 6 */
  destroy(): void;

  /**
   * Listen for response headers (error-first form).
   * @deprecated since 8 — use `on('headersReceive')`.
   * @since 6
   */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  on(type: 'headerReceive', callback: AsyncCallback<Object>): void;
  /** Listen for each block of response headers. @since 8 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  on(type: 'headersReceive', callback: Callback<Object>): void;
  /** Listen for body chunks of streaming requests. @since 10 */
  on(type: 'dataReceive', callback: Callback<ArrayBuffer>): void;
  /** Listen for the end of a streaming body. @since 10 */
  on(type: 'dataEnd', callback: Callback<void>): void;
  /** Listen for download progress. @since 10 */
  on(type: 'dataReceiveProgress', callback: Callback<DataReceiveProgressInfo>): void;
  /** Listen for upload progress. @since 11 */
  on(type: 'dataSendProgress', callback: Callback<DataSendProgressInfo>): void;

  /** Listen for the next block of response headers only. @since 8 */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  once(type: 'headersReceive', callback: Callback<Object>): void;

  /**
   * Stop listening for response headers (error-first form); without `callback`, remove any listener.
   * @deprecated since 8 — use `off('headersReceive')`.
   * @since 6
   */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  off(type: 'headerReceive', callback?: AsyncCallback<Object>): void;
  /** Stop listening for response headers. @since 8 (`callback` optional since 11) */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- device type
  off(type: 'headersReceive', callback?: Callback<Object>): void;
  /** Stop listening for body chunks. @since 10 */
  off(type: 'dataReceive', callback?: Callback<ArrayBuffer>): void;
  /** Stop listening for the end of a streaming body. @since 10 */
  off(type: 'dataEnd', callback?: Callback<void>): void;
  /** Stop listening for download progress. @since 10 */
  off(type: 'dataReceiveProgress', callback?: Callback<DataReceiveProgressInfo>): void;
  /** Stop listening for upload progress. @since 11 */
  off(type: 'dataSendProgress', callback?: Callback<DataSendProgressInfo>): void;

  /** Keep cookies across the requests of this object (`false`, the default, also clears them). @since 26.0.0 */
  enableAutoCookie(enable: boolean): void;
}

/** The response cache from `createHttpResponseCache()`. @since 9 */
export interface HttpResponseCache {
  /** Write the cache to disk; `callback` reports completion. @since 9 */
  flush(callback: AsyncCallback<void>): void;
  /** Write the cache to disk. @since 9 */
  flush(): Promise<void>;
  /** Turn the cache off and delete its content; `callback` reports completion. @since 9 */
  delete(callback: AsyncCallback<void>): void;
  /** Turn the cache off and delete its content. @since 9 */
  delete(): Promise<void>;
}
