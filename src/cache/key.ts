import { hash } from 'node:crypto';
import type { RequestPlan } from '../options/plan.js';

/** curl's CURL_HTTP_VERSION_* number for `usingProtocol` (none given: CURL_HTTP_VERSION_NONE). */
const CURL_HTTP_VERSION = ['2', '3', '30'] as const;
/** Validators the application may add itself; they do not make a different resource. */
const NOT_IN_KEY = new Set(['if-none-match', 'if-modified-since']);

/** The method actually sent: '' is curl's default, POST with a body and GET without. */
export function effectiveMethod(plan: RequestPlan): string {
  return plan.method === '' ? (plan.body === null ? 'GET' : 'POST') : plan.method;
}

/**
 * The device's cache key — final URL (query included), lowercase method, the request headers in
 * sorted name order without the two validators, and the protocol number — hashed with SHA-256
 * (the device base64-encodes the text instead; a hash keeps the file small). Two additions: the
 * headers are those the first hop sends (`sent`: the jar's cookies included, so one object's
 * responses never answer another's), and the trust context (so entries never cross TLS, proxy or
 * credential settings); both add nothing for a plain request without cookies.
 */
export function cacheKey(plan: RequestPlan, sent: Readonly<Record<string, string>>, context: string): string {
  let text = `${plan.url}\r\n${effectiveMethod(plan).toLowerCase()}\r\n`;
  for (const name of Object.keys(sent).sort()) {
    if (!NOT_IN_KEY.has(name)) text += `${name}:${sent[name] ?? ''}\r\n`;
  }
  text += plan.usingProtocol === undefined ? '0' : CURL_HTTP_VERSION[plan.usingProtocol];
  if (context !== '') text += `\r\n${context}`;
  return hash('sha256', text, 'base64url');
}
