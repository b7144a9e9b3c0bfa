/**
 * The device reads numeric options as "has the key? then read it as uint32": a key that is
 * present with a non-number value (explicit `undefined` included) reads as 0. We keep that rule
 * (apps depend on its consequences) and say so once per option name, since it surprises people.
 */
const warned = new Set<string>();

function warnOnce(name: string, value: unknown): void {
  if (warned.has(name)) return;
  warned.add(name);
  process.emitWarning(
    `HttpRequestOptions.${name} is present but is ${value === undefined ? 'undefined' : `a ${typeof value}`}; ` +
      `as on the device it reads as 0. Omit the key to get the default.`,
    { type: 'OhosNetHttpWarning', code: 'OHOS_NUMERIC_OPTION' },
  );
}

/** uint32 reading of a present key: numbers wrap like ToUint32, anything else is 0 (with a warning). */
export function readUint32(options: object, name: string, fallback: number): number {
  if (!(name in options)) return fallback;
  const value = (options as Record<string, unknown>)[name];
  if (typeof value === 'number') return value >>> 0;
  warnOnce(name, value);
  return 0;
}

/** Plain number option: only real numbers are taken, anything else means "not set". */
export function readNumber(options: object, name: string): number | undefined {
  const value = (options as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : undefined;
}

/**
 * A number as the device's C code prints it: integral values as int64 text, anything else with
 * `%f` (six decimals). `toFixed(6)` agrees with `%f` except on exact ties (a value whose
 * 128-fold is an odd integer, e.g. 0.0078125), where C rounds half to even and JS away from zero.
 */
export function cNumberText(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = value.toFixed(6);
  const scaled = Math.abs(value) * 128;
  if (!Number.isInteger(scaled) || scaled % 2 === 0) return text;
  // Exact tie: |value| * 10^6 = k + 0.5 with k = (scaled * 15625 - 1) / 2; keep the even neighbour.
  const k = (BigInt(scaled) * 15625n - 1n) / 2n;
  const micro = k % 2n === 0n ? k : k + 1n;
  const digits = micro.toString().padStart(7, '0');
  return `${value < 0 ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`;
}
