/** Everything `http` holds on the device: factories, the interceptor class, enums and types. */
import type { HttpRequest } from './api/types.js';
import { HttpRequestObject } from './http/HttpRequest.js';
import { loadDeps } from './transport/deps.js';

export { createHttpResponseCache } from './http/HttpResponseCache.js';
export { HttpInterceptorChain } from './http/HttpInterceptorChain.js';
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
} from './api/enums.js';
export type * from './api/types.js';

/** A new request object; it may run many requests, one after another or at once. */
export function createHttp(): HttpRequest {
  // Apps create the object a moment before its first request: start loading the transport now (a failure
  // to load is reported by that request).
  loadDeps().catch(() => undefined);
  return new HttpRequestObject() as unknown as HttpRequest;
}
