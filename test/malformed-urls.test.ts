// URLs curl refuses as malformed (exit 3) give 2300003; each row asks the system curl first and compares.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import http from 'ohos-net-http';
import { curlExit } from './helpers/curl.js';
import { deviceCodeForCurl } from './helpers/device-errors.js';

/** URL → why curl calls it malformed. None of them reaches the network. */
const MALFORMED: readonly [string, string][] = [
  ['ht!tp://x', 'something before :// that is no scheme'],
  ['h_t://x', 'an underscore cannot be in a scheme'],
  ['://x', 'empty scheme'],
  ['ht tp://x', 'a space'],
  ['http://ex ample/', 'a space in the host'],
  ['http://[::1', 'unclosed IPv6 literal'],
  ['http://[zz]/', 'not an IPv6 address'],
  ['http://127.0.0.1:99999/', 'port out of range'],
  ['http://127.0.0.1:abc/', 'port not a number'],
  ['http://user@/', 'no host'],
  ['http://:80/', 'no host before the port'],
  ['x:y://z', 'no valid scheme'],
  ['http:x', 'no // and a port that is not a number'],
  ['http://ht!tp/', 'a ! in the host'],
  ['http://a{b/', 'a { in the host'],
  ['http://a*b/', 'a * in the host'],
  ['http://a=b/', 'an = in the host'],
  ['http://a$b/', 'a $ in the host'],
  ['http://a,b/', 'a comma in the host'],
  ['http://a;b/', 'a ; in the host'],
];

async function ourCode(url: string): Promise<number> {
  try {
    await http.createHttp().request(url, { connectTimeout: 2000, readTimeout: 2000 });
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

describe('malformed URLs: curl exit 3 → 2300003', () => {
  for (const [url, why] of MALFORMED) {
    it(`${JSON.stringify(url)} (${why})`, async () => {
      const curl = await curlExit(['-m', '2', url]);
      assert.equal(curl, 3, `curl no longer calls ${url} malformed`);
      assert.equal(await ourCode(url), deviceCodeForCurl(curl));
    });
  }

  it('a URL in the query of a scheme-less URL is not a scheme', async () => {
    // curl guesses http:// here; the :// inside the query does not make the URL malformed.
    const code = await ourCode('127.0.0.1:1/?next=http://x');
    assert.equal(code, deviceCodeForCurl(await curlExit(['-m', '2', '127.0.0.1:1/?next=http://x'])));
  });
});
