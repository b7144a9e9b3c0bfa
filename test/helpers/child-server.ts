// An HTTP server in a child process, for code that blocks this process's thread (requestSync).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ChildServer {
  readonly url: string;
  close(): Promise<void>;
}

const SCRIPT = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/cookie/set') { res.writeHead(200, { 'set-cookie': 'session=abc; Path=/' }); return res.end('set'); }
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    if (req.url === '/late') return setTimeout(() => res.end('late'), 50);
    if (req.url.startsWith('/headers')) return res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, cookie: req.headers.cookie ?? null, body }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

/** Starts the server; it echoes method, url, cookie and body as JSON (`/headers…`: all request headers too), `/cookie/set` sets a cookie, `/slow` waits 2 s, `/late` 50 ms. */
export async function startChildServer(): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      child.stdin?.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
