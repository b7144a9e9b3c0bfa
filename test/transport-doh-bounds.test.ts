// DNS-over-HTTPS lookups are bounded: a reply larger than curl's DoH limit (64 KiB) is refused, and a lookup
// still running when its request fails is cancelled. Against DoH servers on 127.0.0.1 that never stop talking.
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import http from 'ohos-net-http';
import { assertNoLeaks, leakBaseline } from './helpers/leaks.js';
import { startHttp, type TestServer } from './helpers/servers.js';
import { codeOf } from './helpers/device-errors.js';

let endless: TestServer;
let silent: TestServer;
let web: TestServer;
/** Bytes the endless server managed to hand to its sockets. */
let sent = 0;
const silentSockets: Socket[] = [];

before(async () => {
  leakBaseline();
  web = await startHttp((_req, res) => res.end('reached'));
  endless = await startHttp((req, res) => {
    res.writeHead(200, { 'content-type': 'application/dns-message' });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    req.socket.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  silent = await startHttp((req, res) => {
    silentSockets.push(req.socket);
    res.writeHead(200, { 'content-type': 'application/dns-message' });
    res.flushHeaders(); // and then nothing, ever
  });
});

after(async () => {
  await Promise.all([web.close(), endless.close(), silent.close()]);
  await assertNoLeaks();
});


describe('DNS-over-HTTPS bounds', () => {
  it('an endless reply is cut at 64 KiB: the host cannot be resolved (2300006), memory stays bounded', async () => {
    const rss = process.memoryUsage().rss;
    const r = http.createHttp();
    try {
      const code = await codeOf(r.request(`http://endless-doh.invalid:${web.port}/`, {
        dnsOverHttps: `${endless.origin}/dns-query`, readTimeout: 10_000,
      }));
      assert.equal(code, 2300006);
    } finally {
      r.destroy();
    }
    const grown = process.memoryUsage().rss - rss;
    assert.ok(grown < 64 * 1024 * 1024, `RSS grew by ${grown} bytes`);
    assert.ok(sent < 16 * 1024 * 1024, `the DoH server sent ${sent} bytes before the lookup stopped reading`);
  });

  it('a lookup still waiting when its request fails is cancelled with it', async () => {
    const r = http.createHttp();
    try {
      const code = await codeOf(r.request(`http://silent-doh.invalid:${web.port}/`, {
        dnsOverHttps: `${silent.origin}/dns-query`, readTimeout: 200,
      }));
      assert.equal(code, 2300028);
    } finally {
      r.destroy();
    }
    assert.equal(silentSockets.length, 1, 'the DoH server was asked');
    const socket = silentSockets[0] as Socket;
    // The request's failure ends the DoH exchange: the server sees its connection close well before the
    // lookup's own 5 s deadline would have ended it.
    const giveUp = new AbortController();
    const closed = await Promise.race([
      new Promise<boolean>((resolve) => {
        if (socket.destroyed) resolve(true);
        else socket.once('close', () => resolve(true));
      }),
      sleep(2000, false, { signal: giveUp.signal }).catch(() => false),
    ]);
    giveUp.abort();
    assert.equal(closed, true, 'the DoH request outlived the request it served');
  });
});
