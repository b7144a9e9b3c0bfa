// The embedded server the example app's network suite talks to (127.0.0.1, port 0).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExampleServer {
  url: string;
  close(): Promise<void>;
}

export async function startExampleServer(): Promise<ExampleServer> {
  let counter = 0;
  const server = http.createServer((req, res) => {
    switch (req.url) {
      case '/greeting':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'hello' }));
        return;
      case '/stream': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        let i = 0;
        const next = (): void => {
          if (i === 3) {
            res.end();
            return;
          }
          res.write(`chunk-${i++};`);
          setImmediate(next);
        };
        next();
        return;
      }
      case '/counted':
        res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=60' }).end(`count ${++counter}`);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
