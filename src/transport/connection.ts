import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildConnector } from 'undici';

/** What we know about a connection: when each setup phase ended, and how often it carried a request. */
export interface ConnectionRecord {
  readonly started: number;
  dnsEnd: number;
  tcpEnd: number;
  tlsEnd: number;
  uses: number;
}

const records = new WeakMap<Socket, ConnectionRecord>();

export function connectionOf(socket: Socket): ConnectionRecord | undefined {
  return records.get(socket);
}

/**
 * undici's own connector, wrapped to time DNS, TCP and TLS on each new socket.
 * The times feed `performanceTiming` of the request that first uses the socket.
 */
export function timedConnector(options: buildConnector.BuildOptions): buildConnector.connector {
  // undici's connector returns the socket it creates, though its types say void.
  const connect = buildConnector(options) as unknown as (
    opts: buildConnector.Options,
    cb: buildConnector.Callback,
  ) => Socket;
  return (opts, callback) => {
    const record: ConnectionRecord = { started: performance.now(), dnsEnd: 0, tcpEnd: 0, tlsEnd: 0, uses: 0 };
    const socket = connect(opts, (...args) => {
      if (args[0] === null && opts.protocol === 'https:') record.tlsEnd = performance.now();
      callback(...args);
    });
    records.set(socket, record);
    socket.prependOnceListener('lookup', () => (record.dnsEnd = performance.now()));
    socket.prependOnceListener('connect', () => {
      record.tcpEnd = performance.now();
      if (record.dnsEnd === 0) record.dnsEnd = record.tcpEnd;
    });
    return socket;
  };
}
