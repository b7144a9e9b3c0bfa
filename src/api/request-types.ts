/**
 * The request object of `@ohos.net.http` and the response cache handle, with the error codes each
 * request method may report (through the callback or promise; `requestSync` throws them).
 * @module
 */

import type { AsyncCallback, Callback } from './base.js';
import type { DataReceiveProgressInfo, DataSendProgressInfo, HttpRequestOptions, HttpResponse } from './types.js';

/**
 * A request object from `createHttp()`. It can run many requests; listeners are shared by all of them.
 * Argument errors of `request`/`requestInStream` arrive through the callback or promise (code 401). @since 6
 */
export interface HttpRequest {
  /**
   * Send a request; the response arrives in `callback`.
   * @throws {BusinessError} 401 - Parameter error.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 6
   */
  request(url: string, callback: AsyncCallback<HttpResponse>): void;
  /**
   * Send a request with options; the response arrives in `callback`.
   * @throws {BusinessError} 401 - Parameter error.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 6
   */
  request(url: string, options: HttpRequestOptions, callback: AsyncCallback<HttpResponse>): void;
  /**
   * Send a request; resolves with the response.
   * @throws {BusinessError} 401 - Parameter error.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 6
   */
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;

  /**
   * Send a request and block until the response; throws a BusinessError on failure.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 26.0.0
   */
  requestSync(url: string, options?: HttpRequestOptions): HttpResponse;

  /**
   * Send a request whose body is delivered through events; `callback` gets the status code.
   * @throws {BusinessError} 401 - Parameter error.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 10
   */
  requestInStream(url: string, callback: AsyncCallback<number>): void;
  /**
   * Streaming request with options; `callback` gets the status code.
   * @throws {BusinessError} 401 - Parameter error.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 10
   */
  requestInStream(url: string, options: HttpRequestOptions, callback: AsyncCallback<number>): void;
  /**
   * Streaming request; resolves with the status code.
   * @throws {BusinessError} 401 - Parameter error.
   * @throws {BusinessError} 201 - Permission denied.
   * @throws {BusinessError} 2300001 - Unsupported protocol.
   * @throws {BusinessError} 2300003 - Invalid URL format or missing URL.
   * @throws {BusinessError} 2300005 - Failed to resolve the proxy name.
   * @throws {BusinessError} 2300006 - Failed to resolve the host name.
   * @throws {BusinessError} 2300007 - Failed to connect to the server.
   * @throws {BusinessError} 2300008 - Invalid server response.
   * @throws {BusinessError} 2300009 - Access to the remote resource denied.
   * @throws {BusinessError} 2300016 - Error in the HTTP2 framing layer.
   * @throws {BusinessError} 2300018 - Transferred a partial file.
   * @throws {BusinessError} 2300023 - Failed to write the received data to the disk or application.
   * @throws {BusinessError} 2300025 - Upload failed.
   * @throws {BusinessError} 2300026 - Failed to open or read local data from the file or application.
   * @throws {BusinessError} 2300027 - Out of memory.
   * @throws {BusinessError} 2300028 - Operation timeout.
   * @throws {BusinessError} 2300047 - The number of redirections reaches the maximum allowed.
   * @throws {BusinessError} 2300052 - The server returned nothing (no header or data).
   * @throws {BusinessError} 2300055 - Failed to send data to the peer.
   * @throws {BusinessError} 2300056 - Failed to receive data from the peer.
   * @throws {BusinessError} 2300058 - Local SSL certificate error.
   * @throws {BusinessError} 2300059 - The specified SSL cipher cannot be used.
   * @throws {BusinessError} 2300060 - Invalid SSL peer certificate or SSH remote key.
   * @throws {BusinessError} 2300061 - Invalid HTTP encoding format.
   * @throws {BusinessError} 2300063 - Maximum file size exceeded.
   * @throws {BusinessError} 2300070 - Remote disk full.
   * @throws {BusinessError} 2300073 - Remote file already exists.
   * @throws {BusinessError} 2300077 - The SSL CA certificate does not exist or is inaccessible.
   * @throws {BusinessError} 2300078 - Remote file not found.
   * @throws {BusinessError} 2300094 - Authentication error.
   * @throws {BusinessError} 2300999 - Internal error.
   * @throws {BusinessError} 2300998 - It is not allowed to access this domain.
   * @throws {BusinessError} 2300997 - Cleartext traffic not permitted.
   * @throws {BusinessError} 2300996 - The request was intercepted by the HTTP global interceptor.
   * @since 10
   */
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
