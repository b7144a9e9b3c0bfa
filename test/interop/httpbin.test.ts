// Interop with python3-httpbin served locally (run by `npm run test:interop`): the endpoints the device's own
// conformance suites call on httpbin.org (shared/spec/upstream-tests.md §1) — cookies set through a redirect,
// /user-agent, /headers, /anything with every method, /status codes — plus redirects, encodings, auth, bytes,
// timeouts and multipart. curl on the same httpbin is the cross-check for statuses and failure codes.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import http, { type HttpRequestOptions, type HttpResponse } from 'ohos-net-http';
import { curlRun } from '../helpers/curl.js';
import { deviceCodeForCurl } from '../helpers/device-errors.js';
import { fixture } from '../helpers/fixtures.js';
import { assertNoLeaks, leakBaseline } from '../helpers/leaks.js';
import { describeInterop, httpbinInstalled, startHttpbin, type Httpbin, type Stoppable } from './peers.js';

/** The device's code for a curl exit code (device-behavior.md §3.3). */
const expectedCode = (curlExit: number): number => deviceCodeForCurl(curlExit);

interface Echo {
  method?: string;
  args?: Record<string, string>;
  data?: string;
  form?: Record<string, string>;
  files?: Record<string, string>;
  headers?: Record<string, string>;
  json?: unknown;
  cookies?: Record<string, string>;
  'user-agent'?: string;
  authenticated?: boolean;
  gzipped?: boolean;
  deflated?: boolean;
  brotli?: boolean;
}

const json = (res: HttpResponse): Echo => JSON.parse(res.result as string) as Echo;

async function failure(url: string, options: HttpRequestOptions): Promise<unknown> {
  return http.createHttp().request(url, options).then(
    (res) => assert.fail(`expected a failure, got ${res.responseCode}`),
    (err: unknown) => ({ ...(err as object) }), // the enumerable shape, as the device would print it
  );
}

describeInterop('interop: httpbin', () => (httpbinInstalled() ? [] : ['python3-httpbin (import httpbin with /usr/bin/python3)']), () => {
  let bin: Httpbin;
  let req: http.HttpRequest;
  const peers: Stoppable[] = [];

  before(async () => {
    leakBaseline();
    req = http.createHttp();
    bin = await startHttpbin();
    peers.push(bin);
  });

  after(async () => {
    req.destroy();
    await Promise.all(peers.map((peer) => peer.stop()));
    await assertNoLeaks({ timeoutMs: 3000 });
  });

  it('/cookies/set/name/value: the cookie set on the redirect is in `cookies` (jshttp, Enhance)', async () => {
    const res = await req.request(`${bin.url}/cookies/set/name/value`);
    assert.equal(res.responseCode, 200);
    assert.deepEqual(json(res).cookies, { name: 'value' }, 'the cookie went back to /cookies after the redirect');
    assert.notEqual(res.cookies, '');
    assert.match(res.cookies, /\tname\tvalue$/m, 'Netscape cookie-file line');
    assert.equal(res.connectionExtraInfo?.redirectCount, 1);
    // curl -L with a cookie engine: the same jar line.
    const curl = await curlRun(['-L', '-c', '-', '-b', '', `${bin.url}/cookies/set/name/value`]);
    assert.match(curl.stdout, /\tname\tvalue$/m);
  });

  it('/user-agent: libcurl-agent/1.0', async () => {
    const res = await req.request(`${bin.url}/user-agent`);
    assert.equal(json(res)['user-agent'], 'libcurl-agent/1.0');
  });

  it('/headers: the default and custom request headers', async () => {
    const res = await req.request(`${bin.url}/headers`, { header: { 'X-Ohos-Test': 'yes', 'content-type': 'text/plain' } });
    const headers = json(res).headers ?? {};
    assert.equal(headers.Accept, '*/*');
    assert.equal(headers['User-Agent'], 'libcurl-agent/1.0');
    assert.equal(headers.Host, `127.0.0.1:${bin.port}`);
    assert.equal(headers['X-Ohos-Test'], 'yes');
    assert.match(headers['Accept-Encoding'] ?? '', /gzip/);
  });

  it('/anything with every method: 200 and the method echoed (HttpRequestMethod suite)', async () => {
    const methods = [
      http.RequestMethod.GET, http.RequestMethod.POST, http.RequestMethod.PUT, http.RequestMethod.DELETE,
      http.RequestMethod.OPTIONS, http.RequestMethod.HEAD, http.RequestMethod.TRACE,
    ];
    for (const method of methods) {
      const res = await req.request(`${bin.url}/anything`, { method });
      const curl = await curlRun(method === http.RequestMethod.HEAD ? ['-I', '-w', '%{http_code}', `${bin.url}/anything`] : ['-X', method, '-w', '%{http_code}', `${bin.url}/anything`]);
      assert.equal(res.responseCode, Number(curl.stdout.slice(-3)), `${method}: as curl`);
      assert.equal(res.responseCode, 200, method);
      if (method === http.RequestMethod.HEAD) assert.equal(res.result, '');
      else if (method !== http.RequestMethod.OPTIONS) assert.equal(json(res).method, method);
    }
  });

  it('/anything: bodies of POST, PUT and DELETE; extraData of GET becomes the query', async () => {
    for (const method of [http.RequestMethod.POST, http.RequestMethod.PUT, http.RequestMethod.DELETE]) {
      const res = await req.request(`${bin.url}/anything`, { method, extraData: 'payload=1' });
      assert.equal(json(res).form?.payload, '1', `${method}: a string body is sent as a form (curl -d)`);
    }
    // An object body is JSON text; with a `header` object the device pre-seeds content-type application/json
    // (device-behavior.md §2.4), without one curl's form type goes out.
    const object = await req.request(`${bin.url}/anything`, { method: http.RequestMethod.POST, extraData: { a: 1, b: 'two' }, header: {} });
    assert.deepEqual(json(object).json, { a: 1, b: 'two' });
    assert.equal(json(object).headers?.['Content-Type'], 'application/json');
    const bare = await req.request(`${bin.url}/anything`, { method: http.RequestMethod.POST, extraData: { a: 1 } });
    assert.equal(json(bare).data, '');
    assert.equal(json(bare).headers?.['Content-Type'], 'application/x-www-form-urlencoded');
    const get = await req.request(`${bin.url}/anything?x=0`, { extraData: { a: '1', b: 'two' } });
    assert.deepEqual(json(get).args, { x: '0', a: '1', b: 'two' }, 'appended to an existing query with &');
  });

  it('/anything: customMethod PATCH and queryParams', async () => {
    const res = await req.request(`${bin.url}/anything`, { customMethod: 'PATCH', queryParams: { q: 'v', list: ['1', '2'] }, body: 'b=1' });
    const echo = json(res);
    assert.equal(echo.method, 'PATCH');
    assert.deepEqual(echo.args, { q: 'v', list: ['1', '2'] });
  });

  it('/status/<code>: non-2xx statuses are responses, as curl', async () => {
    for (const code of [204, 404, 418, 500, 503]) {
      const res = await req.request(`${bin.url}/status/${code}`);
      const curl = await curlRun(['-w', '%{http_code}', `${bin.url}/status/${code}`]);
      assert.equal(curl.exitCode, 0);
      assert.equal(res.responseCode, code);
      assert.equal(res.responseCode, Number(curl.stdout));
    }
  });

  it('/redirect/3 is followed; /redirect/5 with maxRedirects 2 fails as curl --max-redirs 2', async () => {
    const res = await req.request(`${bin.url}/redirect/3`);
    assert.equal(res.responseCode, 200);
    assert.equal(res.connectionExtraInfo?.redirectCount, 3);
    const absolute = await req.request(`${bin.url}/absolute-redirect/2`);
    assert.equal(absolute.responseCode, 200);
    const curl = await curlRun(['-L', '--max-redirs', '2', `${bin.url}/redirect/5`]);
    assert.deepEqual(await failure(`${bin.url}/redirect/5`, { maxRedirects: 2 }), {
      code: expectedCode(curl.exitCode),
      message: 'The number of redirections reaches the maximum allowed',
    });
  });

  it('/gzip, /deflate, /brotli: decoded transparently', async () => {
    assert.equal(json(await req.request(`${bin.url}/gzip`)).gzipped, true);
    assert.equal(json(await req.request(`${bin.url}/deflate`)).deflated, true);
    const br = await req.request(`${bin.url}/brotli`);
    assert.equal(br.responseCode, 200);
    assert.equal(json(br).brotli, true);
  });

  it('/response-headers: arbitrary response headers, lowercase keys', async () => {
    const res = await req.request(`${bin.url}/response-headers?key1=val1&key2=val2`);
    const header = res.header as Record<string, unknown>;
    assert.equal(header.key1, 'val1');
    assert.equal(header.key2, 'val2');
  });

  it('/basic-auth and /digest-auth with serverAuthentication (as curl --basic / --digest)', async () => {
    const credential = { username: 'user', password: 'passwd' };
    const basic = await req.request(`${bin.url}/basic-auth/user/passwd`, { serverAuthentication: { credential, authenticationType: 'basic' } });
    assert.equal(basic.responseCode, 200);
    assert.equal(json(basic).authenticated, true);
    const wrong = await req.request(`${bin.url}/basic-auth/user/passwd`, { serverAuthentication: { credential: { username: 'user', password: 'nope' }, authenticationType: 'basic' } });
    assert.equal(wrong.responseCode, 401);
    const curl = await curlRun(['--digest', '-u', 'user:passwd', '-w', '%{http_code}', `${bin.url}/digest-auth/auth/user/passwd`]);
    const digest = await http.createHttp().request(`${bin.url}/digest-auth/auth/user/passwd`, { serverAuthentication: { credential, authenticationType: 'digest' } });
    assert.equal(digest.responseCode, Number(curl.stdout));
    assert.equal(digest.responseCode, 200);
  });

  it('/bytes and /image/png: ArrayBuffer results', async () => {
    const bytes = await req.request(`${bin.url}/bytes/1024`);
    assert.equal(bytes.resultType, http.HttpDataType.ARRAY_BUFFER);
    assert.equal((bytes.result as ArrayBuffer).byteLength, 1024);
    const png = await req.request(`${bin.url}/image/png`);
    assert.equal(png.resultType, http.HttpDataType.ARRAY_BUFFER);
    assert.deepEqual([...new Uint8Array(png.result as ArrayBuffer).subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG magic');
  });

  it('JSON stays a string by default; expectDataType OBJECT parses it', async () => {
    const text = await req.request(`${bin.url}/anything`);
    assert.equal(text.resultType, http.HttpDataType.STRING);
    assert.equal(typeof text.result, 'string');
    const object = await req.request(`${bin.url}/anything`, { expectDataType: http.HttpDataType.OBJECT });
    assert.equal(object.resultType, http.HttpDataType.OBJECT);
    assert.equal(typeof object.result, 'object');
  });

  it('/base64: UTF-8 text decoded (Debian\'s httpbin has no /encoding/utf8 page)', async () => {
    const text = 'héllo ∮ E⋅da = Q, 中文, 😀';
    // httpbin decodes URL-safe base64 with its padding.
    const b64 = Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    const res = await req.request(`${bin.url}/base64/${b64}`);
    assert.equal(res.result, text);
  });

  it('/stream/20: a chunked body of 20 JSON lines', async () => {
    const res = await req.request(`${bin.url}/stream/20`);
    assert.equal((res.result as string).trim().split('\n').length, 20);
  });

  it('/delay/3 with readTimeout 500: 2300028, as curl -m 0.5', async () => {
    const curl = await curlRun(['-m', '0.5', `${bin.url}/delay/3`]);
    assert.deepEqual(await failure(`${bin.url}/delay/3`, { readTimeout: 500 }), { code: expectedCode(curl.exitCode), message: 'Operation timeout' });
  });

  it('/post with multiFormDataList: fields and a file part', async () => {
    // The device sends a multipart body only when content-type is exactly multipart/form-data (§2.3).
    const res = await req.request(`${bin.url}/post`, {
      method: http.RequestMethod.POST,
      header: { 'content-type': 'multipart/form-data' },
      multiFormDataList: [
        { name: 'field', contentType: 'text/plain', data: 'value' },
        { name: 'file', contentType: 'application/x-pem-file', remoteFileName: 'ca.pem', filePath: fixture('ca.pem') },
      ],
    });
    const echo = json(res);
    assert.equal(echo.form?.field, 'value');
    assert.match(echo.files?.file ?? '', /^-----BEGIN CERTIFICATE-----/);
  });

  it('enableAutoCookie: a cookie set by one request goes with the next (same object)', async () => {
    const own = http.createHttp();
    own.enableAutoCookie(true);
    await own.request(`${bin.url}/cookies/set?auto=1`);
    const res = await own.request(`${bin.url}/cookies`);
    own.destroy();
    assert.deepEqual(json(res).cookies, { auto: '1' });
  });

  it('keep-alive on httpbin: a later request reuses the connection (tcpTiming 0)', async (t) => {
    if (bin.server !== 'gunicorn') {
      t.skip('python3 -m httpbin.core closes every connection; gunicorn (gthread) keeps them');
      return;
    }
    const own = http.createHttp();
    await own.request(`${bin.url}/get`);
    const second = await own.request(`${bin.url}/get`);
    own.destroy();
    assert.equal(second.connectionExtraInfo?.isReusedConnection, true);
    assert.equal(second.performanceTiming.tcpTiming, 0);
  });
});
