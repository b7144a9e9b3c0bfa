import type { ResponseHead } from '../transport/head.js';

export type HeadListener = (head: ResponseHead) => void;

/** `ohos-net-http/node` onResponseHead listeners, by HttpRequest object; nothing here keeps an object alive. */
const byRequest = new WeakMap<object, HeadListener>();

export function setHeadListener(request: object, listener: HeadListener | undefined): void {
  if (listener === undefined) byRequest.delete(request);
  else byRequest.set(request, listener);
}

export function headListenerOf(request: object): HeadListener | undefined {
  return byRequest.get(request);
}
