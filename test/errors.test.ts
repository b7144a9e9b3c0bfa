// Error codes against the oracle: for every fault, the system curl (libcurl is what the device runs) and our
// request() hit the SAME local server, and our code must be the device's mapping of curl's exit code
// (device-behavior.md §3.3: 2300000 + curl code when listed, else 2300999). Also checks the device's error
// shape (§3.1, decisions.md): a plain {code, message} object, non-enumerable `cause`, in both delivery forms.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import http, { type HttpRequestOptions } from 'ohos-net-http';
import { curlRun, curlVersion } from './helpers/curl.js';
import { deviceCodeForCurl, MESSAGES } from './helpers/device-errors.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { closedPort, faults, fixture, repoRoot, startHttps, startRaw, type FaultName, type TestServer } from './helpers/servers.js';

/**
 * What curl is always told, because our request does the same by default: GET (curl's default), follow
 * redirects (-L), transparent decoding (--compressed), connectTimeout/readTimeout 60 s. `--proto =http,https`:
 * our client speaks only http(s), like the device (ws:// → 2300001 on the device, §3.2); a curl ≥ 8.11 built
 * with WebSockets would otherwise try to connect.
 */
const CURL_BASE = ['-S', '--proto', '=http,https', '-L', '--compressed', '--connect-timeout', '60', '-m', '60'];
const CA = ['--cacert', fixture('ca.pem')];

interface Target {
  readonly url: string;
  readonly server?: TestServer;
}

interface Case {
  readonly name: string;
  /** Starts what the case needs; both curl and our request go to `url`. */
  readonly target: () => Promise<Target>;
  /** curl arguments beyond CURL_BASE (a later `-m` overrides the base one). */
  readonly curl?: readonly string[];
  readonly options?: HttpRequestOptions;
  /**
   * Turns the machine's curl exit code into the 8.x answer where the two versions disagree (decisions.md:
   * follow 8.x). Asserts the machine's answer is one of the known ones.
   */
  readonly as8x?: (curlExit: number) => number;
  readonly todo?: string;
}

function raw(fault: FaultName): () => Promise<Target> {
  return async () => {
    const server = await startRaw(faults[fault]);
    return { url: server.url, server };
  };
}

function https(cert: 'untrusted' | 'expired'): () => Promise<Target> {
  return async () => {
    const server = await startHttps((_req, res) => {
      res.end('unreachable');
    }, { cert });
    return { url: server.url, server };
  };
}

function noServer(url: string): () => Promise<Target> {
  return () => Promise.resolve({ url });
}

const cases: readonly Case[] = [
  {
    name: 'connection refused',
    target: async () => ({ url: `http://127.0.0.1:${await closedPort()}/` }),
  },
  { name: 'empty reply', target: raw('emptyReply') },
  { name: 'truncated body (Content-Length 100, 10 bytes, FIN)', target: raw('truncated') },
  { name: 'garbage status line', target: raw('garbage') },
  { name: 'broken chunking', target: raw('brokenChunking') },
  { name: 'reset before response', target: raw('reset') },
  { name: 'reset mid-body', target: raw('resetMidBody') },
  {
    name: 'timeout: stall before headers',
    target: raw('stallBeforeHeaders'),
    curl: ['-m', '0.5'],
    options: { readTimeout: 500 },
  },
  {
    name: 'timeout: stall mid-body',
    target: raw('stallMidBody'),
    curl: ['-m', '0.5'],
    options: { readTimeout: 500 },
  },
  {
    name: 'redirect loop (default maxRedirects 30)',
    target: raw('redirectLoop'),
    curl: ['--max-redirs', '30'],
  },
  {
    name: 'redirect with maxRedirects: 0',
    target: raw('redirectLoop'),
    curl: ['--max-redirs', '0'],
    options: { maxRedirects: 0 },
  },
  // Both sides trust the good test CA (caPath / --cacert); the server's chain is from another CA.
  { name: 'untrusted certificate', target: https('untrusted'), curl: CA, options: { caPath: fixture('ca.pem') } },
  // Signed by the trusted test CA, but expired in 2001.
  { name: 'expired certificate', target: https('expired'), curl: CA, options: { caPath: fixture('ca.pem') } },
  { name: 'unresolvable host', target: noServer('http://nohost.invalid/') },
  { name: 'bad URL: unclosed IPv6 bracket', target: noServer('http://[::1') },
  { name: 'bad URL: space in host', target: noServer('http://exa mple.com') },
  { name: 'unsupported scheme ws://', target: noServer('ws://127.0.0.1/') },
  { name: 'empty URL', target: noServer('') },
  { name: 'bad gzip body', target: raw('badGzip') },
  {
    // One 200 KiB header line. curl 7.88 fails with CURLE_OUT_OF_MEMORY (27, listed → 2300027); since 8.6 the
    // same limit is CURLE_TOO_LARGE (100, not listed → 2300999). The device ships curl 8.x and the project
    // follows 8.x where versions disagree (decisions.md), so the expected code is 2300999 on every machine.
    name: 'oversized response headers',
    target: raw('oversizedHeaders'),
    as8x: (curlExit) => {
      assert.ok(curlExit === 27 || curlExit === 100, `curl exit ${curlExit}, expected 27 (7.x) or 100 (>= 8.6)`);
      return 100;
    },
  },
];

/**
 * Our error must be the device's {code, message} (the only enumerable own properties) with a non-enumerable
 * `cause`; it is a `BusinessError` so that Node's crash report names it (decisions.md).
 */
function assertDeviceError(err: unknown, code: number, form: string): void {
  assert.ok(typeof err === 'object' && err !== null, `${form}: error is an object`);
  assert.ok(err instanceof Error, `${form}: an Error, for Node's crash report`);
  assert.equal(err.name, 'BusinessError', `${form}: name`);
  assert.deepEqual(Object.keys(err), ['code', 'message'], `${form}: enumerable keys`);
  for (const key of ['name', 'stack']) assert.ok(!Object.prototype.propertyIsEnumerable.call(err, key), `${form}: ${key} is not enumerable`);
  const message = MESSAGES[code];
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- spreading is what device code does with it
  assert.deepEqual({ ...err }, { code, message }, `${form}: code and message`);
  assert.equal(JSON.stringify(err), JSON.stringify({ code, message }), `${form}: JSON`);
  const cause = Object.getOwnPropertyDescriptor(err, 'cause');
  assert.ok(cause !== undefined, `${form}: has a cause`);
  assert.equal(cause.enumerable, false, `${form}: cause is not enumerable`);
  assert.notEqual(cause.value, undefined, `${form}: cause is set`);
}

async function viaPromise(url: string, options: HttpRequestOptions | undefined): Promise<unknown> {
  const req = http.createHttp();
  const pending = options === undefined ? req.request(url) : req.request(url, options);
  assert.ok(pending instanceof Promise, 'request() without a callback returns a promise');
  const outcome = await pending.then(
    () => ({ rejected: false, err: undefined as unknown }),
    (err: unknown) => ({ rejected: true, err }),
  );
  assert.ok(outcome.rejected, 'the promise rejects');
  return outcome.err;
}

async function viaCallback(url: string, options: HttpRequestOptions | undefined): Promise<unknown> {
  // Seen through an untyped signature: the d.ts says `void`, the check is that nothing else comes back.
  const req = http.createHttp();
  const request = req.request.bind(req) as (...args: unknown[]) => unknown;
  const calls: unknown[][] = [];
  let returned: unknown;
  await new Promise<void>((resolve) => {
    const callback = (...args: unknown[]): void => {
      calls.push(args);
      resolve();
    };
    returned = options === undefined ? request(url, callback) : request(url, options, callback);
  });
  await sleep(20); // a second call would arrive here
  assert.equal(returned, undefined, 'request() with a callback returns undefined');
  assert.equal(calls.length, 1, 'the callback is called once');
  const args = calls[0] as unknown[];
  assert.equal(args.length, 2, 'the callback gets two arguments');
  const [err, data] = args;
  assert.equal(data, undefined, 'the callback gets (err, undefined)');
  return err;
}

describe('error codes: curl is the oracle', () => {
  let version = '';

  before(async () => {
    version = await curlVersion();
    leakBaseline();
  });

  after(async () => {
    await assertNoLeaks();
  });

  for (const c of cases) {
    it(c.name, c.todo === undefined ? {} : { todo: c.todo }, async () => {
      const target = await c.target();
      try {
        const curl = await curlRun([...CURL_BASE, ...(c.curl ?? []), target.url]);
        assert.notEqual(curl.exitCode, 0, `curl ${version} must fail: ${curl.stderr}`);
        const curlExit = c.as8x === undefined ? curl.exitCode : c.as8x(curl.exitCode);
        const expected = deviceCodeForCurl(curlExit);
        const detail = `curl ${version} exit ${curl.exitCode} (${curl.stderr.trim()}) → ${expected}`;

        const fromPromise = await viaPromise(target.url, c.options);
        assert.equal((fromPromise as { code?: unknown }).code, expected, `promise: ${detail}`);
        assertDeviceError(fromPromise, expected, 'promise');

        const fromCallback = await viaCallback(target.url, c.options);
        assert.equal((fromCallback as { code?: unknown }).code, expected, `callback: ${detail}`);
        assertDeviceError(fromCallback, expected, 'callback');
      } finally {
        await target.server?.close();
      }
      await assertNoLeaks();
    });
  }
});

describe('an unhandled rejection', () => {
  /** Runs `source` in a child Node (ESM or CommonJS), from the repository so the package resolves by name. */
  function crash(kind: 'module' | 'commonjs', source: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [`--input-type=${kind}`, '-e', source], { cwd: repoRoot, timeout: 20_000 }, (err, _stdout, stderr) => {
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stderr });
      });
    });
  }

  for (const kind of ['module', 'commonjs'] as const) {
    it(`shows the device code and message in Node's crash report (${kind})`, async () => {
      const url = `http://127.0.0.1:${await closedPort()}/`;
      const source = kind === 'module'
        ? `import http from 'ohos-net-http'; await http.createHttp().request(${JSON.stringify(url)});`
        : `require('ohos-net-http').createHttp().request(${JSON.stringify(url)});`;
      const { code, stderr } = await crash(kind, source);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /^BusinessError: Failed to connect to the server$/m);
      assert.match(stderr, /^ {2}code: 2300007,?$/m);
      assert.doesNotMatch(stderr, /#<Object>/);
    });
  }
});
