/**
 * `npm start`: a tour of the library against an embedded local server (no internet needed).
 * Uses only the public face, exactly as HarmonyOS code would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import http, { type BusinessError, type HttpResponse } from '../index.js';

function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/hello', 'set-cookie': 'visited=yes; Path=/' });
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, userAgent: req.headers['user-agent'], body }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => { resolve(server); }));
}

function show(title: string, value: unknown): void {
  console.log(`\n== ${title}\n${JSON.stringify(value, null, 2)}`);
}

/** The tour: a GET with a redirect, a JSON POST, a deliberate error. */
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

  try {
    await httpRequest.request('http://127.0.0.1:1/');
  } catch (e) {
    const err = e as BusinessError;
    show('A deliberate error (nothing listens on port 1)', err);
  }

  httpRequest.destroy();
  server.close();
}

