import { performance } from 'node:perf_hooks';
import type { HttpResponse } from '../api/types.js';
import type { RequestPlan } from '../options/plan.js';
import { connectionInfo, performanceTiming } from '../transport/timing.js';
import type { TransferResult } from '../transport/transfer.js';
import { typedResult } from './result.js';

/** The `HttpResponse` of a network transfer, with the device's property order. */
export function buildResponse(plan: RequestPlan, t: TransferResult): HttpResponse {
  const { result, resultType } = typedResult(t.body, t.header, plan.expectDataType);
  return {
    responseCode: t.status,
    cookies: t.jar === undefined ? '' : t.jar.netscape(),
    header: t.header,
    result,
    resultType,
    performanceTiming: performanceTiming(t.marks, performance.now()),
    connectionExtraInfo: connectionInfo(t.socket, t.reused, t.redirects),
  };
}
