/** Everything `http` holds on the device: factories, the interceptor class, enums and types. */
import type { HttpInterceptorChain as InterceptorChainShape, HttpInterceptorChainConstructor, HttpRequest } from './api/types.js';
import { HttpInterceptorChain as InterceptorChainClass } from './http/HttpInterceptorChain.js';
import { HttpRequestObject } from './http/HttpRequest.js';
import { loadDeps } from './transport/deps.js';

export { createHttpResponseCache } from './http/HttpResponseCache.js';
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

/**
 * Interceptor chains (API 22): `new HttpInterceptorChain()`, `addChain([...])`, `apply(httpRequest)`.
 * @since 22
 */
export const HttpInterceptorChain: HttpInterceptorChainConstructor = InterceptorChainClass;
/** An interceptor chain. @since 22 */
export type HttpInterceptorChain = InterceptorChainShape;

/**
 * A new request object; it may run many requests, one after another or at once.
 * @since 6
 */
export function createHttp(): HttpRequest {
  // Apps create the object a moment before its first request: start loading the transport now (a failure
  // to load is reported by that request).
  loadDeps().catch(() => undefined);
  return new HttpRequestObject() as unknown as HttpRequest;
}
