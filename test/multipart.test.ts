// Multipart part headers: names, file names and content types cannot forge headers. The raw bodies are
// compared byte for byte with curl -F on the same input (boundaries normalised).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { readBody, startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;
const bodies: Buffer[] = [];

before(async () => {
  leakBaseline();
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      const boundary = /boundary=(\S+)/.exec(req.headers['content-type'] ?? '')?.[1] ?? '\0';
      bodies.push(Buffer.from(body.toString('latin1').replaceAll(boundary, 'BOUNDARY'), 'latin1'));
      res.end('ok');
    });
  });
});

after(async () => {
  await server.close();
  await assertNoLeaks();
});

/** Our body for `list`, then curl's for `args`, as normalised by the server. */
async function both(list: http.MultiFormData[], args: string[]): Promise<[string, string]> {
  const r = http.createHttp();
  try {
    await r.request(`${server.origin}/form`, { method: http.RequestMethod.POST, header: { 'content-type': 'multipart/form-data' }, multiFormDataList: list });
  } finally {
    r.destroy();
  }
  const ours = bodies.pop()?.toString('latin1') ?? '';
  const curl = await curlRun([...args.flatMap((a) => ['-F', a]), `${server.origin}/form`]);
  assert.equal(curl.exitCode, 0);
  return [ours, bodies.pop()?.toString('latin1') ?? ''];
}

const FORGED = 'evil"\r\nContent-Type: text/html\r\n\r\n<script>';

describe('multipart part headers', () => {
  it('a name with a quote, CR and LF is escaped as curl escapes it', async () => {
    const [ours, curl] = await both([{ name: `a"b\r\nX-Forged: 1`, contentType: '', data: 'v' }], [`a"b\r\nX-Forged: 1=v`]);
    assert.doesNotMatch(ours, /\r\nX-Forged/);
    assert.equal(ours, curl);
  });

  it('a remoteFileName cannot add a header: %22, %0D, %0A as curl', async () => {
    const [ours, curl] = await both(
      [{ name: 'f', remoteFileName: FORGED, contentType: 'text/plain', data: 'body' }],
      [`f=body;type=text/plain;filename="${FORGED.replaceAll('"', '\\"')}"`],
    );
    assert.match(ours, /filename="evil%22%0D%0AContent-Type: text\/html%0D%0A%0D%0A<script>"/);
    assert.equal(ours, curl);
  });

  it('a contentType with CR or LF is refused with 401', async () => {
    for (const contentType of ['text/plain\r\nX-Forged: 1', 'text/plain\nX', 'text/plain\r']) {
      const r = http.createHttp();
      try {
        await assert.rejects(
          r.request(`${server.origin}/form`, {
            method: http.RequestMethod.POST, header: { 'content-type': 'multipart/form-data' }, multiFormDataList: [{ name: 'f', contentType, data: 'v' }],
          }),
          { code: 401 },
        );
      } finally {
        r.destroy();
      }
    }
    assert.equal(bodies.length, 0);
  });
});
