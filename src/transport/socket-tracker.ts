import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** Receives the socket a request was written to. */
export interface SocketAware {
  onSocket(socket: Socket): void;
}

let starting: SocketAware | null = null;

/**
 * undici calls the handler's onRequestStart and then, synchronously in the same function,
 * publishes `undici:client:sendHeaders` with the socket. Remembering the handler that just
 * started lets us hand it its socket without touching undici's internals.
 */
export function requestStarting(handler: SocketAware): void {
  starting = handler;
}

diagnostics.subscribe('undici:client:sendHeaders', (message) => {
  const handler = starting;
  if (handler === null) return;
  starting = null;
  handler.onSocket((message as { socket: Socket }).socket);
});
