// serverAuthentication beyond 'basic' (which normalize sends up front): curl's CURLAUTH_DIGEST and CURLAUTH_ANY.
// The first request goes out without credentials; a 401 whose WWW-Authenticate offers a usable scheme is
// answered once (RFC 7616 Digest, else Basic when any scheme is allowed). The 401 itself is not reported.
import { createHash, randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { AuthPlan } from '../options/plan.js';

interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

const PART = /[\s,]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|[^\s,]*))?/y;

/** RFC 9110 challenges: `Scheme param=value, param="value", Other …`; several headers or one combined. */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  const out: { scheme: string; params: Record<string, string> }[] = [];
  for (const text of header === undefined ? [] : Array.isArray(header) ? header : [header]) {
    PART.lastIndex = 0;
    let current: { scheme: string; params: Record<string, string> } | undefined;
    for (let m = PART.exec(text); m !== null; m = PART.exec(text)) {
      const [, name = '', value] = m;
      if (value === undefined) {
        current = { scheme: name.toLowerCase(), params: {} };
        out.push(current);
      } else if (current !== undefined) {
        current.params[name.toLowerCase()] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
      }
      if (PART.lastIndex >= text.length) break;
    }
  }
  return out;
}

const HASHES: Readonly<Record<string, string>> = { md5: 'md5', 'sha-256': 'sha256', 'sha-512-256': 'sha512-256' };

function hashOf(algorithm: string): ((s: string) => string) | undefined {
  const name = HASHES[algorithm.replace(/-sess$/, '')];
  return name === undefined ? undefined : (s) => createHash(name).update(s, 'utf8').digest('hex');
}

/** The Authorization value answering a Digest challenge (RFC 7616, qop=auth as curl picks it), or undefined. */
export function digestAuthorization(c: Challenge, auth: AuthPlan, method: string, uri: string, cnonce?: string): string | undefined {
  const { realm = '', nonce, opaque, qop } = c.params;
  const algorithm = c.params.algorithm ?? 'MD5';
  const h = hashOf(algorithm.toLowerCase());
  if (nonce === undefined || h === undefined) return undefined;
  const useQop = qop?.split(',').some((q) => q.trim().toLowerCase() === 'auth') ?? false;
  if (qop !== undefined && !useQop) return undefined;
  const nc = '00000001';
  const cn = cnonce ?? randomBytes(16).toString('hex');
  const userhash = c.params.userhash?.toLowerCase() === 'true';
  const username = userhash ? h(`${auth.username}:${realm}`) : auth.username;
  let ha1 = h(`${auth.username}:${realm}:${auth.password}`);
  if (algorithm.toLowerCase().endsWith('-sess')) ha1 = h(`${ha1}:${nonce}:${cn}`);
  const ha2 = h(`${method}:${uri}`);
  const response = useQop ? h(`${ha1}:${nonce}:${nc}:${cn}:auth:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);
  const q = (s: string): string => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [`username=${q(username)}`, `realm=${q(realm)}`, `nonce=${q(nonce)}`, `uri=${q(uri)}`];
  if (useQop) parts.push(`cnonce=${q(cn)}`, `nc=${nc}`, 'qop=auth');
  parts.push(`response=${q(response)}`);
  if (opaque !== undefined) parts.push(`opaque=${q(opaque)}`);
  if (c.params.algorithm !== undefined) parts.push(`algorithm=${algorithm}`);
  if (userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

/** The answer to the best challenge the allowed schemes can meet: Digest before Basic, as curl ranks them. */
function answer(header: string | string[] | undefined, auth: AuthPlan, method: string, uri: string): string | undefined {
  const challenges = parseChallenges(header);
  for (const c of challenges) {
    if (c.scheme !== 'digest') continue;
    const value = digestAuthorization(c, auth, method, uri);
    if (value !== undefined) return value;
  }
  if (auth.type === undefined && challenges.some((c) => c.scheme === 'basic')) {
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }
  return undefined;
}

type Route = Pick<Dispatcher, 'dispatch'>;

/** Wraps one hop's handler: swallows an answerable 401 and sends the request again, once, with credentials. */
export class AuthRetry implements Dispatcher.DispatchHandler {
  readonly #route: Route;
  readonly #opts: Dispatcher.DispatchOptions;
  readonly #auth: AuthPlan;
  readonly #inner: Dispatcher.DispatchHandler;
  #authorization: string | undefined;
  #retried = false;

  constructor(route: Route, opts: Dispatcher.DispatchOptions, auth: AuthPlan, inner: Dispatcher.DispatchHandler) {
    this.#route = route;
    this.#opts = opts;
    this.#auth = auth;
    this.#inner = inner;
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#inner.onRequestStart?.(controller, context);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    if (statusCode === 401 && !this.#retried) {
      this.#authorization = answer(headers['www-authenticate'], this.#auth, this.#opts.method, this.#opts.path);
      if (this.#authorization !== undefined) return;
    }
    this.#inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#authorization === undefined || this.#retried) this.#inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Record<string, string | string[] | undefined>): void {
    if (this.#authorization !== undefined && !this.#retried) {
      this.#retried = true;
      const headers = { ...(this.#opts.headers as Record<string, string>), authorization: this.#authorization };
      // Leave undici's callback before dispatching again on the same pool.
      queueMicrotask(() => {
        try {
          this.#route.dispatch({ ...this.#opts, headers }, this);
        } catch (err) {
          this.#inner.onResponseError?.(controller, err as Error);
        }
      });
      return;
    }
    this.#inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, err: Error): void {
    this.#inner.onResponseError?.(controller, err);
  }
}
