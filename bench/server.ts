// The benchmark's HTTP server, run as a separate process (forked by run.ts) so that its CPU time never
// lands on the client being measured. It reports its port over IPC and exits when the parent goes away.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';

/** A fixed JSON document of exactly 1 KiB. */
function jsonKiB(): Buffer {
  const base = { ok: true, id: 1, name: 'ohos-net-http bench', items: [1, 2, 3], pad: '' };
  const overhead = Buffer.byteLength(JSON.stringify(base));
  base.pad = 'x'.repeat(1024 - overhead);
  const out = Buffer.from(JSON.stringify(base));
  if (out.length !== 1024) throw new Error(`json body is ${out.length} bytes`);
  return out;
}

const JSON_BODY = jsonKiB();
/** Reused for every large body: written again and again, never modified. */
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const MAX_LARGE = 16 * 1024 * 1024 * 1024;
let cacheableHits = 0;

function large(res: http.ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes });
  let left = bytes;
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const n = Math.min(left, CHUNK.length);
      left -= n;
      if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Serves one request; the same routes over HTTP/1.1 and over TLS + HTTP/2 (http2's compatibility API has the calls used here). */
function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? '/';
  if (url === '/json') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': JSON_BODY.length });
    res.end(JSON_BODY);
  } else if (url === '/cacheable') {
    cacheableHits++;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': JSON_BODY.length,
      'cache-control': 'max-age=3600',
    });
    res.end(JSON_BODY);
  } else if (url === '/cacheable-hits') {
    const body = JSON.stringify({ hits: cacheableHits });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } else if (url.startsWith('/large?bytes=')) {
    const bytes = Number(url.slice('/large?bytes='.length));
    if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > MAX_LARGE) {
      res.writeHead(400).end();
      return;
    }
    large(res, bytes);
  } else {
    res.writeHead(404, { 'content-length': 0 }).end();
  }
}

const server = http.createServer(route);

// Keep-alive for the whole run: no idle close, no per-socket request cap.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 0;
server.requestTimeout = 0;
server.maxRequestsPerSocket = 0;

// TLS + HTTP/2 (HTTP/1.1 for clients that do not offer h2), with the test certificate for 127.0.0.1.
const fixtures = new URL('../../test/fixtures/', import.meta.url);
const secure = http2.createSecureServer({
  allowHTTP1: true,
  key: readFileSync(new URL('server-key.pem', fixtures)),
  cert: readFileSync(new URL('server.pem', fixtures)),
  settings: { maxConcurrentStreams: 128 },
}, route as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void);

function portOf(s: http.Server | http2.Http2SecureServer): number {
  const address = s.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

server.listen(0, '127.0.0.1', () => {
  secure.listen(0, '127.0.0.1', () => {
    process.send?.({ port: portOf(server), securePort: portOf(secure) });
  });
});

process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  secure.close();
  process.exit(0);
});
