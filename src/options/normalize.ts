import type { HttpRequestOptions } from '../api/types.js';
import { CodedFailure } from '../errors/business-error.js';
import { PARAMETER_ERROR } from '../errors/codes.js';
import * as D from './defaults.js';
import { joinQuery } from './encode.js';
import { userHeaders } from './headers.js';
import { multipartTypeForged } from './multipart.js';
import { readNumber, readUint32 } from './numbers.js';
import { bodyBytes, extraDataQuery, queryParamsText } from './payload.js';
import type { RequestPlan } from './plan.js';
import { transportPlanOf } from './transport.js';

const GET_LIKE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);
/** The device's `MethodForPost`: only these get the `application/json` seed. Custom methods are not in it. */
const POST_LIKE = new Set(['POST', 'PUT', 'DELETE', 'PATCH', '']);
const EMPTY_OPTIONS: HttpRequestOptions = Object.freeze({});

function parameterError(reason: string): CodedFailure {
  return new CodedFailure(reason, { device: PARAMETER_ERROR });
}

function methodOf(o: HttpRequestOptions): string {
  const custom = (o as { customMethod?: unknown }).customMethod;
  if (typeof custom === 'string' && custom !== '' && custom.length <= 128) return custom;
  const method = (o as { method?: unknown }).method;
  return typeof method === 'string' ? method : 'GET';
}

function rangeOf(o: HttpRequestOptions): string | undefined {
  const inRange = (v: number | undefined): number | undefined =>
    v !== undefined && Math.trunc(v) >= 1 && Math.trunc(v) <= D.RANGE_MAX ? Math.trunc(v) : undefined;
  const from = inRange(readNumber(o, 'resumeFrom'));
  const to = inRange(readNumber(o, 'resumeTo'));
  if (from !== undefined && to !== undefined) return to > from ? `${from}-${to}` : undefined;
  if (from !== undefined) return `${from}-`;
  if (to !== undefined) return `-${to}`;
  return undefined;
}

/**
 * `maxRedirects` is read as int64 when it is a number: fractions truncate and non-finite values
 * read as 0 (napi_get_value_int64); only [0, 2^31-1] is kept, anything else leaves the default.
 */
function maxRedirectsOf(o: HttpRequestOptions): number {
  const v = readNumber(o, 'maxRedirects');
  if (v === undefined) return D.DEFAULT_MAX_REDIRECTS;
  const n = Number.isFinite(v) ? Math.trunc(v) : 0;
  return n >= 0 && n <= 2147483647 ? n : D.DEFAULT_MAX_REDIRECTS;
}

function enumNumber(o: HttpRequestOptions, name: string): 0 | 1 | 2 | undefined {
  const v = readNumber(o, name);
  if (v === undefined) return undefined;
  const n = v >>> 0;
  return n === 0 || n === 1 || n === 2 ? n : undefined;
}

/** The plan of `request(url)` without options, minus the URL: built once by the general rules below. */
let bare: RequestPlan | undefined;

/**
 * Device parsing rules (spec §2.2–2.4) → a plan, read-only by its type (not frozen: that would cost about 1 % of a
 * small request). Throws a 401 CodedFailure for input the device rejects.
 */
export function normalize(url: string, options: object | undefined): RequestPlan {
  if (options !== undefined) return normalizeOptions(url, options);
  // The commonest call: no options. The plan the rules give, with the URL and a headers object of its own,
  // written out field by field in the order of the general literal so that every plan shares one shape.
  const b = (bare ??= normalizeOptions('', EMPTY_OPTIONS));
  return {
    url,
    method: b.method,
    headers: { ...b.headers },
    body: b.body,
    defaultContentType: b.defaultContentType,
    readTimeout: b.readTimeout,
    connectTimeout: b.connectTimeout,
    maxLimit: b.maxLimit,
    maxRedirects: b.maxRedirects,
    expectDataType: b.expectDataType,
    usingCache: b.usingCache,
    priority: b.priority,
    usingProtocol: b.usingProtocol,
    range: b.range,
    transport: b.transport,
    options: b.options,
  };
}

function normalizeOptions(url: string, options: object): RequestPlan {
  const o = options as HttpRequestOptions;
  const method = methodOf(o);
  const getLike = GET_LIKE.has(method);
  const headers: Record<string, string> = {};
  let target = url;
  let body: Buffer | null = null;
  let urlEncodedSideEffect = false;

  if ('body' in o || 'queryParams' in o) {
    // API 26: body/queryParams replace extraData entirely; an unusable body is simply not sent.
    const query = queryParamsText(o.queryParams);
    target = joinQuery(target, query?.text ?? '');
    urlEncodedSideEffect = query?.encoded ?? false;
    body = 'body' in o ? bodyBytes(o.body) : null;
  } else if ((o.extraData as unknown) !== undefined && (o.extraData as unknown) !== null) {
    if (getLike) {
      const query = extraDataQuery(o.extraData);
      if (query !== undefined) {
        target = joinQuery(target, query.text);
        urlEncodedSideEffect = query.encoded;
      }
    } else {
      body = bodyBytes(o.extraData);
      if (body === null) throw parameterError('extraData must be a non-empty string, ArrayBuffer or object');
    }
  }

  const header = (o as { header?: unknown }).header;
  if (typeof header === 'object' && header !== null) {
    if (POST_LIKE.has(method)) headers['content-type'] = 'application/json';
    if (userHeaders(header, headers) === null) {
      throw parameterError('header names must be tokens; values must not contain CR, LF or other control characters');
    }
  }
  if (multipartTypeForged((o as { multiFormDataList?: unknown }).multiFormDataList, headers)) {
    throw parameterError('a multipart contentType must not contain CR or LF');
  }
  if (urlEncodedSideEffect) headers['content-type'] ??= D.FORM_URLENCODED;
  const defaultContentType = body !== null && headers['content-type'] === undefined;
  if (defaultContentType) headers['content-type'] = D.FORM_URLENCODED;

  const range = rangeOf(o);
  if (range !== undefined) headers.range = `bytes=${range}`;
  else if (!('user-agent' in headers)) headers['user-agent'] = D.USER_AGENT;
  if (!('accept' in headers)) headers.accept = D.ACCEPT;
  if (!('accept-encoding' in headers)) headers['accept-encoding'] = D.ACCEPT_ENCODING;

  const transport = transportPlanOf(o);
  const auth = transport?.auth;
  // serverAuthentication 'basic' is sent up front, as curl does for CURLAUTH_BASIC; a user Authorization header wins.
  if (auth?.type === 'basic' && !('authorization' in headers)) {
    headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }

  const connectTimeout = readUint32(o, 'connectTimeout', D.DEFAULT_CONNECT_TIMEOUT);
  const priority = readNumber(o, 'priority');
  const maxLimit = readUint32(o, 'maxLimit', D.DEFAULT_MAX_LIMIT);
  const usingCache = (o as { usingCache?: unknown }).usingCache;

  return {
    url: target,
    method,
    headers,
    body,
    defaultContentType,
    readTimeout: readUint32(o, 'readTimeout', D.DEFAULT_READ_TIMEOUT),
    connectTimeout: connectTimeout === 0 ? D.CURL_CONNECT_TIMEOUT : connectTimeout,
    maxLimit: Math.min(maxLimit, D.MAX_MAX_LIMIT),
    maxRedirects: maxRedirectsOf(o),
    expectDataType: enumNumber(o, 'expectDataType'),
    usingCache: typeof usingCache === 'boolean' ? usingCache : true,
    priority: priority !== undefined && priority >= 1 && priority <= 1000 ? Math.trunc(priority) : 1,
    usingProtocol: enumNumber(o, 'usingProtocol'),
    range,
    transport,
    options: o,
  };
}
