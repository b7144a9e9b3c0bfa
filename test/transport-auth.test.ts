// serverAuthentication (spec §2.2: CURLOPT_HTTPAUTH, ANY unless a type is given) against a real server that
// checks Basic and RFC 7616 Digest credentials, compared with curl --basic / --digest / --anyauth.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { attempt } from './helpers/proxy.js';
import { readBody, startHttp, type TestServer } from './helpers/servers.js';

const USER = 'alice';
const PASS = 'wonder land';
const REALM = 'test realm';
const NONCE = 'dcd98b7102dd2f0e8b11d0f600bfb0c093';
const OPAQUE = '5ccc069c403ebaf9f0171e9517f40e41';
let server: TestServer;
/** Per route: the Authorization header of every request (or 'none'). */
const seen = new Map<string, string[]>();
/** The Proxy-Authorization header of the last request (a direct server must never see one). */
let lastProxyAuthorization: string | undefined;

function params(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) out[m[1] ?? ''] = m[2] ?? m[3] ?? '';
  return out;
}

/** The server side of RFC 7616 (qop=auth): is this Authorization header right for this request? */
function digestValid(header: string, method: string, url: string, algorithm: 'MD5' | 'SHA-256'): boolean {
  if (!header.startsWith('Digest ')) return false;
  const p = params(header);
  const h = (s: string): string => createHash(algorithm === 'MD5' ? 'md5' : 'sha256').update(s).digest('hex');
  if (p.username !== USER || p.realm !== REALM || p.nonce !== NONCE || p.uri !== url || p.opaque !== OPAQUE) return false;
  const ha1 = h(`${USER}:${REALM}:${PASS}`);
  const ha2 = h(`${method}:${url}`);
  return p.response === h(`${ha1}:${NONCE}:${p.nc ?? ''}:${p.cnonce ?? ''}:${p.qop ?? ''}:${ha2}`) && p.qop === 'auth';
}

const basicValue = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;
const digestChallenge = (algorithm: string): string => `Digest realm="${REALM}", qop="auth", algorithm=${algorithm}, nonce="${NONCE}", opaque="${OPAQUE}"`;

before(async () => {
  leakBaseline();
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      const url = req.url ?? '/';
      const route = url.split('?')[0] ?? '';
      const auth = req.headers.authorization ?? 'none';
      lastProxyAuthorization = req.headers['proxy-authorization'];
      seen.set(route, [...(seen.get(route) ?? []), auth]);
      const method = req.method ?? 'GET';
      const okBasic = auth === basicValue;
      const ok =
        route === '/basic' ? okBasic
          : route === '/digest' ? digestValid(auth, method, url, 'MD5')
            : route === '/digest-sha256' ? digestValid(auth, method, url, 'SHA-256')
              : okBasic || digestValid(auth, method, url, 'MD5');
      if (ok) {
        res.end(`ok ${auth.split(' ')[0] ?? ''} ${body.length}`);
        return;
      }
      const challenges =
        route === '/basic' ? [`Basic realm="${REALM}"`]
          : route === '/digest' ? [digestChallenge('MD5')]
            : route === '/digest-sha256' ? [digestChallenge('SHA-256')]
              : [`Basic realm="${REALM}"`, digestChallenge('MD5')];
      res.writeHead(401, { 'www-authenticate': challenges, 'content-type': 'text/plain' });
      res.end('who are you?');
    });
  });
});

after(async () => {
  await server.close();
  await assertNoLeaks();
});

function auth(type?: http.AuthenticationType, password = PASS): http.ServerAuthentication {
  return { credential: { username: USER, password }, ...(type === undefined ? {} : { authenticationType: type }) };
}

/** Our status and the number of requests the route saw; then the same for curl. */
async function run(path: string, options: http.HttpRequestOptions, curlArgs: readonly string[]): Promise<{ ours: [number | undefined, number]; curl: [number, number]; body: unknown }> {
  const route = path.split('?')[0] ?? '';
  seen.delete(route);
  const r = await attempt(`${server.url.slice(0, -1)}${path}`, options);
  const ourCount = seen.get(route)?.length ?? 0;
  seen.delete(route);
  const c = await curlRun(['-w', '%{http_code}', ...curlArgs, `${server.url.slice(0, -1)}${path}`]);
  assert.equal(c.exitCode, 0);
  return { ours: [r.res?.responseCode, ourCount], curl: [Number(c.stdout), seen.get(route)?.length ?? 0], body: r.res?.result };
}

describe('serverAuthentication', () => {
  it('basic: sent with the first request (curl --basic)', async () => {
    const r = await run('/basic', { serverAuthentication: auth('basic') }, ['--basic', '-u', `${USER}:${PASS}`]);
    assert.deepEqual(r.ours, [200, 1]);
    assert.deepEqual(r.ours, r.curl);
  });

  it('digest: asks first, answers the challenge once (curl --digest)', async () => {
    const r = await run('/digest?x=1', { serverAuthentication: auth('digest') }, ['--digest', '-u', `${USER}:${PASS}`]);
    assert.deepEqual(r.ours, [200, 2]);
    assert.deepEqual(r.ours, r.curl);
    assert.equal(r.body, 'ok Digest 0');
    const [first] = seen.get('/digest') ?? [];
    assert.equal(first, 'none');
  });

  it('digest with SHA-256 (curl --digest)', async () => {
    const r = await run('/digest-sha256', { serverAuthentication: auth('digest') }, ['--digest', '-u', `${USER}:${PASS}`]);
    assert.deepEqual(r.ours, [200, 2]);
    assert.deepEqual(r.ours, r.curl);
  });

  it('digest resends the request body', async () => {
    const r = await attempt(`${server.url}digest`, { method: http.RequestMethod.POST, extraData: 'twelve bytes', serverAuthentication: auth('digest') });
    assert.equal(r.res?.result, 'ok Digest 12');
  });

  it('no type (CURLAUTH_ANY): Digest is preferred over Basic (curl --anyauth)', async () => {
    const r = await run('/both', { serverAuthentication: auth() }, ['--anyauth', '-u', `${USER}:${PASS}`]);
    assert.deepEqual(r.ours, [200, 2]);
    assert.deepEqual(r.ours, r.curl);
    assert.equal(r.body, 'ok Digest 0');
  });

  it('no type and only Basic offered: Basic after the challenge (curl --anyauth)', async () => {
    const r = await run('/basic', { serverAuthentication: auth() }, ['--anyauth', '-u', `${USER}:${PASS}`]);
    assert.deepEqual(r.ours, [200, 2]);
    assert.deepEqual(r.ours, r.curl);
  });

  it('a wrong password ends with the server\'s 401 (curl --digest)', async () => {
    const r = await run('/digest', { serverAuthentication: auth('digest', 'wrong') }, ['--digest', '-u', `${USER}:wrong`]);
    assert.deepEqual(r.ours, [401, 2]);
    assert.deepEqual(r.ours, r.curl);
  });

  it('digest against a Basic-only server: no retry, the 401 is the answer (curl --digest)', async () => {
    const r = await run('/basic', { serverAuthentication: auth('digest') }, ['--digest', '-u', `${USER}:${PASS}`]);
    assert.deepEqual(r.ours, [401, 1]);
    assert.deepEqual(r.ours, r.curl);
  });

  it('an Authorization header set by the app wins', async () => {
    seen.delete('/digest');
    const r = await attempt(`${server.url}digest`, { header: { Authorization: 'Bearer mine' }, serverAuthentication: auth('digest') });
    assert.equal(r.res?.responseCode, 401);
    assert.deepEqual(seen.get('/digest'), ['Bearer mine']);
    const b = await attempt(`${server.url}basic`, { header: { Authorization: 'Bearer mine' }, serverAuthentication: auth('basic') });
    assert.equal(b.res?.responseCode, 401);
  });

  it('an empty username means no authentication', async () => {
    seen.delete('/basic');
    const r = await attempt(`${server.url}basic`, { serverAuthentication: { credential: { username: '', password: PASS }, authenticationType: 'basic' } });
    assert.equal(r.res?.responseCode, 401);
    assert.deepEqual(seen.get('/basic'), ['none']);
  });

  it('ntlm is not available: 2300999, as libcurl without NTLM refuses CURLAUTH_NTLM', async () => {
    const r = await attempt(`${server.url}basic`, { serverAuthentication: auth('ntlm') });
    assert.equal(r.code, 2300999);
  });
});

describe('credentials stay with the origin of the request URL', () => {
  let redirector: TestServer;
  const seenByRedirector: (string | undefined)[] = [];
  before(async () => {
    redirector = await startHttp((req, res) => {
      seenByRedirector.push(req.headers['proxy-authorization']);
      const to = (req.url ?? '/').slice('/to'.length);
      res.writeHead(302, { location: `${server.url.slice(0, -1)}${to}` });
      res.end();
    });
  });
  after(() => redirector.close());

  for (const [type, route, curlFlag] of [['digest', '/digest', '--digest'], [undefined, '/any', '--anyauth']] as const) {
    it(`${type ?? 'no type (any)'}: another origin's challenge is not answered after a redirect (curl ${curlFlag} -L)`, async () => {
      seen.delete(route);
      const r = await attempt(`${redirector.origin}/to${route}`, { serverAuthentication: auth(type) });
      assert.equal(r.res?.responseCode, 401);
      assert.deepEqual(seen.get(route), ['none']);
      seen.delete(route);
      const c = await curlRun(['-w', '%{http_code}', curlFlag, '-u', `${USER}:${PASS}`, '-L', `${redirector.origin}/to${route}`]);
      assert.deepEqual([c.exitCode, c.stdout, seen.get(route)], [0, '401', ['none']]);
    });
  }

  it('a Proxy-Authorization header set by the app is not sent to another origin after a redirect', async () => {
    seenByRedirector.length = 0;
    const r = await attempt(`${redirector.origin}/to/proxy-auth-check`, { header: { 'proxy-authorization': 'Basic c2VjcmV0OnNlY3JldA==' } });
    assert.equal(seenByRedirector[0], 'Basic c2VjcmV0OnNlY3JldA==', 'the first hop carries it');
    assert.equal(r.res?.responseCode, 401);
    assert.equal(lastProxyAuthorization, undefined);
  });
});
