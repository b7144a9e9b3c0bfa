// requestInStream, data and progress events, uploads with progress, multipart bodies, stream failures.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import http from 'ohos-net-http';
import { curlRun } from './helpers/curl.js';
import { assertNoLeaks } from './helpers/leaks.js';
import { faults, readBody, startHttp, startRaw, type TestServer } from './helpers/servers.js';

const BIG = randomBytes(8 * 1024 * 1024 + 123); // over the 5 MiB maxLimit of request(): streams have none
let server: TestServer;
let base: string;
let lastUpload: { headers: Record<string, unknown>; body: Buffer } | undefined;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ohos-stream-'));
  server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      lastUpload = { headers: req.headers, body };
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/big':
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': BIG.length });
          return void res.end(BIG);
        case '/chunked':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('part one, ');
          return void setTimeout(() => res.end('part two'), 20);
        case '/gzip': {
          const zipped = zlib.gzipSync(BIG);
          res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': zipped.length });
          return void res.end(zipped);
        }
        case '/slow':
          res.writeHead(200, { 'content-length': 10 });
          res.write('12345');
          return void setTimeout(() => res.end('67890'), 300);
        case '/small':
          return void res.end('tiny');
        default:
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ received: body.length }));
      }
    });
  });
  base = server.url;
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await assertNoLeaks();
});

function record(req: ReturnType<typeof http.createHttp>): { events: string[]; chunks: Buffer[]; progress: { receiveSize: number; totalSize: number }[] } {
  const events: string[] = [];
  const chunks: Buffer[] = [];
  const progress: { receiveSize: number; totalSize: number }[] = [];
  req.on('headersReceive', () => events.push('headers'));
  req.on('dataReceive', (data: ArrayBuffer) => {
    assert.ok(data instanceof ArrayBuffer);
    assert.ok(data.byteLength > 0, 'empty chunks are skipped');
    chunks.push(Buffer.from(data));
    if (events.at(-1) !== 'data') events.push('data');
  });
  req.on('dataReceiveProgress', (p) => progress.push(p));
  req.on('dataEnd', () => events.push('end'));
  return { events, chunks, progress };
}

describe('requestInStream', () => {
  it('streams any size in order: headers → data… → dataEnd → status code', async () => {
    const req = http.createHttp();
    const r = record(req);
    const code = await req.requestInStream(`${base}big`);
    r.events.push('result');
    assert.equal(code, 200);
    assert.deepEqual(r.events, ['headers', 'data', 'end', 'result']);
    assert.ok(Buffer.concat(r.chunks).equals(BIG));
    assert.ok(r.progress.length > 1);
    const last = r.progress.at(-1);
    assert.deepEqual(last, { receiveSize: BIG.length, totalSize: BIG.length });
    for (let i = 1; i < r.progress.length; i++) assert.ok((r.progress[i]?.receiveSize ?? 0) > (r.progress[i - 1]?.receiveSize ?? 0));
  });

  it('works with both callback forms and reports the status code', async () => {
    const req = http.createHttp();
    const viaCb = await new Promise<unknown[]>((resolve) => {
      req.requestInStream(`${base}small`, (...a: unknown[]) => resolve(a));
    });
    assert.deepEqual(viaCb, [undefined, 200]);
    const viaOpts = await new Promise<unknown[]>((resolve) => {
      req.requestInStream(`${base}small`, { method: http.RequestMethod.GET }, (...a: unknown[]) => resolve(a));
    });
    assert.deepEqual(viaOpts, [undefined, 200]);
    await assert.rejects((req.requestInStream as (...a: unknown[]) => Promise<number>)(42), { code: 401 });
  });

  it('sends a small body as one chunk and gives no progress without a Content-Length', async () => {
    const req = http.createHttp();
    const r = record(req);
    await req.requestInStream(`${base}small`);
    assert.equal(r.chunks.length, 1);
    assert.equal(Buffer.concat(r.chunks).toString(), 'tiny');
    const c = http.createHttp();
    const rc = record(c);
    await c.requestInStream(`${base}chunked`);
    assert.equal(Buffer.concat(rc.chunks).toString(), 'part one, part two');
    assert.equal(rc.progress.length, 0);
  });

  it('decodes gzip while streaming, progress counting the bytes on the wire', async () => {
    const req = http.createHttp();
    const r = record(req);
    await req.requestInStream(`${base}gzip`);
    assert.ok(Buffer.concat(r.chunks).equals(BIG));
    const last = r.progress.at(-1);
    assert.equal(last?.receiveSize, last?.totalSize);
  });

  it('keeps memory bounded when the dataReceive listener is slow', async () => {
    const req = http.createHttp();
    const before = process.memoryUsage().rss;
    let peak = before;
    let bytes = 0;
    req.on('dataReceive', (data: ArrayBuffer) => {
      bytes += data.byteLength;
      const until = Date.now() + 1;
      while (Date.now() < until) { /* a listener that takes its time */ }
      peak = Math.max(peak, process.memoryUsage().rss);
    });
    for (let i = 0; i < 4; i++) await req.requestInStream(`${base}big`);
    assert.equal(bytes, 4 * BIG.length);
    assert.ok(peak - before < 64 * 1024 * 1024, `rss grew by ${(peak - before) >> 20} MiB`);
  });

  it('fails with 2300023 and no dataEnd when destroyed mid-stream', async () => {
    const req = http.createHttp();
    const r = record(req);
    const pending = req.requestInStream(`${base}slow`);
    req.on('dataReceive', () => req.destroy());
    await assert.rejects(pending, { code: 2300023 });
    assert.ok(!r.events.includes('end'));
  });

  for (const [fault, name] of [['truncated', 'a truncated body'], ['resetMidBody', 'a reset mid-body']] as const) {
    it(`fails ${name} with curl's code and no dataEnd`, async () => {
      const raw = await startRaw(faults[fault]);
      try {
        const curl = await curlRun(['--compressed', raw.url]);
        const req = http.createHttp();
        let ended = false;
        req.on('dataEnd', () => (ended = true));
        await assert.rejects(req.requestInStream(raw.url), { code: 2300000 + curl.exitCode });
        assert.equal(ended, false);
      } finally {
        await raw.close();
      }
    });
  }
});

describe('upload progress', () => {
  const payload = randomBytes(300 * 1024);
  for (const method of ['request', 'requestInStream'] as const) {
    it(`reports dataSendProgress for a POST body via ${method}()`, async () => {
      const req = http.createHttp();
      const sends: { sendSize: number; totalSize: number }[] = [];
      req.on('dataSendProgress', (p) => sends.push(p));
      await req[method](`${base}upload`, { method: http.RequestMethod.POST, extraData: payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.length) });
      assert.ok(lastUpload?.body.equals(payload));
      assert.ok(sends.length >= 2);
      assert.deepEqual(sends.at(-1), { sendSize: payload.length, totalSize: payload.length });
      for (const s of sends) assert.equal(s.totalSize, payload.length);
    });
  }

  it('reports no dataSendProgress for bodyless requests', async () => {
    const req = http.createHttp();
    let n = 0;
    req.on('dataSendProgress', () => n++);
    await req.requestInStream(`${base}small`);
    await req.request(`${base}small`);
    assert.equal(n, 0);
  });
});

describe('multiFormDataList', () => {
  async function parse(upload: typeof lastUpload): Promise<FormData> {
    assert.ok(upload);
    return new Response(upload.body, { headers: { 'content-type': String(upload.headers['content-type']) } }).formData();
  }

  it('sends data and file parts that a real multipart parser reads back', async () => {
    const file = join(dir, 'photo.bin');
    const content = randomBytes(200 * 1024);
    await writeFile(file, content);
    const res = await http.createHttp().request(`${base}form`, {
      method: http.RequestMethod.POST,
      header: { 'content-type': 'multipart/form-data' },
      multiFormDataList: [
        { name: 'text', contentType: 'text/plain', data: 'hello' },
        { name: 'json', contentType: 'application/json', data: { a: 1 } },
        { name: 'bytes', contentType: 'application/octet-stream', data: new Uint8Array([1, 2, 3]).buffer, remoteFileName: 'b.bin' },
        { name: 'file', contentType: 'image/png', filePath: file },
        { name: 'renamed', contentType: 'image/png', filePath: file, remoteFileName: 'remote.png' },
        { name: 'both', contentType: 'text/plain', data: 'data wins', filePath: file },
        { name: '', contentType: 'text/plain', data: 'no name: skipped' },
        { name: 'nothing', contentType: 'text/plain' },
      ],
    });
    assert.equal(res.responseCode, 200);
    assert.match(String(lastUpload?.headers['content-type']), /^multipart\/form-data; boundary=-+[0-9a-f]+$/);
    assert.equal(Number(lastUpload?.headers['content-length']), lastUpload?.body.length);
    const form = await parse(lastUpload);
    assert.deepEqual([...form.keys()], ['text', 'json', 'bytes', 'file', 'renamed', 'both']);
    assert.equal(form.get('text'), 'hello');
    assert.equal(form.get('json'), '{"a":1}');
    assert.equal(form.get('both'), 'data wins');
    const f = form.get('file');
    assert.ok(f instanceof File);
    assert.equal(f.name, 'photo.bin');
    assert.equal(f.type, 'image/png');
    assert.ok(Buffer.from(await f.arrayBuffer()).equals(content));
    const renamed = form.get('renamed');
    const bytes = form.get('bytes');
    assert.ok(renamed instanceof File && bytes instanceof File);
    assert.equal(renamed.name, 'remote.png');
    assert.equal(bytes.name, 'b.bin');
  });

  it('fails an unreadable file with 2300026, as curl does', async () => {
    const missing = join(dir, 'missing.txt');
    const curl = await curlRun(['-F', `f=@${missing}`, `${base}form`]);
    assert.equal(curl.exitCode, 26);
    await assert.rejects(
      http.createHttp().request(`${base}form`, {
        method: http.RequestMethod.POST,
        header: { 'content-type': 'multipart/form-data' },
        multiFormDataList: [{ name: 'f', contentType: 'text/plain', filePath: missing }],
      }),
      { code: 2300026, message: 'Failed to open or read local data from the file or application' },
    );
  });

  it('is used only for exactly multipart/form-data; all-skipped lists send no body', async () => {
    await http.createHttp().request(`${base}form`, {
      method: http.RequestMethod.POST,
      header: { 'content-type': 'multipart/form-data; boundary=x' },
      multiFormDataList: [{ name: 'a', contentType: 'text/plain', data: 'x' }],
    });
    assert.equal(lastUpload?.body.length, 0);
    const res = await http.createHttp().request(`${base}form`, {
      method: http.RequestMethod.POST,
      header: { 'content-type': 'multipart/form-data' },
      multiFormDataList: [{ name: '', contentType: 'text/plain', data: 'x' }],
    });
    assert.equal(res.responseCode, 200);
    assert.equal(lastUpload?.body.length, 0);
  });
});
