// Name resolution for pools with DNS options (spec §2.2 "Host pre-resolution"): the system resolver first, as the
// device pre-resolves every host with it; `dnsServers` and then `dnsOverHttps` only when it finds nothing. Bogus
// fallback settings can therefore never break a request whose host the system resolves.
import * as dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';
import { CodedFailure } from '../errors/business-error.js';
import type { DnsPlan } from '../options/plan.js';

/** Resolver answers that mean "no such name here" (other failures are not retried elsewhere). */
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA']);
/** Time allowed to each fallback (dnsServers, DoH): for DoH, the whole lookup, however busy its connection. */
const FALLBACK_TIMEOUT = 5000;
/** curl's limit on a DoH reply (DYN_DOH_RESPONSE); larger replies fail the lookup. */
export const DOH_MAX_REPLY = 64 * 1024;

/**
 * The signal of the request whose dispatch is running right now. net.connect asks the lookup synchronously
 * inside the dispatch, so a DoH lookup started there is tied to that request and ends when it settles.
 */
let currentSignal: AbortSignal | undefined;

/** Runs `dispatch` with `signal` as the owner of any DoH lookup it starts. */
export function withLookupSignal(signal: AbortSignal | undefined, dispatch: () => void): void {
  const previous = currentSignal;
  currentSignal = signal;
  try {
    dispatch();
  } finally {
    currentSignal = previous;
  }
}

type Family = 0 | 4 | 6;
interface Answer {
  address: string;
  family: number;
}

// ---- DNS over HTTPS (RFC 8484 wire format, POSTed as curl does) -----------------------------------------------

function dohQuery(name: string, type: 1 | 28): Buffer {
  const labels = name.replace(/\.$/, '').split('.').map((l) => Buffer.from(l, 'utf8'));
  const header = Buffer.from([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  const qname = Buffer.concat([...labels.flatMap((l) => [Buffer.from([l.length]), l]), Buffer.from([0])]);
  return Buffer.concat([header, qname, Buffer.from([0, type, 0, 1])]);
}

/** Skips a (possibly compressed) name; returns the offset after it. */
function skipName(msg: Buffer, offset: number): number {
  let i = offset;
  while (i < msg.length) {
    const len = msg[i] as number;
    if (len === 0) return i + 1;
    if ((len & 0xc0) === 0xc0) return i + 2;
    i += len + 1;
  }
  throw new Error('truncated DNS message');
}

function ipv6Text(bytes: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return groups.join(':');
}

/** A and AAAA records of a DNS response. */
export function dohAnswers(msg: Buffer): Answer[] {
  if (msg.length < 12) return [];
  const questions = msg.readUInt16BE(4);
  const answers = msg.readUInt16BE(6);
  let i = 12;
  for (let q = 0; q < questions; q++) i = skipName(msg, i) + 4;
  const out: Answer[] = [];
  for (let a = 0; a < answers && i < msg.length; a++) {
    i = skipName(msg, i);
    const type = msg.readUInt16BE(i);
    const length = msg.readUInt16BE(i + 8);
    const data = msg.subarray(i + 10, i + 10 + length);
    if (type === 1 && length === 4) out.push({ address: [...data].join('.'), family: 4 });
    if (type === 28 && length === 16) out.push({ address: ipv6Text(data), family: 6 });
    i += 10 + length;
  }
  return out;
}

async function dohRequest(url: URL, body: Buffer, context: SecureContext | undefined, signal: AbortSignal): Promise<Buffer> {
  // Loaded only when a DoH fallback actually runs: node:http(s) are costly to import.
  const client = url.protocol === 'http:' ? await import('node:http') : await import('node:https');
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const options = {
      method: 'POST',
      agent: false as const,
      signal,
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message', 'content-length': body.length },
      ...(context === undefined ? {} : { secureContext: context }),
    };
    const req = client.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > DOH_MAX_REPLY) req.destroy(new Error(`DoH reply over ${DOH_MAX_REPLY} bytes`));
        else chunks.push(c);
      });
      res.on('end', () => {
        if (res.statusCode === 200) resolve(Buffer.concat(chunks));
        else reject(new Error(`DoH server answered ${res.statusCode ?? 0}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One DoH lookup: ends at its deadline, at the size limit, or when `owner` (its request) is aborted. */
async function viaDoh(doh: string, host: string, family: Family, context: SecureContext | undefined, owner: AbortSignal | undefined): Promise<Answer[]> {
  const url = new URL(doh);
  const types: (1 | 28)[] = family === 4 ? [1] : family === 6 ? [28] : [1, 28];
  const stop = new AbortController();
  const timer = setTimeout(() => {
    stop.abort(new Error('DoH deadline reached'));
  }, FALLBACK_TIMEOUT);
  const onOwner = (): void => {
    stop.abort(new Error('the request ended'));
  };
  owner?.addEventListener('abort', onOwner, { once: true });
  try {
    for (const type of types) {
      const answers = dohAnswers(await dohRequest(url, dohQuery(host, type), context, stop.signal));
      if (answers.length > 0) return answers;
    }
    return [];
  } finally {
    clearTimeout(timer);
    owner?.removeEventListener('abort', onOwner);
  }
}

// ---- dnsServers ----------------------------------------------------------------------------------

async function viaServers(resolver: dns.promises.Resolver, host: string, family: Family): Promise<Answer[]> {
  const v4 = (): Promise<Answer[]> => resolver.resolve4(host).then((a) => a.map((address) => ({ address, family: 4 })));
  const v6 = (): Promise<Answer[]> => resolver.resolve6(host).then((a) => a.map((address) => ({ address, family: 6 })));
  if (family === 4) return v4();
  if (family === 6) return v6();
  const first = await v4().catch(() => []);
  return first.length > 0 ? first : v6();
}

/** curl resolves every address and filters by family when connecting: nothing left is "could not connect" (7). */
function familyFailure(host: string, family: Family): CodedFailure {
  return new CodedFailure(`${host} has no IPv${family} address`, { curl: 7 });
}

/**
 * The connect `lookup` for a pool's DNS plan, or undefined when the plan needs none. The system resolver is
 * asked first, for every family; addressFamily then filters its answers as curl's IPRESOLVE does. Only when it
 * finds nothing are the plan's servers, then its DoH URL asked. `context` is the pool's TLS trust, which curl
 * also uses for its DoH requests.
 */
export function dnsLookup(plan: DnsPlan, context?: () => SecureContext | undefined): LookupFunction | undefined {
  const family = plan.family;
  if (family === 0 && plan.servers.length === 0 && plan.doh === undefined) return undefined;
  let resolver: dns.promises.Resolver | undefined;
  if (plan.servers.length > 0) {
    resolver = new dns.promises.Resolver({ timeout: FALLBACK_TIMEOUT / 2, tries: 1 });
    resolver.setServers([...plan.servers]);
  }
  const fallback = async (host: string, owner: AbortSignal | undefined): Promise<Answer[]> => {
    if (resolver !== undefined) {
      const found = await viaServers(resolver, host, family).catch(() => []);
      if (found.length > 0) return found;
    }
    return plan.doh === undefined ? [] : viaDoh(plan.doh, host, family, context?.(), owner).catch(() => []);
  };
  const deliver = (host: string, all: boolean, answers: Answer[], callback: (...args: unknown[]) => void): void => {
    const usable = family === 0 ? answers : answers.filter((a) => a.family === family);
    const first = usable[0];
    if (first === undefined) callback(familyFailure(host, family));
    else if (all) callback(null, usable);
    else callback(null, first.address, first.family);
  };
  const lookup = (host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void): void => {
    const all = options.all === true;
    const owner = currentSignal;
    dns.lookup(host, { ...options, family: family === 0 ? options.family : 0, all: true }, (err, answers) => {
      if (err === null) {
        deliver(host, all, answers, callback);
        return;
      }
      if (!NOT_FOUND.has(err.code ?? '')) {
        callback(err);
        return;
      }
      void fallback(host, owner).then((found) => {
        if (found.length === 0) callback(err);
        else deliver(host, all, found, callback);
      });
    });
  };
  return lookup as unknown as LookupFunction;
}

/** An IP literal of the other family than addressFamily asks for: curl cannot connect (7). */
export function literalFailure(host: string, family: Family): CodedFailure | undefined {
  const literal = isIP(host);
  return family !== 0 && literal !== 0 && literal !== family ? familyFailure(host, family) : undefined;
}
