// Idle keep-alive connections as curl keeps them: reused after undici's 4 s default would have dropped them,
// unref'd so a script still exits, and a connection the server closed meanwhile never fails the next request
// (curl retries such a request once on a fresh connection).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { eachRequestHead, repoRoot, startRaw, type TestServer } from './helpers/servers.js';

/** Answers every request on a connection and keeps it open, without a Keep-Alive hint (nginx, Apache do the same). */
let keeper: TestServer;
/** Answers the first request of each connection; a second request on the same connection gets it closed, unanswered. */
let closer: TestServer;

before(async () => {
  leakBaseline();
  keeper = await startRaw((socket) => {
    eachRequestHead(socket, () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nkept');
    });
  });
  closer = await startRaw((socket) => {
    let served = 0;
    eachRequestHead(socket, () => {
      if (served++ === 0) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst');
      else socket.destroy();
    });
  });
});

after(async () => {
  await Promise.all([keeper.close(), closer.close()]);
  await assertNoLeaks();
});

describe('idle keep-alive connections', () => {
  it('a request after more than 4 s idle reuses the connection (curl keeps idle ones 118 s)', async () => {
    const req = http.createHttp();
    const first = await req.request(keeper.url);
    assert.equal(first.connectionExtraInfo?.isReusedConnection, false);
    // undici drops an idle connection after 4 s by default; curl keeps it.
    await sleep(5000);
    const second = await req.request(keeper.url);
    assert.equal(second.responseCode, 200);
    assert.equal(second.connectionExtraInfo?.isReusedConnection, true);
    assert.equal(second.performanceTiming.tcpTiming, 0);
    assert.equal(second.connectionExtraInfo?.localPort, first.connectionExtraInfo?.localPort);
    assert.equal(keeper.connections, 1);
  });

  it('a connection the server closed unanswered is retried on a fresh one, as curl does', async () => {
    const before = closer.connections;
    // curl: two transfers on one connection; the second finds it closed and retries ("Connection died").
    const curl = await curlRun([closer.url, closer.url]);
    assert.equal(curl.exitCode, 0);
    assert.equal(closer.connections - before, 2);
    const req = http.createHttp();
    const first = await req.request(closer.url);
    assert.equal(first.result, 'first');
    for (const method of [http.RequestMethod.GET, http.RequestMethod.POST]) {
      const next = await req.request(closer.url, { method, extraData: 'payload' });
      assert.equal(next.responseCode, 200);
      assert.equal(next.result, 'first');
      assert.equal(next.connectionExtraInfo?.isReusedConnection, false);
    }
    assert.equal(closer.connections - before, 2 + 3);
  });

  it('idle connections do not keep a script alive', async () => {
    const script = `
      import http from 'ohos-net-http';
      const res = await http.createHttp().request(${JSON.stringify(keeper.url)});
      console.log(res.responseCode, res.result);
    `;
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, timeout: 60_000 }, (err, stdout) => {
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout });
      });
    });
    assert.equal(out.stdout.trim(), '200 kept');
    assert.equal(out.code, 0, 'the child was killed: an idle connection kept it alive');
  });
});
