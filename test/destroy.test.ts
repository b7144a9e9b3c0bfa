// destroy() as on the device: it marks the object; a transfer in flight fails with 2300023 only if it is still
// running after the destroy() call has had its effect, so a response that was already on its way completes,
// and a transfer that failed otherwise keeps its error.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { eachRequestHead, startRaw, type TestServer } from './helpers/servers.js';

const TRIES = 1000;
const BODY = 'hello from http.server';
/** Python's http.server: send_response/end_headers flush the head, then the handler writes the body. */
const PYTHON_SERVER = `
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ${JSON.stringify(BODY)}.encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
print(server.server_address[1], flush=True)
server.serve_forever()
`;
let python: ChildProcess;
let twoWrites: { url: string };
let heldBody: TestServer;

before(async () => {
  leakBaseline();
  python = spawn('python3', ['-c', PYTHON_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(python.stdout!, 'data')) as [Buffer];
  twoWrites = { url: `http://127.0.0.1:${line.toString().trim()}/` };
  // The head goes out; the body never does (until the server closes).
  heldBody = await startRaw((socket) => {
    eachRequestHead(socket, () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
    });
  });
});

after(async () => {
  python.kill();
  await once(python, 'exit');
  await heldBody.close();
  await assertNoLeaks();
});

/** One request whose headersReceive listener destroys the object; resolves with the status or the error code. */
async function destroyOnHeaders(url: string, stream: boolean): Promise<number> {
  const req = http.createHttp();
  req.on('headersReceive', () => {
    req.destroy();
  });
  try {
    return stream ? await req.requestInStream(url) : (await req.request(url)).responseCode;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

describe('destroy() inside headersReceive', () => {
  for (const stream of [false, true]) {
    const kind = stream ? 'requestInStream()' : 'request()';

    it(`${kind}: a body written right after the head completes, ${TRIES} of ${TRIES} times`, async () => {
      const outcomes = new Map<number, number>();
      for (let i = 0; i < TRIES; i++) {
        const got = await destroyOnHeaders(twoWrites.url, stream);
        outcomes.set(got, (outcomes.get(got) ?? 0) + 1);
      }
      assert.deepEqual([...outcomes], [[200, TRIES]]);
    });

    it(`${kind}: a body the server holds back past the destroy() fails with 2300023`, async () => {
      assert.equal(await destroyOnHeaders(heldBody.url, stream), 2300023);
    });
  }

  it('the full body reaches request() when destroy() ran in headersReceive', async () => {
    const req = http.createHttp();
    req.on('headersReceive', () => {
      req.destroy();
    });
    const res = await req.request(twoWrites.url);
    assert.equal(res.result, BODY);
  });
});

describe('destroy() and transfers that already ended', () => {
  it('a readTimeout that fired before destroy() stays the error', async () => {
    const req = http.createHttp();
    const pending = req.request(heldBody.url, { readTimeout: 100 });
    await assert.rejects(pending, { code: 2300028 });
    req.destroy();
    await assert.rejects(pending, { code: 2300028 });
  });

  it('a response that completed before destroy() is delivered; later requests fail with 2300999', async () => {
    const req = http.createHttp();
    const res = await req.request(twoWrites.url);
    req.destroy();
    assert.equal(res.responseCode, 200);
    await assert.rejects(req.request(twoWrites.url), { code: 2300999 });
  });

  it('destroy() while the head is still awaited fails the transfer with 2300023', async () => {
    const silent = await startRaw(() => undefined);
    try {
      const req = http.createHttp();
      const pending = req.request(silent.url);
      setTimeout(() => {
        req.destroy();
      }, 20);
      await assert.rejects(pending, { code: 2300023 });
    } finally {
      await silent.close();
    }
  });
});
