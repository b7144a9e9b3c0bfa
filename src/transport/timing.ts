import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { CipherSuite, ConnectionExtraInfo, PerformanceTiming } from '../api/types.js';
import type { TlsVersion } from '../api/enums.js';
import { connectionOf, type ConnectionRecord } from './connection.js';

/** Moments of one transfer, as `performance.now()` readings; 0 = did not happen. */
export interface Marks {
  /** When the transfer could start: after the first request of the process loaded the transport modules. */
  start: number;
  /** Start of the final hop (after redirects). */
  hopStart: number;
  sent: number;
  firstByte: number;
  headers: number;
  body: number;
  end: number;
  /** Setup times of the connection, when this transfer opened it. */
  fresh: ConnectionRecord | undefined;
}

const since = (start: number, t: number): number => (t === 0 ? 0 : Math.max(0, t - start));

/** curl-style cumulative timings (ms from the start of the request; 0 for phases that did not happen). */
export function performanceTiming(m: Marks, now: number): PerformanceTiming {
  const c = m.fresh;
  return {
    dnsTiming: c === undefined ? 0 : since(m.start, c.dnsEnd),
    tcpTiming: c === undefined ? 0 : since(m.start, c.tcpEnd),
    tlsTiming: c === undefined ? 0 : since(m.start, c.tlsEnd),
    firstSendTiming: since(m.start, m.sent),
    firstReceiveTiming: since(m.start, m.firstByte),
    totalFinishTiming: since(m.start, m.end),
    redirectTiming: m.hopStart === m.start ? 0 : since(m.start, m.hopStart),
    responseHeaderTiming: since(m.start, m.headers),
    responseBodyTiming: since(m.start, m.body || m.headers),
    totalTiming: since(m.start, now),
  };
}

const TLS_VERSIONS: Record<string, TlsVersion> = { TLSv1: 4, 'TLSv1.1': 5, 'TLSv1.2': 6, 'TLSv1.3': 7 };

/**
 * What the device reports about the connection that served the final hop. Endpoints and TLS details come from
 * what the connector recorded when the connection was ready: a connection closed after its response
 * (reuseConnections: false, `Connection: close`) no longer knows them. `viaProxy` defaults to that record too.
 */
export function connectionInfo(
  socket: Socket | undefined,
  reused: boolean,
  redirectCount: number,
  viaProxy?: boolean,
): ConnectionExtraInfo {
  const record = socket === undefined ? undefined : connectionOf(socket);
  const tls = socket !== undefined && 'getProtocol' in socket ? (socket as TLSSocket) : undefined;
  const alpn = tls?.alpnProtocol;
  const info: ConnectionExtraInfo = {
    networkProtocolName: socket === undefined ? 'Unknown/Non-HTTP' : alpn === 'h2' ? 'HTTP/2' : 'HTTP/1.1',
    localAddress: record?.localAddress ?? socket?.localAddress ?? '',
    remoteAddress: record?.remoteAddress ?? socket?.remoteAddress ?? '',
    localPort: record?.localPort ?? socket?.localPort ?? -1,
    remotePort: record?.remotePort ?? socket?.remotePort ?? -1,
    isReusedConnection: reused,
    isProxyConnection: viaProxy ?? record?.viaProxy ?? false,
    isCacheHit: false,
    redirectCount,
  };
  if (tls !== undefined) {
    const version = TLS_VERSIONS[record?.tlsProtocol ?? tls.getProtocol() ?? ''];
    if (version !== undefined) info.tlsVersion = version;
    const cipher = record?.cipher ?? (tls.getCipher() as { standardName?: string } | undefined)?.standardName;
    if (cipher !== undefined) info.cipherSuite = cipher as CipherSuite;
  }
  return info;
}
