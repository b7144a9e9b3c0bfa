/**
 * assertDeepEquals' comparison and message (hypium: src/module/assert/deepEquals/assertDeepEquals.js):
 * same [[Class]] on both sides, boxed primitives/Date/RegExp/Error/ArrayBuffer by value, arrays
 * element by element (extra non-index keys ignored), Maps and Sets by content, objects by own
 * enumerable keys; +0 and -0 differ, NaN equals NaN.
 */
type Obj = Record<PropertyKey, unknown>;

const classOf = (value: unknown): string => Object.prototype.toString.call(value);
const has = (obj: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(obj, key);

function ownKeys(obj: object, isArray: boolean): PropertyKey[] {
  const keys: PropertyKey[] = Object.keys(obj);
  for (const sym of Object.getOwnPropertySymbols(obj)) {
    if (Object.prototype.propertyIsEnumerable.call(obj, sym)) keys.push(sym);
  }
  return isArray ? keys.filter((k) => typeof k === 'symbol' || !/^[0-9]+$/.test(String(k))) : keys;
}

function simpleEquals(a: unknown, b: unknown, cls: string): boolean {
  switch (cls) {
    case '[object String]':
      return a === String(b);
    case '[object Number]': {
      const x = Number(a);
      const y = Number(b);
      if (Number.isNaN(x)) return Number.isNaN(y);
      return x === 0 && y === 0 ? 1 / x === 1 / y : x === y;
    }
    case '[object Date]':
    case '[object Boolean]':
      return Number(a) === Number(b);
    case '[object ArrayBuffer]':
      return eq(new Uint8Array(a as ArrayBuffer), new Uint8Array(b as ArrayBuffer));
    case '[object RegExp]': {
      const x = a as RegExp;
      const y = b as RegExp;
      return x.source === y.source && x.global === y.global && x.multiline === y.multiline && x.ignoreCase === y.ignoreCase;
    }
    default:
      return a instanceof Error && b instanceof Error ? a.message === b.message : true;
  }
}

function mapEquals(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  const keysA = [...a.keys()];
  const keysB = [...b.keys()];
  const passes: [unknown[], unknown[]][] = [[keysA, keysB], [keysB, keysA]];
  for (const [keys, others] of passes) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const other = others[i];
      const valueB = eq(key, other) ? b.get(other) : b.get(key);
      if (!eq(a.get(key), valueB)) return false;
    }
  }
  return true;
}

function setEquals(a: Set<unknown>, b: Set<unknown>): boolean {
  if (a.size !== b.size) return false;
  const valuesA = [...a];
  const valuesB = [...b];
  return valuesA.every((x) => valuesB.some((y) => eq(x, y))) && valuesB.every((y) => valuesA.some((x) => eq(y, x)));
}

function objectEquals(a: object, b: object): boolean {
  const keysA = ownKeys(a, Array.isArray(a));
  if (ownKeys(b, Array.isArray(b)).length !== keysA.length) return false;
  return keysA.every((key) => has(b, key) && eq((a as Obj)[key], (b as Obj)[key]));
}

export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return a !== 0 || 1 / (a as number) === 1 / (b as number);
  if (a === null || b === null) return false;
  const cls = classOf(a);
  if (cls !== classOf(b)) return false;
  if (['[object String]', '[object Number]', '[object Date]', '[object Boolean]', '[object ArrayBuffer]', '[object RegExp]', '[object Error]'].includes(cls)) {
    return simpleEquals(a, b, cls);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (cls === '[object Promise]') return false; // distinct promises are never equal
  if (Array.isArray(a)) {
    const arrB = b as unknown[];
    if (a.length !== arrB.length) return false;
    let equal = true;
    for (let i = 0; i < a.length; i++) equal = eq(a[i], arrB[i]) && equal;
    return equal;
  }
  if (a instanceof Map) return mapEquals(a, b as Map<unknown, unknown>);
  if (a instanceof Set) return setEquals(a, b as Set<unknown>);
  return objectEquals(a, b);
}

function itemLog(item: unknown): string {
  if (typeof item === 'number' && Number.isNaN(item)) return 'NaN';
  if (item === undefined) return 'undefined';
  return String(JSON.stringify(item));
}

/** How hypium prints one side of a failed assertDeepEquals. */
export function deepLog(value: unknown, side: 'actualValue' | 'expected'): string {
  const cls = classOf(value);
  switch (cls) {
    case '[object Function]':
      return `${side} Function`;
    case '[object Promise]':
      return `${side} Promise`;
    case '[object Map]':
      return `[${[...(value as Map<unknown, unknown>)].map(([k, v]) => `[${String(JSON.stringify(k))},${itemLog(v)}]`).join(',')}]`;
    case '[object Set]':
      return `[${[...(value as Set<unknown>)].map(itemLog).join(',')}]`;
    case '[object Array]':
      return `[${(value as unknown[]).map(itemLog).join(',')}]`;
    case '[object RegExp]':
      return String(JSON.stringify((value as RegExp).source.replace('\\', '')));
    case '[object BigInt]':
      return String(value);
    case '[object Error]':
      return (value as Error).message;
    case '[object ArrayBuffer]':
      return String((value as ArrayBuffer).byteLength);
    default:
      return typeof value === 'number' && Number.isNaN(value) ? 'NaN' : String(JSON.stringify(value));
  }
}
