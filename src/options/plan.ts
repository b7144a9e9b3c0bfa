import type { HttpRequestOptions } from '../api/types.js';

/** Everything the transport needs for one request, decided once, up front, and then frozen. */
export interface RequestPlan {
  /** The URL as given plus the query built from extraData / queryParams (scheme not yet guessed). */
  readonly url: string;
  /** The method string on the wire ('' means curl's default: POST with a body, else GET). */
  readonly method: string;
  /** Lowercased request headers including the library defaults. */
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  /** The content-type was added by us for the body (curl drops it with the body on 301–303). */
  readonly defaultContentType: boolean;
  /** Total transfer timeout in ms; 0 = none. */
  readonly readTimeout: number;
  /** Connection timeout in ms (never 0: 0 became curl's 300 s). */
  readonly connectTimeout: number;
  /** Largest buffered body for request(); 0 fails every non-empty body. */
  readonly maxLimit: number;
  readonly maxRedirects: number;
  readonly expectDataType: 0 | 1 | 2 | undefined;
  readonly usingCache: boolean;
  readonly priority: number;
  readonly usingProtocol: 0 | 1 | 2 | undefined;
  /** `Range` value from resumeFrom/resumeTo, when one applies. */
  readonly range: string | undefined;
  /** The original options object, for the features that read their own fields later. */
  readonly options: HttpRequestOptions;
}
