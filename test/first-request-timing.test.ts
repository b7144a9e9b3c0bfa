// The first request of a process loads the transport modules; that load is none of the network phases. In a
// fresh process the first request's dnsTiming and tcpTiming to 127.0.0.1 must not contain it: both stay below
// the time a cold load of the same modules takes in another fresh process, and an IP literal needs no lookup
// (dnsTiming ≤ tcpTiming, as curl's time_namelookup ≤ time_connect).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { curlRun } from './helpers/curl.js';
import { repoRoot, startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;

before(async () => {
  server = await startHttp((_req, res) => res.end('timed'));
});

after(() => server.close());

function child(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`child failed: ${stderr}`, { cause: err }));
      else resolve(stdout.trim());
    });
  });
}

describe('timings of the first request of a process', () => {
  it('dnsTiming and tcpTiming do not include loading the transport', async () => {
    const coldLoad = async (): Promise<number> => Number(await child(`
      const start = performance.now();
      await Promise.all([import('undici'), import('tough-cookie')]);
      console.log(performance.now() - start);
    `));
    // The slower of two cold loads: a busy machine can make one of them quick or slow.
    const load = Math.max(await coldLoad(), await coldLoad());
    const timing = JSON.parse(await child(`
      import http from 'ohos-net-http';
      const res = await http.createHttp().request(${JSON.stringify(server.url)});
      console.log(JSON.stringify(res.performanceTiming));
    `)) as { dnsTiming: number; tcpTiming: number; firstSendTiming: number; totalFinishTiming: number };
    assert.ok(load > 0);
    assert.ok(timing.dnsTiming <= timing.tcpTiming, `dns ${timing.dnsTiming} > tcp ${timing.tcpTiming}`);
    assert.ok(timing.tcpTiming <= timing.firstSendTiming);
    assert.ok(timing.tcpTiming < load, `tcpTiming ${timing.tcpTiming} ms contains the ${load} ms module load`);
  });

  it('an IP literal is "resolved" before the connection starts, as curl reports it', async () => {
    const c = await curlRun(['-w', '%{time_namelookup} %{time_connect}', server.url]);
    const [lookup, connect] = c.stdout.split(' ').map(Number) as [number, number];
    assert.ok(lookup <= connect);
    const http = (await import('ohos-net-http')).default;
    const res = await http.createHttp().request(server.url, { usingCache: false, reuseConnections: false });
    // Before, the lookup was taken to end with the connection: dnsTiming equal to tcpTiming.
    assert.ok(res.performanceTiming.dnsTiming < res.performanceTiming.tcpTiming);
  });
});
