// The clients under test. Each one fetches the 1 KiB JSON route and reads the whole body as text,
// over keep-alive connections, with the settings a user of that library would reasonably choose.
import { readFileSync } from 'node:fs';
import * as nodeHttp from 'node:http';
import { fileURLToPath } from 'node:url';
import http from 'ohos-net-http';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { ACCEPT, ACCEPT_ENCODING, USER_AGENT } from '../src/options/defaults.js';

/** One request, start to finished body. Rejects on anything but a complete 200. */
export type OneRequest = () => Promise<void>;

export interface Client {
  /** A request function for one worker (one worker = one request in flight at a time). */
  worker(): OneRequest;
  close(): Promise<void>;
}

/** 'h1': http:// (HTTP/1.1, keep-alive); 'h2': https:// with ALPN h2 against the test CA. */
export type Transport = 'h1' | 'h2';

export interface ClientKind {
  readonly name: string;
  /** Where it runs: only HTTP/1.1 unless listed (the alternatives are HTTP/1.1 clients). */
  readonly transports?: readonly Transport[];
  /** The highest concurrency it makes sense at (requestSync blocks: one at a time). */
  readonly maxConcurrency?: number;
  /** A ready client, or the reason it cannot run in this build. */
  create(url: string): Promise<Client | string>;
}

/** The CA that signed the bench server's certificate (test/fixtures). */
export const CA_PATH = fileURLToPath(new URL('../../test/fixtures/ca.pem', import.meta.url));
let caPem: Buffer | undefined;
const ca = (): Buffer => (caPem ??= readFileSync(CA_PATH));
/** The options our client needs for the bench server: `caPath` for https, nothing for http. */
function ohosOptions(url: string): { caPath: string } | undefined {
  return url.startsWith('https:') ? { caPath: CA_PATH } : undefined;
}

export const BASELINE = 'undici.request';
export const NOT_IMPLEMENTED = 2300999;

const EXPECTED = 1024;

function check(status: number, length: number): void {
  if (status !== 200 || length !== EXPECTED) throw new Error(`status ${status}, ${length} bytes`);
}

/** The error code of a device-style rejection, if it is one. */
export function codeOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Our pools: undici Agents with allowH2 true, headersTimeout 0, bodyTimeout 0 (src/transport/dispatchers.ts).
 * For https (the h2 server) also `pipelining`, without which undici sends one request at a time per h2
 * connection; our pools lift that limit on h2 connections only.
 */
export function undiciAgent(url?: string): Agent {
  const h2 = url?.startsWith('https:') === true ? { pipelining: 128 } : {};
  return new Agent({ allowH2: true, headersTimeout: 0, bodyTimeout: 0, connect: { ca: ca() }, ...h2 });
}

function keepAliveAgent(): nodeHttp.Agent {
  return new nodeHttp.Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: Infinity });
}

const ohosRequest: ClientKind = {
  name: 'ohos request()',
  transports: ['h1', 'h2'],
  create(url) {
    const objects: ReturnType<typeof http.createHttp>[] = [];
    const options = ohosOptions(url);
    return Promise.resolve({
      worker() {
        const h = http.createHttp();
        objects.push(h);
        return async () => {
          const res = await (options === undefined ? h.request(url) : h.request(url, options));
          check(res.responseCode, (res.result as string).length);
        };
      },
      close() {
        for (const h of objects) h.destroy();
        return Promise.resolve();
      },
    });
  },
};

const ohosStream: ClientKind = {
  name: 'ohos requestInStream()',
  async create(url) {
    const probe = http.createHttp();
    try {
      await probe.requestInStream(url);
    } catch (err) {
      if (codeOf(err) === NOT_IMPLEMENTED) return 'requestInStream still rejects with 2300999 (not implemented in this build)';
      return `requestInStream failed: ${JSON.stringify(err)}`;
    } finally {
      probe.destroy();
    }
    const objects: ReturnType<typeof http.createHttp>[] = [];
    return {
      worker() {
        const h = http.createHttp();
        objects.push(h);
        let bytes = 0;
        h.on('dataReceive', (chunk: ArrayBuffer) => { bytes += chunk.byteLength; });
        return async () => {
          bytes = 0;
          const status = await h.requestInStream(url);
          check(status, bytes);
        };
      },
      close() {
        for (const h of objects) h.destroy();
        return Promise.resolve();
      },
    };
  },
};

const ohosSync: ClientKind = {
  name: 'ohos requestSync()',
  transports: ['h1', 'h2'],
  maxConcurrency: 1,
  create(url) {
    const h = http.createHttp();
    const options = ohosOptions(url);
    return Promise.resolve({
      worker: () => () => {
        const res = options === undefined ? h.requestSync(url) : h.requestSync(url, options);
        check(res.responseCode, (res.result as string).length);
        return Promise.resolve();
      },
      close() {
        h.destroy();
        return Promise.resolve();
      },
    });
  },
};

/**
 * The floor: undici's handler API with a handler that only collects the bytes and decodes them to a
 * string. No Readable, no header object, no promise per chunk: the least any client on undici can do.
 */
class Collect implements Dispatcher.DispatchHandler {
  #status = 0;
  #chunks: Buffer[] = [];
  readonly #resolve: () => void;
  readonly #reject: (err: Error) => void;
  readonly #nextTurn: boolean;
  /** `nextTurn`: settle one loop turn after the response, when undici has handed the socket back to its pool. */
  constructor(resolve: () => void, reject: (err: Error) => void, nextTurn = false) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#nextTurn = nextTurn;
  }
  /** undici 7 tells the handler API from the legacy one by this method. */
  onRequestStart(): void {
    // Nothing to set up.
  }
  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.#status = statusCode;
  }
  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }
  onResponseEnd(): void {
    const text = (this.#chunks.length === 1 ? this.#chunks[0] as Buffer : Buffer.concat(this.#chunks)).toString('utf8');
    try {
      check(this.#status, text.length);
      if (this.#nextTurn) queueMicrotask(() => setImmediate(this.#resolve));
      else this.#resolve();
    } catch (err) {
      this.#reject(err as Error);
    }
  }
  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.#reject(err);
  }
}

export const FLOOR = 'undici dispatch (floor)';

const floor: ClientKind = {
  name: FLOOR,
  transports: ['h1', 'h2'],
  create(url) {
    const dispatcher = undiciAgent(url);
    const { origin, pathname } = new URL(url);
    const opts: Dispatcher.DispatchOptions = { origin, path: pathname, method: 'GET' };
    return Promise.resolve({
      worker: () => () => new Promise<void>((resolve, reject) => {
        dispatcher.dispatch(opts, new Collect(resolve, reject));
      }),
      close: () => dispatcher.close(),
    });
  },
};

export const FLOOR_DEVICE = 'undici dispatch, device rules';

/** The request headers the device sends by default, in its order: the library's own constants. */
const DEVICE_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': USER_AGENT,
  accept: ACCEPT,
  'accept-encoding': ACCEPT_ENCODING,
};

/**
 * The floor held to what the device does on the wire and with connections: it sends the device's default request
 * headers; over HTTP/1.1 the next request waits until undici has handed the socket back (else undici opens a
 * second connection and sequential requests alternate between two, which curl does not do); over HTTP/2 all
 * requests share one connection, as curl multiplexes (undici alone opens one per concurrent first request).
 * Not a target: it shows how much of the distance to the floor is the device's behaviour rather than our work.
 */
const floorDevice: ClientKind = {
  name: FLOOR_DEVICE,
  transports: ['h1', 'h2'],
  create(url) {
    const h2 = url.startsWith('https:');
    const dispatcher = h2
      ? new Agent({ allowH2: true, headersTimeout: 0, bodyTimeout: 0, connect: { ca: ca() }, pipelining: 128, connections: 1 })
      : undiciAgent(url);
    const { origin, pathname } = new URL(url);
    return Promise.resolve({
      worker: () => () => new Promise<void>((resolve, reject) => {
        dispatcher.dispatch({ origin, path: pathname, method: 'GET', headers: { ...DEVICE_HEADERS } }, new Collect(resolve, reject, !h2));
      }),
      close: () => dispatcher.close(),
    });
  },
};

const undici: ClientKind = {
  name: BASELINE,
  transports: ['h1', 'h2'],
  create(url) {
    const dispatcher = undiciAgent(url);
    return Promise.resolve({
      worker: () => async () => {
        const { statusCode, body } = await undiciRequest(url, { dispatcher });
        check(statusCode, (await body.text()).length);
      },
      close: () => dispatcher.close(),
    });
  },
};

const globalFetch: ClientKind = {
  name: 'fetch (global)',
  create(url) {
    return Promise.resolve({
      worker: () => async () => {
        const res = await fetch(url);
        check(res.status, (await res.text()).length);
      },
      close: () => Promise.resolve(),
    });
  },
};

const axiosKind: ClientKind = {
  name: 'axios',
  async create(url) {
    const { default: axios } = await import('axios');
    const agent = keepAliveAgent();
    const client = axios.create({ httpAgent: agent, responseType: 'text', proxy: false });
    return {
      worker: () => async () => {
        const res = await client.get<string>(url);
        check(res.status, res.data.length);
      },
      close() {
        agent.destroy();
        return Promise.resolve();
      },
    };
  },
};

const gotKind: ClientKind = {
  name: 'got',
  async create(url) {
    const { default: got } = await import('got');
    const agent = keepAliveAgent();
    const client = got.extend({ agent: { http: agent }, retry: { limit: 0 } });
    return {
      worker: () => async () => {
        const res = await client.get(url);
        check(res.statusCode, res.body.length);
      },
      close() {
        agent.destroy();
        return Promise.resolve();
      },
    };
  },
};

const nodeFetchKind: ClientKind = {
  name: 'node-fetch',
  async create(url) {
    const { default: nodeFetch } = await import('node-fetch');
    const agent = keepAliveAgent();
    return {
      worker: () => async () => {
        const res = await nodeFetch(url, { agent });
        check(res.status, (await res.text()).length);
      },
      close() {
        agent.destroy();
        return Promise.resolve();
      },
    };
  },
};

/** In table order: ours first, then the floor and undici.request, then the alternatives. */
export const CLIENTS: readonly ClientKind[] = [
  ohosRequest, ohosStream, ohosSync, floor, floorDevice, undici, globalFetch, axiosKind, gotKind, nodeFetchKind,
];
