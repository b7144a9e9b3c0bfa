import { performance } from 'node:perf_hooks';
import type { HttpDataType } from '../api/enums.js';
import type { HttpInterceptor, HttpRequestContext, HttpResponse } from '../api/types.js';
import { userHeaders } from '../options/headers.js';
import type { RequestPlan } from '../options/plan.js';
import { mergeHeaderBlock, type HeaderObject } from '../response/headers.js';

/** The request as an interceptor sees it: URL, lowercased headers, body as text. */
export function requestContext(plan: RequestPlan): HttpRequestContext {
  return { url: plan.url, header: { ...plan.headers }, body: plan.body === null ? '' : plan.body.toString('utf8') };
}

/** A plan carrying what the interceptor left in the context (an unchanged body keeps its bytes). */
export function planFrom(plan: RequestPlan, ctx: HttpRequestContext): RequestPlan {
  const headers = typeof ctx.header === 'object' ? userHeaders(ctx.header, {}) ?? plan.headers : plan.headers;
  const text = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
  const original = plan.body === null ? '' : plan.body.toString('utf8');
  const body = text === original ? plan.body : text === '' ? null : Buffer.from(text, 'utf8');
  return Object.freeze({ ...plan, url: typeof ctx.url === 'string' ? ctx.url : plan.url, headers, body });
}

/** The response context handed to interceptors that run before there is a response. */
export function blankResponse(): HttpResponse {
  return {
    responseCode: 0,
    cookies: '',
    header: '',
    result: '',
    resultType: 0,
    performanceTiming: {
      dnsTiming: 0, tcpTiming: 0, tlsTiming: 0, firstSendTiming: 0, firstReceiveTiming: 0, totalFinishTiming: 0,
      redirectTiming: 0, responseHeaderTiming: 0, responseBodyTiming: 0, totalTiming: 0,
    },
  };
}

/** Raw header text (CRLF lines, as the device wants from interceptors) → the header object. */
function headerObject(header: unknown): HeaderObject {
  if (typeof header !== 'string') return typeof header === 'object' && header !== null ? (header as HeaderObject) : {};
  const raw: string[] = [];
  for (const line of header.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) raw.push(line.slice(0, at), line.slice(at + 1));
  }
  const out: HeaderObject = {};
  mergeHeaderBlock(out, raw);
  return out;
}

/** The response an interceptor chose by stopping the chain: whatever it left in its response context. */
export function responseFrom(rsp: HttpResponse, start: number): HttpResponse {
  const result = rsp.result;
  const resultType: HttpDataType = typeof result === 'string' ? 0 : result instanceof ArrayBuffer ? 2 : 1;
  const timing = { ...blankResponse().performanceTiming, totalTiming: performance.now() - start };
  return {
    responseCode: typeof rsp.responseCode === 'number' ? rsp.responseCode : 0,
    cookies: typeof rsp.cookies === 'string' ? rsp.cookies : '',
    header: headerObject(rsp.header),
    result,
    resultType,
    performanceTiming: timing,
  };
}

/**
 * Runs one interceptor point; resolves whether the request goes on. A throw or rejection fails the
 * request with 2300999 (the device would drop it without ever calling back).
 */
export async function passes(
  chain: ReadonlyMap<string, HttpInterceptor>,
  point: string,
  req: HttpRequestContext,
  rsp: HttpResponse,
): Promise<boolean> {
  const interceptor = chain.get(point);
  if (interceptor === undefined) return true;
  // Only an explicit false stops the chain: a handler that resolves nothing lets the request go on.
  const verdict: unknown = await interceptor.interceptorHandle(req, rsp);
  return verdict !== false;
}
