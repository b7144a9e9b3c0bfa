// The clients under test. Each one fetches the 1 KiB JSON route and reads the whole body as text,
// over keep-alive connections, with the settings a user of that library would reasonably choose.
import * as nodeHttp from 'node:http';
import http from 'ohos-net-http';
import { Agent, request as undiciRequest } from 'undici';

/** One request, start to finished body. Rejects on anything but a complete 200. */
export type OneRequest = () => Promise<void>;

export interface Client {
  /** A request function for one worker (one worker = one request in flight at a time). */
  worker(): OneRequest;
  close(): Promise<void>;
}

export interface ClientKind {
  readonly name: string;
  /** A ready client, or the reason it cannot run in this build. */
  create(url: string): Promise<Client | string>;
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

/** Our pools: undici Agents with allowH2 true, headersTimeout 0, bodyTimeout 0 (src/transport/dispatchers.ts). */
export function undiciAgent(): Agent {
  return new Agent({ allowH2: true, headersTimeout: 0, bodyTimeout: 0 });
}

function keepAliveAgent(): nodeHttp.Agent {
  return new nodeHttp.Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: Infinity });
}

const ohosRequest: ClientKind = {
  name: 'ohos request()',
  create(url) {
    const objects: ReturnType<typeof http.createHttp>[] = [];
    return Promise.resolve({
      worker() {
        const h = http.createHttp();
        objects.push(h);
        return async () => {
          const res = await h.request(url);
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

const undici: ClientKind = {
  name: BASELINE,
  create(url) {
    const dispatcher = undiciAgent();
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

/** In table order: ours first, then the floor, then the alternatives. */
export const CLIENTS: readonly ClientKind[] = [
  ohosRequest, ohosStream, undici, globalFetch, axiosKind, gotKind, nodeFetchKind,
];
