import { PARAMETER_ERROR } from '../errors/codes.js';
import { thrownError } from '../errors/business-error.js';

export const EVENT_NAMES = [
  'headerReceive', 'headersReceive', 'dataReceive', 'dataEnd', 'dataReceiveProgress', 'dataSendProgress',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

type Listener = (...args: unknown[]) => void;
interface Registration {
  readonly fn: Listener;
  readonly once: boolean;
  /** Deprecated `on('headerReceive')` listeners are called AsyncCallback-style: (undefined, payload). */
  readonly errorFirst: boolean;
}

const KNOWN = new Set<string>(EVENT_NAMES);

/**
 * The listeners of one HttpRequest, with the device's rules: one listener per event type
 * (a new registration replaces the old), `once` only for the header events, listeners shared
 * by every request of the object, delivery on a later microtask.
 */
export class Listeners {
  readonly #byType = new Map<EventName, Registration>();

  on(args: readonly unknown[]): void {
    const [type, fn] = args;
    if (args.length !== 2 || typeof type !== 'string' || typeof fn !== 'function') throw thrownError(PARAMETER_ERROR);
    if (!KNOWN.has(type)) return;
    this.#byType.set(type as EventName, { fn: fn as Listener, once: false, errorFirst: type === 'headerReceive' });
  }

  once(args: readonly unknown[]): void {
    const [type, fn] = args;
    // Bad arguments and non-header events are silently ignored by the device's once().
    if (args.length !== 2 || typeof fn !== 'function') return;
    if (type !== 'headersReceive' && type !== 'headerReceive') return;
    this.#byType.set(type, { fn: fn as Listener, once: true, errorFirst: false });
  }

  off(args: readonly unknown[]): void {
    const [type, fn] = args;
    if (args.length < 1 || args.length > 2 || typeof type !== 'string') throw thrownError(PARAMETER_ERROR);
    if (args.length === 2 && typeof fn !== 'function') throw thrownError(PARAMETER_ERROR);
    if (!KNOWN.has(type)) return;
    const current = this.#byType.get(type as EventName);
    if (current !== undefined && (args.length === 1 || current.fn === fn)) this.#byType.delete(type as EventName);
  }

  /** How many event types have a listener: 0 lets a response skip every per-event check. */
  get size(): number {
    return this.#byType.size;
  }

  has(type: EventName): boolean {
    return this.#byType.has(type);
  }

  /** Queues delivery of `payload` to the listener registered now (if any); a once-listener is removed at once. */
  emit(type: EventName, payload: unknown): void {
    const reg = this.#byType.get(type);
    if (reg === undefined) return;
    if (reg.once) this.#byType.delete(type);
    if (reg.errorFirst) queueMicrotask(() => { reg.fn(undefined, payload); });
    else queueMicrotask(() => { reg.fn(payload); });
  }
}
