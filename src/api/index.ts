/**
 * The public types and enums of `@ohos.net.http`, gathered in one place.
 * @module
 */

export type { AsyncCallback, BusinessError, Callback, ErrorCallback } from './base.js';

export {
  AddressFamily,
  CertType,
  HttpDataType,
  HttpProtocol,
  InterceptorType,
  RequestMethod,
  ResponseCode,
  SslType,
  TlsVersion,
} from './enums.js';

export type {
  AuthenticationType,
  CertificatePinning,
  ChainContinue,
  CipherSuite,
  ClientCert,
  ConnectionExtraInfo,
  Credential,
  DataReceiveProgressInfo,
  DataSendProgressInfo,
  HttpInterceptor,
  HttpProxy,
  HttpRequest,
  HttpRequestContext,
  HttpRequestOptions,
  HttpResponse,
  HttpResponseCache,
  MultiFormData,
  PathPreference,
  PerformanceTiming,
  QueryParamObject,
  QueryParamValue,
  RemoteValidation,
  ServerAuthentication,
  Socks5Proxy,
  TlsConfig,
  TlsOptions,
  TlsV10CipherSuite,
  TlsV10SpecificCipherSuite,
  TlsV11CipherSuite,
  TlsV12CipherSuite,
  TlsV12SpecificCipherSuite,
  TlsV13CipherSuite,
  TlsV13SpecificCipherSuite,
  ValidationCallback,
  ValidationContext,
  X509Cert,
} from './types.js';
