import { Agent, type Dispatcher } from 'undici';
import { settings as nodeSettings } from '../config.js';
import { timedConnector } from './connection.js';

/** The settings that make two requests need different connection pools. */
export interface PoolSettings {
  readonly connectTimeout: number;
  /** 0 = HTTP/1.1 only; otherwise HTTP/2 over TLS when the server offers it (curl's default). */
  readonly usingProtocol: 0 | 1 | 2 | undefined;
}

/** curl accepts response header blocks up to 100 KiB; undici's default is smaller. */
const MAX_HEADER_SIZE = 100 * 1024 + 1024;
const pools = new Map<string, Dispatcher>();

function keyOf(s: PoolSettings): string {
  return `${s.connectTimeout}|${s.usingProtocol === 0 ? 1 : 2}`;
}

/**
 * One process-wide pool per distinct setting, created on first use and kept: keep-alive
 * connections are shared by every HttpRequest object, as the device shares its curl multi handle.
 * Idle sockets are unref'd by undici, so a pool never keeps the process alive.
 */
export function dispatcherFor(settings: PoolSettings): Dispatcher {
  if (nodeSettings.dispatcher !== undefined) return nodeSettings.dispatcher;
  const key = keyOf(settings);
  let pool = pools.get(key);
  if (pool === undefined) {
    const allowH2 = settings.usingProtocol !== 0;
    pool = new Agent({
      connect: timedConnector({ timeout: settings.connectTimeout, allowH2 }),
      allowH2,
      // Our own total timer implements readTimeout; curl has no idle timeouts to mirror.
      headersTimeout: 0,
      bodyTimeout: 0,
      maxHeaderSize: MAX_HEADER_SIZE,
    });
    pools.set(key, pool);
  }
  return pool;
}
