import type { ValidationCallback } from '../api/types.js';
import type { RequestPlan } from '../options/plan.js';
import { parseTarget } from '../options/url.js';
import { proxyFor } from '../transport/proxy.js';

/** Validation callbacks by identity; `PROCESS` keeps their numbers from meaning anything in another process. */
const callbacks = new WeakMap<ValidationCallback, number>();
let nextCallback = 0;
const PROCESS = `${process.pid}.${Date.now()}.${Math.random()}`;

/** The settings that decide whom a response came from, as text for the cache key. */
export interface TrustContext {
  readonly text: string;
  /** Only meaningful inside this process (a validation callback): such entries are never written to the file. */
  readonly volatile: boolean;
}

const PLAIN: TrustContext = { text: '', volatile: false };

function proxyText(plan: RequestPlan): string {
  try {
    return proxyFor(plan.transport, plan.url, parseTarget(plan.url))?.key ?? '';
  } catch {
    return 'unparsable'; // the transfer fails on this URL: nothing is stored under it
  }
}

/**
 * The trust context of a request: validation mode (and callback identity), CA material, pins, client
 * certificate, TLS versions and ciphers, SNI, sslType, DNS servers (the transport plan's key), server
 * credentials, the proxy the request goes through, and the process's extra trusted CAs. Entries are
 * answered only to requests of the same context, so a response taken over an unverified (or differently
 * verified, or differently routed) connection never answers a request that would have refused it.
 */
export function trustContext(plan: RequestPlan): TrustContext {
  const t = plan.transport;
  const proxy = proxyText(plan);
  const extra = process.env.NODE_EXTRA_CA_CERTS ?? '';
  if (t === undefined && proxy === '' && extra === '') return PLAIN;
  let text = `${t?.key ?? ''}\n${proxy}\n${extra}`;
  if (t?.auth !== undefined) text += `\n${JSON.stringify([t.auth.type ?? 'any', t.auth.username, t.auth.password])}`;
  const validation = t?.tls?.validation;
  if (typeof validation !== 'function') return { text, volatile: false };
  let id = callbacks.get(validation);
  if (id === undefined) callbacks.set(validation, (id = ++nextCallback));
  return { text: `${text}\ncallback ${PROCESS}.${String(id)}`, volatile: true };
}
