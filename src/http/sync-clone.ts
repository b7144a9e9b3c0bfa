/**
 * requestSync hands its options to a worker thread by structured clone, which cannot copy functions
 * or symbols. Every option reader treats such a value as a value of the wrong type: a header value
 * becomes empty text, a number option keeps its default, an object body leaves it out of its JSON.
 * `undefined` is read the same way by each of them (and what it is not read the same way by, the
 * device parsing on the calling thread has already refused with 401), so it stands in for them.
 */

/** Plain containers are walked; anything structured clone copies by itself is kept as it is. */
function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
}

function clones(value: object): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function copyOf(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  // Other objects (buffers, class instances, a WeakMap) go as they are when they can; otherwise as what a
  // reader enumerating their own keys sees, which is all the option readers do with an object.
  if (!isPlain(value) && clones(value)) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(copyOf(item, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = copyOf((value as Record<string, unknown>)[key], seen);
  return out;
}

/**
 * A copy of `options` that can cross to the worker, or `null` when even that cannot be made (a getter
 * that throws): such an argument cannot be read at all (401).
 */
export function crossable(options: object | undefined): object | undefined | null {
  try {
    const copy = copyOf(options, new Map()) as object | undefined;
    structuredClone(copy);
    return copy;
  } catch {
    return null;
  }
}
