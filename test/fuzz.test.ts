// Property-based tests (fast-check) over what an app can pass to `request(url, options, cb)`: argument shapes,
// every option key with arbitrary JSON-ish and hostile values, header objects with CR/LF and unicode, and URLs
// around a local server. Properties: never a synchronous throw; never a hang (every call settles within its
// bound, exactly once); always a response or a device code with its exact message; a header never smuggled
// (the server records the raw request heads: no injected header name ever reaches it).
//
// Traffic stays on loopback: hosts are drawn from loopback names only, the environment's proxy is switched off,
// and node:dns `lookup` is guarded — a lookup of any other name fails fast and fails the run.
//
// Runs are seeded (OHOS_FUZZ_SEED, default fixed) so CI is reproducible; set OHOS_FUZZ_SEED=random to explore.
// OHOS_FUZZ_DEBUG=1 prints refused lookups with their stack, and any socket still open after a run, with the call.
import assert from 'node:assert/strict';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import { isIP, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import http, { type HttpRequest, type HttpResponse } from 'ohos-net-http';
import { configure } from 'ohos-net-http/node';
import { MESSAGES as CURL_MESSAGES } from './helpers/device-errors.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { closedPort, fixture, fixturesDir, startRaw, type TestServer } from './helpers/servers.js';

// ---------------------------------------------------------------------------------------------
// The device's codes and exact messages (device-behavior.md §3.2; src/errors/codes.ts ErrorMessages)
// ---------------------------------------------------------------------------------------------

const MESSAGES: Readonly<Record<number, string>> = {
  ...CURL_MESSAGES,
  401: 'Parameter error',
  201: 'Permission denied',
  2300996: 'The request was intercepted by the HTTP global interceptor',
  2300997: 'Cleartext traffic not permitted',
  2300998: 'It is not allowed to access this domain',
};

// ---------------------------------------------------------------------------------------------
// Bounds
// ---------------------------------------------------------------------------------------------

/** Generated readTimeout/connectTimeout never exceed this; options without readTimeout get it. */
const MAX_TIMEOUT = 2000;
/** Every call settles within this (readTimeout ≤ MAX_TIMEOUT; non-number timeouts mean "none": the server bounds those). */
const BOUND = MAX_TIMEOUT + 3000;
/** The server answers whatever it has after this long, so nothing waits on it forever. */
const SERVER_PATIENCE = 400;
const SEED = process.env.OHOS_FUZZ_SEED === 'random' ? undefined : Number(process.env.OHOS_FUZZ_SEED ?? 20_260_801);
const INJECTED = 'X-Injected';

// ---------------------------------------------------------------------------------------------
// The local server: records every raw request head, answers by the first path segment, always closes
// ---------------------------------------------------------------------------------------------

const heads: string[] = [];
const GZ = gzipSync('{"gzip":true}');

function answer(target: string): string | Buffer {
  const route = /^\/([a-z])\//.exec(target)?.[1];
  const close = 'Connection: close\r\n';
  switch (route) {
    case 'r':
      return `HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\n${close}\r\n`;
    case 'g':
      return Buffer.concat([
        Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${GZ.length}\r\n${close}\r\n`),
        GZ,
      ]);
    case 'c':
      return `HTTP/1.1 200 OK\r\nSet-Cookie: a=b; Path=/\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n${close}\r\nok`;
    case 'b':
      return `HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 4\r\n${close}\r\n\x00\x01\x02\x03`;
    case 'n':
      return `HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n${close}\r\n`;
    default:
      return `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n${close}\r\n{"ok":true}`;
  }
}

/** Reads one request (head, then a Content-Length body or a chunked one), answers, closes. */
function serve(socket: Socket): void {
  let buf = Buffer.alloc(0);
  let head: string | undefined;
  let need = -1;
  let done = false;
  const finish = (target: string): void => {
    if (done) return;
    done = true;
    clearTimeout(patience);
    socket.end(answer(target));
  };
  // Whatever happens (a body that never comes, TLS bytes, half a head), answer after SERVER_PATIENCE.
  const patience = setTimeout(() => {
    finish('/');
  }, SERVER_PATIENCE);
  socket.once('close', () => {
    clearTimeout(patience);
  });
  socket.on('data', (chunk: Buffer) => {
    if (done) return;
    if (head === undefined && buf.length === 0 && chunk[0] === 0x16) {
      socket.destroy(); // a TLS ClientHello: not spoken here
      return;
    }
    buf = Buffer.concat([buf, chunk]);
    if (head === undefined) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      head = buf.subarray(0, end).toString('latin1');
      heads.push(head);
      buf = buf.subarray(end + 4);
      const length = /^content-length:\s*(\d+)\s*$/im.exec(head)?.[1];
      need = length !== undefined ? Number(length) : /^transfer-encoding:.*chunked/im.test(head) ? Infinity : 0;
    }
    const target = head.split(' ')[1] ?? '/';
    if (need === Infinity ? buf.includes('0\r\n\r\n') : buf.length >= need) finish(target);
  });
}

// ---------------------------------------------------------------------------------------------
// DNS guard: only `localhost` may be looked up
// ---------------------------------------------------------------------------------------------

const foreignLookups: string[] = [];
/** The call being made (for OHOS_FUZZ_DEBUG reports). */
let currentCall = '';
const originalLookup = dns.lookup;
const originalPromisesLookup = dns.promises.lookup;
const LOOPBACK_NAMES = new Set(['localhost']);

/** `localhost` or a loopback IP literal (127.0.0.0/8, ::1). */
function loopback(hostname: unknown): boolean {
  const name = String(hostname).toLowerCase();
  if (LOOPBACK_NAMES.has(name)) return true;
  const ip = isIP(name);
  return (ip === 4 && name.startsWith('127.')) || (ip === 6 && /^(0*:)*:?0*1$/.test(name));
}

function refuse(hostname: string): NodeJS.ErrnoException {
  foreignLookups.push(hostname);
  if (process.env.OHOS_FUZZ_DEBUG !== undefined) console.error('LOOKUP', hostname, currentCall, new Error().stack);
  return Object.assign(new Error(`fuzz: lookup of ${hostname} refused (loopback only)`), { code: 'ENOTFOUND', hostname });
}

function guardDns(): void {
  const lookup = (hostname: string, ...rest: unknown[]): void => {
    if (loopback(hostname)) {
      (originalLookup as (...a: unknown[]) => void)(hostname, ...rest);
      return;
    }
    const callback = rest[rest.length - 1] as (err: Error) => void;
    process.nextTick(callback, refuse(hostname));
  };
  dns.lookup = lookup as typeof dns.lookup;
  dns.promises.lookup = ((hostname: string, ...rest: unknown[]) =>
    loopback(hostname)
      ? (originalPromisesLookup as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest)
      : Promise.reject(refuse(hostname))) as typeof dns.promises.lookup;
  syncBuiltinESMExports();
}

function unguardDns(): void {
  dns.lookup = originalLookup;
  dns.promises.lookup = originalPromisesLookup;
  syncBuiltinESMExports();
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

let server: TestServer;
let port = 0;
let deadPort = 0;

/** Text with everything a header or URL should survive: controls, CR/LF, unicode, quotes, separators. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '\t', '\0', ':', ';', '%', '"', 'é', '中', '😀', '\x7f'), maxLength: 16 }),
  fc.constantFrom('', ' ', '\r\n', 'a\r\nb', 'ok', '中文', '😀', '\u2028', 'x'.repeat(300)),
);
/** Ordinary text: printable ASCII most of the time, unicode sometimes. */
const plainText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);
/** An HTTP token, as header names and methods are. */
const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,15}$/);

/** A CR/LF payload that would add a header named X-Injected-<n> if it went out unescaped. */
const injection = fc
  .tuple(fc.constantFrom('\r\n', '\n', '\r', '\r\n\r\n', '\r\n '), fc.nat(999), nastyText)
  .map(([eol, n, tail]) => `${eol}${INJECTED}-${n}: yes${tail}`);

/** Hostile values: odd prototypes, throwing getters and traps, non-JSON types. */
const hostile = fc.constantFrom<unknown>(
  Object.create(null) as object,
  Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('getter'); } }),
  // Throws on every look at its own keys and string properties (symbols stay readable for fast-check itself).
  new Proxy({}, {
    ownKeys: () => { throw new Error('ownKeys'); },
    get: (target, key) => { if (typeof key === 'string') throw new Error('get'); return Reflect.get(target, key) as unknown; },
    has: (target, key) => { if (typeof key === 'string') throw new Error('has'); return Reflect.has(target, key); },
  }),
  [1, 2, 3],
  new Date(0),
  new Map([['a', 1]]),
  /re/,
  Symbol('s'),
  10n,
  () => 'fn',
  new ArrayBuffer(4),
  new Uint8Array([1, 2]),
  Number.NaN,
  Infinity,
  -0,
  new String('boxed'),
);
/** Anything an app could pass: JSON-ish values mostly, hostile ones sometimes. */
const anyValue = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
  { weight: 1, arbitrary: hostile },
);
/** A sensible value for a key most of the time, anything at all sometimes. */
function mostly<T>(sensible: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  const arbitrary: fc.Arbitrary<unknown> = sensible;
  return fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: anyValue });
}

/** Only loopback hosts, in the spellings people write. */
const loopHost = fc.constantFrom('127.0.0.1', 'localhost', '::1', '[::1]', '');
/** File paths that exist, do not, or are directories — never devices or anything large. */
const path = fc.oneof(
  fc.constantFrom(fixture('ca.pem'), fixture('client.pem'), fixture('client-key.pem'), fixture('client.p12'), fixturesDir, '', '/nonexistent/file.pem'),
  nastyText.map((s) => `/nonexistent/${s}`),
);
const timeout = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: MAX_TIMEOUT }) }, { weight: 1, arbitrary: anyValue });

/** Header objects: token names and printable values mostly; CR/LF, unicode and hostile values sometimes. */
const headerObject = fc.dictionary(
  fc.oneof(
    { weight: 6, arbitrary: token },
    { weight: 2, arbitrary: fc.constantFrom('Content-Type', 'Accept', 'Cookie', 'Authorization', 'Host', 'Range', 'Content-Length', 'Transfer-Encoding', 'Connection', 'Expect', 'Upgrade') },
    { weight: 1, arbitrary: nastyText },
    { weight: 1, arbitrary: injection },
  ),
  fc.oneof(
    { weight: 6, arbitrary: plainText },
    { weight: 1, arbitrary: nastyText },
    { weight: 1, arbitrary: injection },
    { weight: 2, arbitrary: anyValue },
  ),
  { maxKeys: 4 },
);

const multiPart = fc.record(
  {
    name: mostly(plainText),
    contentType: fc.oneof(fc.constantFrom('text/plain', 'application/json'), nastyText, injection),
    remoteFileName: fc.oneof(plainText, injection),
    data: fc.oneof(plainText, anyValue),
    filePath: path,
  },
  { requiredKeys: [] },
);

const proxyObject = fc.record(
  {
    host: loopHost,
    port: fc.oneof(fc.constantFrom(0, 1, 65_535, 70_000, -1), fc.constant(0).map(() => port), fc.constant(0).map(() => deadPort)),
    username: fc.oneof(plainText, injection),
    password: fc.oneof(plainText, injection),
    exclusionList: mostly(fc.array(fc.oneof(loopHost, plainText), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

/**
 * CONNECT is left out: undici takes any 2xx answer to it for a tunnel and hands the socket to an upgrade
 * handler the library does not have, so the request never settles without readTimeout and its socket leaks
 * (see faults.test.ts, "method CONNECT").
 */
function notConnect(method: unknown): boolean {
  return typeof method !== 'string' || method.trim().toUpperCase() !== 'CONNECT';
}

/** A value generator for every option the device declares. */
const optionValues: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  method: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...Object.values(http.RequestMethod)) },
    { weight: 1, arbitrary: fc.oneof(token, nastyText, injection, anyValue) },
  ).filter(notConnect),
  extraData: mostly(fc.oneof(plainText.filter((s) => s !== ''), fc.dictionary(token, plainText, { maxKeys: 3 }), fc.constant(new ArrayBuffer(8)))),
  expectDataType: mostly(fc.constantFrom(0, 1, 2, 3, -1)),
  usingCache: mostly(fc.boolean()),
  priority: mostly(fc.integer({ min: -5, max: 2000 })),
  header: headerObject,
  readTimeout: timeout,
  connectTimeout: timeout,
  usingProtocol: mostly(fc.constantFrom(0, 1, 2, 3)),
  usingProxy: fc.oneof(fc.boolean(), proxyObject, anyValue),
  caPath: mostly(path),
  caData: mostly(fc.oneof(plainText, fc.constant('-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n'))),
  sslType: mostly(fc.constantFrom('TLS', 'TLCP')),
  clientEncCert: mostly(fc.record({ certPath: path, keyPath: path })),
  resumeFrom: mostly(fc.integer({ min: -10, max: 5_000_000_000 })),
  resumeTo: mostly(fc.integer({ min: -10, max: 5_000_000_000 })),
  clientCert: mostly(fc.record({ certPath: path, keyPath: path, certType: mostly(fc.constantFrom('PEM', 'DER', 'P12')), keyPassword: plainText }, { requiredKeys: [] })),
  dnsOverHttps: mostly(fc.constantFrom('https://127.0.0.1:1/dns-query', 'http://[::1]:1/q', 'not a url', '')),
  dnsServers: mostly(fc.array(mostly(fc.constantFrom('127.0.0.1', '::1', '127.0.0.1:53', 'not-an-ip', '', '999.1.1.1')), { maxLength: 4 })),
  maxLimit: mostly(fc.integer({ min: -1, max: 200 * 1024 * 1024 })),
  multiFormDataList: mostly(fc.array(multiPart, { maxLength: 3 })),
  certificatePinning: mostly(fc.oneof(
    fc.record({ publicKeyHash: plainText, hashAlgorithm: mostly(fc.constant('SHA-256')) }),
    fc.array(fc.record({ publicKeyHash: plainText, hashAlgorithm: fc.constant('SHA-256') }), { maxLength: 2 }),
  )),
  remoteValidation: mostly(fc.constantFrom<unknown>('system', 'skip', () => true, () => false, () => { throw new Error('validation'); }, () => Promise.resolve(true), () => Promise.reject(new Error('no')))),
  tlsOptions: mostly(fc.oneof(
    fc.constant('system'),
    fc.record({ tlsVersionMin: mostly(fc.integer({ min: -1, max: 5 })), tlsVersionMax: mostly(fc.integer({ min: -1, max: 5 })), cipherSuites: mostly(fc.array(plainText, { maxLength: 2 })) }, { requiredKeys: [] }),
  )),
  serverAuthentication: mostly(fc.record({
    credential: mostly(fc.record({ username: fc.oneof(plainText, injection), password: plainText })),
    authenticationType: mostly(fc.constantFrom('basic', 'ntlm', 'digest')),
  }, { requiredKeys: [] })),
  addressFamily: mostly(fc.constantFrom('DEFAULT', 'ONLY_V4', 'ONLY_V6', 'CURL_IPRESOLVE_V4', 'CURL_IPRESOLVE_V6', 'CURL_IPRESOLVE_WHATEVER')),
  sniHostName: mostly(plainText),
  maxRedirects: mostly(fc.integer({ min: -1, max: 2_147_483_647 })),
  customMethod: fc.oneof(
    { weight: 4, arbitrary: fc.oneof(fc.constantFrom('PROPFIND', 'PATCH', 'GET', 'HEAD', 'x'.repeat(200)), token) },
    { weight: 1, arbitrary: fc.oneof(nastyText, injection, anyValue) },
  ).filter(notConnect),
  pathPreference: mostly(fc.constantFrom('auto', 'primaryCellular', 'secondaryCellular')),
  reuseConnections: mostly(fc.boolean()),
  inactivityMs: mostly(fc.integer()),
  usingSocks5Proxy: mostly(fc.record({ host: loopHost, port: fc.constant(0).map(() => deadPort), username: plainText, password: plainText }, { requiredKeys: [] })),
  enablePartialChain: mostly(fc.boolean()),
  queryParams: mostly(fc.oneof(plainText, injection, fc.dictionary(plainText, fc.oneof(plainText, fc.array(plainText, { maxLength: 2 }), anyValue), { maxKeys: 3 }))),
  body: mostly(plainText),
};

/** Options objects: a handful of keys at a time, each with a value from its generator. */
const optionsRecord: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.oneof(...Object.entries(optionValues).map(([key, arb]) => arb.map((v): [string, unknown] => [key, v]))), { maxLength: 6 })
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

/** A URL path, query or fragment: ordinary characters mostly. */
const urlPart = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~%!$&'()*+,;=:@/-]{0,20}$/) },
  { weight: 1, arbitrary: plainText },
  { weight: 1, arbitrary: nastyText },
  { weight: 1, arbitrary: injection },
);

/** URLs around the local server (and a closed port): schemes, spellings, and arbitrary paths. Loopback only. */
const url = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('http://127.0.0.1:P', 'http://localhost:P', 'HTTP://127.0.0.1:P', '127.0.0.1:P', 'localhost:P') },
          { weight: 1, arbitrary: fc.constantFrom('http://user:pw@127.0.0.1:P', 'http://127.0.0.1:P/../..', 'http://[::1]:P', 'https://127.0.0.1:P', 'http://127.0.0.1:D') },
        ),
        fc.constantFrom('/', '/r/', '/g/', '/c/', '/b/', '/n/'),
        urlPart,
        fc.oneof(fc.constant(''), urlPart.map((q) => `?${q}`)),
        fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: urlPart.map((h) => `#${h}`) }),
      )
      .map(([base, route, p, q, h]) => base.replace('P', String(port)).replace('D', String(deadPort)) + route + p + q + h),
  },
  {
    weight: 1,
    // Not here: strings whose host a resolver would be asked for ('http:///x' is host x, 'javascript:1' is
    // http://javascript:1, '127.0.0.1.' is a name) — curl asks the resolver for those too.
    arbitrary: fc.constantFrom('', ' ', 'http://', 'http://[::1', 'http://127.0.0.1:99999/', 'http://127.0.0.1:-1/',
      'ws://127.0.0.1/', 'ftp://127.0.0.1/', 'file:///etc/hostname', 'data:text/plain,hi', 'http://127.0.0.1\\x/',
      'http://exa mple.invalid/', 'http://127.0.0.1:0/', '\u0000', 'http://%31%32%37.0.0.1/'),
  },
);

// ---------------------------------------------------------------------------------------------
// One call, observed
// ---------------------------------------------------------------------------------------------

interface Outcome {
  /** 'callback' or 'promise': how the call settled. */
  readonly via: 'callback' | 'promise';
  readonly err: unknown;
  readonly value: unknown;
}

/** Calls tracked by id: how often each settled (must end at exactly 1). */
const settlements: number[] = [];
const unhandled: unknown[] = [];

/**
 * Calls `fn` on `args` (functions in `args` marked CALLBACK are replaced by counting callbacks) and waits for its
 * single settlement; fails on a synchronous throw, a second channel, or no settlement within `bound` ms.
 */
const CALLBACK = Symbol('callback');
async function observe(req: HttpRequest, method: 'request' | 'requestInStream', args: readonly unknown[], bound: number): Promise<Outcome> {
  const id = settlements.push(0) - 1;
  let resolveOutcome!: (o: Outcome) => void;
  const outcome = new Promise<Outcome>((resolve) => {
    resolveOutcome = resolve;
  });
  const callbacks: number[] = [];
  const real = args.map((a, i) => {
    if (a !== CALLBACK) return a;
    return (err: unknown, value: unknown): void => {
      settlements[id] = (settlements[id] ?? 0) + 1;
      callbacks.push(i);
      resolveOutcome({ via: 'callback', err, value });
    };
  });
  let returned: unknown;
  currentCall = `${method}(${describeArgs(args)})`;
  try {
    returned = (req[method] as (...a: unknown[]) => unknown)(...real);
  } catch (err) {
    assert.fail(`synchronous throw from ${method}(${describeArgs(args)}): ${String(err)}`);
  }
  if (returned !== undefined) {
    assert.ok(returned instanceof Promise, `${method} returned ${typeof returned}`);
    returned.then(
      (value: unknown) => {
        settlements[id] = (settlements[id] ?? 0) + 1;
        resolveOutcome({ via: 'promise', err: undefined, value });
      },
      (err: unknown) => {
        settlements[id] = (settlements[id] ?? 0) + 1;
        resolveOutcome({ via: 'promise', err, value: undefined });
      },
    );
  }
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no settlement within ${bound} ms: ${method}(${describeArgs(args)})`));
    }, bound);
  });
  try {
    const o = await Promise.race([outcome, hang]);
    if (returned === undefined) {
      assert.equal(o.via, 'callback', 'returned undefined, so the callback settles');
      assert.deepEqual(callbacks, [args.length - 1], 'only the last argument is called back');
    } else {
      assert.equal(o.via, 'promise', 'returned a promise, so no callback is called');
    }
    return o;
  } finally {
    clearTimeout(timer);
    if (process.env.OHOS_FUZZ_DEBUG !== undefined) {
      const sockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
      const until = Date.now() + 1500;
      while (sockets() > 0 && Date.now() < until) await sleep(20);
      if (sockets() > 0) console.error('LEAK', sockets(), currentCall);
    }
  }
}

function describeArgs(args: readonly unknown[]): string {
  return args.map((a) => (a === CALLBACK ? 'cb' : show(a))).join(', ').slice(0, 2000);
}

/** fc.stringify, safe for the hostile values (a Proxy that throws on every trap). */
function show(value: unknown): string {
  try {
    return fc.stringify(value);
  } catch {
    return '<unprintable>';
  }
}

/** A device error: exactly `code` and the exact message for it enumerable, on a BusinessError. */
function assertDeviceError(err: unknown, context: string): number {
  assert.ok(typeof err === 'object' && err !== null, `error is an object: ${context}`);
  assert.ok(err instanceof Error && err.name === 'BusinessError', `a BusinessError: ${context}`);
  assert.deepEqual(Object.keys(err), ['code', 'message'], `keys: ${context}`);
  const { code, message } = err as unknown as { code: unknown; message: unknown };
  assert.ok(typeof code === 'number' && code in MESSAGES, `code ${String(code)} is a device code: ${context}`);
  assert.equal(message, MESSAGES[code], `exact message for ${code}: ${context}`);
  return code;
}

/** Outcomes seen, by device code or 'response' (reported as a diagnostic, to see what the runs reached). */
const seen = new Map<string, number>();
function tally(key: string): void {
  seen.set(key, (seen.get(key) ?? 0) + 1);
}

/** A device response (request) or status code (requestInStream). */
function assertOutcome(o: Outcome, method: 'request' | 'requestInStream', context: string): void {
  if (o.err !== undefined && o.err !== null) {
    tally(String(assertDeviceError(o.err, context)));
    if (o.via === 'callback') assert.equal(o.value, undefined, `(err, undefined): ${context}`);
    return;
  }
  tally('response');
  if (method === 'requestInStream') {
    assert.ok(typeof o.value === 'number' && Number.isInteger(o.value), `status code: ${context}`);
    return;
  }
  const res = o.value as HttpResponse;
  assert.ok(typeof res === 'object' && res !== null, `a response: ${context}`);
  assert.ok(Number.isInteger(res.responseCode) && res.responseCode >= 100 && res.responseCode <= 999, `responseCode ${String(res.responseCode)}`);
  assert.equal(typeof res.cookies, 'string', 'cookies is a string');
  assert.ok(typeof res.header === 'object' && res.header !== null, 'header is an object');
  assert.ok([0, 1, 2].includes(res.resultType), `resultType ${String(res.resultType)}`);
  for (const [k, v] of Object.entries(res.performanceTiming)) assert.ok(typeof v === 'number' && v >= 0, `performanceTiming.${k} = ${String(v)}`);
}


/** Adds readTimeout: MAX_TIMEOUT to plain option objects that do not set it. */
function withTimeout(options: Record<string, unknown>): Record<string, unknown> {
  return 'readTimeout' in options ? options : { ...options, readTimeout: MAX_TIMEOUT };
}

/** Every recorded head is one well-formed request whose header names carry no injected name. */
function assertNoSmuggling(from: number): void {
  for (const head of heads.slice(from)) {
    const lines = head.split('\r\n');
    assert.match(lines[0] ?? '', /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+ [^\x00-\x20\x7f]+ HTTP\/1\.1$/, `request line: ${JSON.stringify(lines[0])}`);
    for (const line of lines.slice(1)) {
      assert.match(line, /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:/, `header line: ${JSON.stringify(line)} in ${JSON.stringify(head)}`);
      assert.ok(!line.toLowerCase().startsWith(INJECTED.toLowerCase()), `injected header reached the server: ${JSON.stringify(head)}`);
    }
    assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(head), `bare CR or LF in the head: ${JSON.stringify(head)}`);
  }
}

/** Prints what the runs of one property reached, then starts a fresh tally. */
function report(t: { diagnostic(message: string): void }, runs: number, from: number): void {
  const parts = [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`);
  t.diagnostic(`${runs} runs: ${parts.join(' ')}; ${heads.length - from} request heads reached the server`);
  seen.clear();
}

/**
 * `numRuns` cases, all of them: a property stopped by the time limit (a hang, or a machine too slow for the
 * full count) fails instead of passing with fewer cases than it claims.
 */
function params(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, ...(SEED === undefined ? {} : { seed: SEED }), interruptAfterTimeLimit: 50_000, markInterruptAsFailure: true };
}

describe('fuzz: request() never throws, never hangs, always answers as the device', () => {
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(async () => {
    leakBaseline();
    process.on('unhandledRejection', onUnhandled);
    // The environment's proxy variables must not send anything anywhere.
    configure({ defaultProxy: null });
    server = await startRaw(serve);
    port = server.port;
    deadPort = await closedPort();
    guardDns();
  });

  after(async () => {
    await sleep(100); // late second settlements land here
    const twice = settlements.flatMap((n, id) => (n === 1 ? [] : [`call ${id}: ${n}`]));
    await server.close();
    unguardDns();
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(twice, [], 'every call settles exactly once');
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
    assert.deepEqual(foreignLookups, [], 'no name other than localhost was looked up');
    await assertNoLeaks({ timeoutMs: 3000 });
  });

  it('argument shapes: anything in any position', async (t) => {
    const start = heads.length;
    const arg = fc.oneof(
      { weight: 3, arbitrary: url },
      { weight: 3, arbitrary: optionsRecord.map(withTimeout) },
      { weight: 3, arbitrary: fc.constant(CALLBACK) },
      // A function the test does not count would look like a hang: only CALLBACK stands for functions here.
      { weight: 2, arbitrary: anyValue.filter((v) => typeof v !== 'function') },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null) },
    );
    const options = optionsRecord.map(withTimeout);
    const shapes = fc.oneof(
      // The four shapes the device accepts…
      fc.tuple(url),
      fc.tuple(url, fc.constant(CALLBACK)),
      fc.tuple(url, options),
      fc.tuple(url, options, fc.constant(CALLBACK)),
      // …and anything else, in any position.
      fc.array(arg, { maxLength: 5 }),
      fc.array(arg, { maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('request' as const, 'requestInStream' as const), shapes, async (method, args) => {
        const req = http.createHttp();
        try {
          const o = await observe(req, method, args, BOUND);
          assertOutcome(o, method, `${method}(${describeArgs(args)})`);
          // Shapes the device refuses (spec §2.1/§3.4) must give 401.
          const n = args.length;
          const isObject = (v: unknown): boolean => v === CALLBACK ? false : typeof v === 'object' && v !== null;
          const invalid = n === 0 || n > 3 || typeof args[0] !== 'string' ||
            (n === 2 && args[1] !== CALLBACK && !isObject(args[1])) ||
            (n === 3 && (args[2] !== CALLBACK || !isObject(args[1])));
          if (invalid) assert.equal((o.err as { code?: unknown } | undefined)?.code, 401, `invalid shape → 401: ${describeArgs(args)}`);
        } finally {
          req.destroy();
        }
      }),
      params(250),
    );
    report(t, 250, start);
  });

  it('option values: every key, arbitrary and hostile values', async (t) => {
    const start = heads.length;
    await fc.assert(
      fc.asyncProperty(url, optionsRecord, fc.boolean(), async (u, options, viaCallback) => {
        const req = http.createHttp();
        const from = heads.length;
        try {
          const opts = withTimeout(options);
          const o = await observe(req, 'request', viaCallback ? [u, opts, CALLBACK] : [u, opts], BOUND);
          assertOutcome(o, 'request', `request(${show(u)}, ${show(opts)})`);
          assertNoSmuggling(from);
        } finally {
          req.destroy();
        }
      }),
      params(350),
    );
    report(t, 350, start);
  });

  it('headers: CR/LF and unicode in names and values never reach the server as headers', async (t) => {
    const start = heads.length;
    const base = fc.constantFrom('/', '/r/', '/c/').map((route) => `http://127.0.0.1:${port}${route}`);
    const method = fc.constantFrom(undefined, 'GET', 'POST', 'PUT', 'HEAD');
    await fc.assert(
      fc.asyncProperty(base, headerObject, method, fc.oneof(injection, nastyText).filter(notConnect), async (u, header, m, customMethod) => {
        const req = http.createHttp();
        const from = heads.length;
        try {
          const withInjection = { ...header, 'X-Carrier': `v${customMethod}` };
          const opts = { header: withInjection, readTimeout: MAX_TIMEOUT, ...(m === undefined ? {} : { method: m }), extraData: 'x=1' };
          const o = await observe(req, 'request', [u, opts], BOUND);
          assertOutcome(o, 'request', `request(${u}, ${show(opts)})`);
          const custom = await observe(req, 'request', [u, { customMethod, readTimeout: MAX_TIMEOUT }], BOUND);
          assertOutcome(custom, 'request', `customMethod ${JSON.stringify(customMethod)}`);
          assertNoSmuggling(from);
        } finally {
          req.destroy();
        }
      }),
      params(200),
    );
    report(t, 200, start);
  });

  it('URLs: schemes, spellings, paths, queries and fragments around the local server', async (t) => {
    const start = heads.length;
    await fc.assert(
      fc.asyncProperty(url, fc.constantFrom('request' as const, 'requestInStream' as const), async (u, method) => {
        const req = http.createHttp();
        const from = heads.length;
        try {
          const o = await observe(req, method, [u, { readTimeout: MAX_TIMEOUT }], BOUND);
          assertOutcome(o, method, `${method}(${JSON.stringify(u)})`);
          assertNoSmuggling(from);
        } finally {
          req.destroy();
        }
      }),
      params(200),
    );
    report(t, 200, start);
  });
});
