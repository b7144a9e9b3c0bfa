/** The response `header` object: lowercase names, last value wins, `set-cookie` collected in an array. */
export type HeaderObject = Record<string, string | string[]>;

function text(raw: Buffer | string): string {
  const s = typeof raw === 'string' ? raw : raw.toString('utf8');
  // Values are C strings on the device: cut at the first NUL.
  const nul = s.indexOf('\0');
  return (nul < 0 ? s : s.slice(0, nul)).trim();
}

function put(into: HeaderObject, name: string, value: string): void {
  if (name === '__proto__') Object.defineProperty(into, name, { value, enumerable: true, writable: true, configurable: true });
  else into[name] = value;
}

/**
 * Merges one header block (undici's flat raw list: name, value, name, value…) into the object
 * accumulated over every hop. Empty values are skipped, as the device skips them.
 */
export function mergeHeaderBlock(into: HeaderObject, raw: readonly (Buffer | string)[]): void {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = text(raw[i] as Buffer | string).toLowerCase();
    const value = text(raw[i + 1] as Buffer | string);
    if (name === '' || value === '') continue;
    if (name === 'set-cookie') {
      const list = into['set-cookie'];
      if (Array.isArray(list)) list.push(value);
      else into['set-cookie'] = [value];
    } else {
      put(into, name, value);
    }
  }
}

/** Flattens undici's parsed header object back to a raw list, for dispatchers that give no raw headers. */
export function rawFromParsed(parsed: Record<string, string | string[] | undefined>): string[] {
  const raw: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (Array.isArray(value)) for (const v of value) raw.push(name, v);
    else if (value !== undefined) raw.push(name, value);
  }
  return raw;
}

/** One header value of a raw block (last occurrence), compared case-insensitively by name. */
export function rawHeader(raw: readonly (Buffer | string)[], lowerName: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const n = raw[i] as Buffer | string;
    if (n.length === lowerName.length && n.toString().toLowerCase() === lowerName) found = text(raw[i + 1] as Buffer | string);
  }
  return found;
}
