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

/** undici's parsed header value as the device shows it: UTF-8 (undici decodes latin1), cut at NUL. */
function deviceText(latin1: string): string {
  // Bytes outside ASCII, NUL and surrounding blanks need work; most values have none of them.
  if (!/[\x00\x80-\xff]/.test(latin1)) {
    return latin1.charCodeAt(0) <= 32 || latin1.charCodeAt(latin1.length - 1) <= 32 ? latin1.trim() : latin1;
  }
  const utf8 = Buffer.from(latin1, 'latin1').toString('utf8');
  const nul = utf8.indexOf('\0');
  return (nul < 0 ? utf8 : utf8.slice(0, nul)).trim();
}

/** A header block as undici parses it: lowercase names, repeated names as arrays, values trimmed, latin1. */
export type ParsedHeaders = Record<string, string | string[] | undefined>;

/**
 * Merges one parsed header block into the object accumulated over every hop (the hot path: it
 * reuses undici's parsing instead of decoding raw buffers again). Same rules as mergeHeaderBlock.
 */
export function mergeParsed(into: HeaderObject, parsed: ParsedHeaders): void {
  for (const name in parsed) {
    const value = parsed[name];
    if (value === undefined) continue;
    if (name === 'set-cookie') {
      const lines = (Array.isArray(value) ? value : [value]).map(deviceText).filter((v) => v !== '');
      if (lines.length === 0) continue;
      const list = into['set-cookie'];
      if (Array.isArray(list)) list.push(...lines);
      else into['set-cookie'] = lines;
      continue;
    }
    const text = deviceText(Array.isArray(value) ? (value[value.length - 1] ?? '') : value);
    if (text !== '') put(into, name, text);
  }
}

/** The last value of one header of a parsed block. */
export function parsedHeader(parsed: ParsedHeaders, lowerName: string): string | undefined {
  const value = parsed[lowerName];
  return Array.isArray(value) ? value[value.length - 1] : value;
}
