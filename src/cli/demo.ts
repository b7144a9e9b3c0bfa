/**
 * `npm start` (or `ohos-http` with no URL): a tour of the library against an embedded local
 * server, no internet needed. Uses only the public faces, exactly as HarmonyOS code would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http, { type HttpResponse } from '../index.js';
import { configure } from '../node.js';
import { ProgressBar } from './progress.js';

const DOWNLOAD = Buffer.alloc(24 * 1024 * 1024, 'ohos');

function startServer(): Promise<Server> {
  let hits = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      switch (req.url) {
        case '/moved':
          res.writeHead(302, { location: '/hello', 'set-cookie': 'visited=yes; Path=/' });
          res.end();
          return;
        case '/download':
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': DOWNLOAD.length });
          res.end(DOWNLOAD);
          return;
        case '/cached':
          hits++;
          res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=60' });
          res.end(`served by the network ${hits} time(s)`);
          return;
        default:
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ method: req.method, url: req.url, userAgent: req.headers['user-agent'], body }));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve(server);
  }));
}

function show(title: string, value: unknown): void {
  console.log(`\n== ${title}\n${JSON.stringify(value, null, 2)}`);
}

async function streamedDownload(url: string): Promise<void> {
  const req = http.createHttp();
  const bar = new ProgressBar(process.stdout);
  let bytes = 0;
  let chunks = 0;
  req.on('dataReceive', (data: ArrayBuffer) => {
    bytes += data.byteLength;
    chunks++;
  });
  req.on('dataReceiveProgress', (p) => {
    bar.update(p.receiveSize, p.totalSize);
  });
  req.on('dataEnd', () => {
    bar.done();
  });
  const code = await req.requestInStream(url);
  show('A 24 MiB download through requestInStream (dataReceive events, bounded memory)', { responseCode: code, bytes, chunks });
  req.destroy();
}

async function cachedRequests(url: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ohos-demo-cache-'));
  configure({ cacheDir: dir });
  const cache = http.createHttpResponseCache();
  try {
    const req = http.createHttp();
    const first = await req.request(url, { usingCache: true });
    const second = await req.request(url, { usingCache: true });
    show('The same GET twice with an HttpResponseCache (max-age=60)', {
      first: { result: first.result, isCacheHit: first.connectionExtraInfo?.isCacheHit },
      second: { result: second.result, isCacheHit: second.connectionExtraInfo?.isCacheHit },
    });
  } catch (e) {
    show('HttpResponseCache is not available in this build', e);
  } finally {
    await cache.delete().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The tour: a GET with a redirect, a JSON POST, a streamed download, a cached request, a deliberate error. */
export async function runDemo(): Promise<void> {
  const server = await startServer();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const httpRequest = http.createHttp();
  httpRequest.on('headersReceive', (header: object) => {
    console.log(`  headersReceive: ${Object.keys(header).length} header fields`);
  });

  const get: HttpResponse = await httpRequest.request(`${base}/moved`);
  show('GET with a redirect (result is a string; cookies in Netscape format)', {
    responseCode: get.responseCode,
    result: get.result,
    cookies: get.cookies,
    redirectCount: get.connectionExtraInfo?.redirectCount,
  });

  const post = await httpRequest.request(`${base}/echo`, {
    method: http.RequestMethod.POST,
    header: { 'Content-Type': 'application/json' },
    extraData: { greeting: 'hello from ohos-net-http' },
    expectDataType: http.HttpDataType.OBJECT,
  });
  show('JSON POST with expectDataType OBJECT', { responseCode: post.responseCode, resultType: post.resultType, result: post.result });

  await streamedDownload(`${base}/download`);
  await cachedRequests(`${base}/cached`);

  try {
    await httpRequest.request('http://127.0.0.1:1/');
  } catch (e) {
    show('A deliberate error (nothing listens on port 1)', e);
  }

  httpRequest.destroy();
  server.close();
}
