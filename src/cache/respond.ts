import { performance } from 'node:perf_hooks';
import type { HttpResponse, PerformanceTiming } from '../api/types.js';
import type { RequestPlan } from '../options/plan.js';
import { buildResponse } from '../response/build.js';
import type { HeaderObject } from '../response/headers.js';
import { toArrayBuffer, typedResult } from '../response/result.js';
import type { TransferResult } from '../transport/transfer.js';
import type { CacheEntry } from './entry.js';

/** Header fields a 304 must not change in the stored response (RFC 9111 §3.2), plus hop-by-hop fields. */
const KEEP_STORED = new Set(['content-length', 'content-encoding', 'content-range', 'transfer-encoding', 'connection', 'keep-alive', 'trailer', 'upgrade', 'te']);

function put(into: HeaderObject, name: string, value: string | string[]): void {
  if (name === '__proto__') Object.defineProperty(into, name, { value, enumerable: true, writable: true, configurable: true });
  else into[name] = value;
}

/** A deep copy (set-cookie array included), so nobody shares the stored object. */
export function copyHeader(header: Readonly<HeaderObject>): HeaderObject {
  const copy: HeaderObject = {};
  for (const name of Object.keys(header)) {
    const value = header[name] as string | string[];
    put(copy, name, Array.isArray(value) ? [...value] : value);
  }
  return copy;
}

/** The stored header updated with the fields of a 304 that validated it. */
export function mergeValidated(stored: Readonly<HeaderObject>, fresh: Readonly<HeaderObject>): HeaderObject {
  const merged = copyHeader(stored);
  for (const [name, value] of Object.entries(copyHeader(fresh))) {
    if (!KEEP_STORED.has(name)) put(merged, name, value);
  }
  return merged;
}

/** A body the application may keep and change: never the stored bytes themselves. */
function resultOf(plan: RequestPlan, entry: CacheEntry, header: HeaderObject): Pick<HttpResponse, 'result' | 'resultType'> {
  const typed = typedResult(entry.body, header, plan.expectDataType);
  if (typed.result === entry.body.buffer) typed.result = toArrayBuffer(Buffer.from(entry.body));
  return typed;
}

/**
 * A fresh hit: the stored status, header (plus `Warning` when the strategy added one), body and
 * cookies; the reduced performanceTiming of the device (three keys) and `isCacheHit: true`.
 */
export function hitResponse(plan: RequestPlan, entry: CacheEntry, warnings: readonly string[], start: number): HttpResponse {
  const header = copyHeader(entry.header);
  if (warnings.length > 0) header.Warning = warnings.join(', ');
  const { result, resultType } = resultOf(plan, entry, header);
  const timing = { responseHeaderTiming: 0, responseBodyTiming: 0, totalTiming: performance.now() - start };
  return {
    responseCode: entry.status,
    cookies: entry.cookies,
    header,
    result,
    resultType,
    performanceTiming: timing as unknown as PerformanceTiming,
    connectionExtraInfo: { ...entry.info, isCacheHit: true },
  };
}

/** A stale entry validated by a 304: stored status and body, merged header, the network's timings and cookies. */
export function validatedResponse(plan: RequestPlan, entry: CacheEntry, t: TransferResult): HttpResponse {
  const header = copyHeader(entry.header);
  const res = buildResponse(plan, { ...t, status: entry.status, header, body: entry.body });
  const { result, resultType } = resultOf(plan, entry, header);
  res.result = result;
  res.resultType = resultType;
  if (res.connectionExtraInfo !== undefined) res.connectionExtraInfo.isCacheHit = true;
  return res;
}
