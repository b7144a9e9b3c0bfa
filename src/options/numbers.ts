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
