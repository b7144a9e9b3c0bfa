// ohos-net-http/node onResponseHead: each response head as received, one per redirect hop.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'ohos-net-http';
import { onResponseHead, type ResponseHead } from 'ohos-net-http/node';
import { fixture, startH2, startHttp, type TestServer } from './helpers/servers.js';

let server: TestServer;
before(async () => {
  server = await startHttp((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(301, 'Gone Elsewhere', { Location: '/here', 'X-Hop': 'first' });
      return void res.end();
    }
    res.setHeader('X-Mixed-Case', 'a');
    res.setHeader('set-cookie', ['one=1', 'two=2']);
    res.end('done');
  });
});
after(async () => {
  await server.close();
});

describe('onResponseHead', () => {
  it('reports every hop with its status line and raw headers, before headersReceive', async () => {
    const req = http.createHttp();
    const order: string[] = [];
    const heads: ResponseHead[] = [];
    onResponseHead(req, (head) => {
      heads.push(head);
      order.push(`head ${String(head.statusCode)}`);
    });
    req.on('headersReceive', () => order.push('headersReceive'));
    const res = await req.request(`${server.origin}/moved`);
    assert.equal(res.responseCode, 200);
    assert.deepEqual(heads.map((h) => [h.url, h.httpVersion, h.statusCode, h.statusMessage]), [
      [`${server.origin}/moved`, 'HTTP/1.1', 301, 'Gone Elsewhere'],
      [`${server.origin}/here`, 'HTTP/1.1', 200, 'OK'],
    ]);
    assert.deepEqual(heads[0]?.rawHeaders.slice(0, 4), ['Location', '/here', 'X-Hop', 'first']);
    const second = heads[1]?.rawHeaders ?? [];
    assert.deepEqual(second.slice(0, 6), ['X-Mixed-Case', 'a', 'set-cookie', 'one=1', 'set-cookie', 'two=2']);
    assert.deepEqual(order, ['head 301', 'headersReceive', 'head 200', 'headersReceive']);
    // The device view is unchanged: one merged header object.
    assert.equal((res.header as Record<string, unknown>)['x-hop'], 'first');

    onResponseHead(req, undefined);
    await req.requestInStream(`${server.origin}/here`);
    assert.equal(heads.length, 2);
    req.destroy();
  });

  it('HTTP/2 heads have no reason phrase', async () => {
    const h2 = await startH2((_req, res) => {
      res.end('h2');
    });
    const req = http.createHttp();
    try {
      let head: ResponseHead | undefined;
      onResponseHead(req, (h) => (head = h));
      await req.request(h2.url, { caPath: fixture('ca.pem') });
      assert.equal(head?.httpVersion, 'HTTP/2');
      assert.equal(head.statusMessage, '');
      assert.equal(head.statusCode, 200);
    } finally {
      req.destroy();
      await h2.close();
    }
  });

  it('refuses what is not an HttpRequest and a listener that is not a function', () => {
    assert.throws(() => {
      onResponseHead(null as never, undefined);
    }, TypeError);
    assert.throws(() => {
      onResponseHead(http.createHttp(), 'no' as never);
    }, TypeError);
  });
});
