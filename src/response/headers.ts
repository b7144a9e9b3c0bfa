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
  const n = latin1.length;
  let i = 0;
  while (i < n) {
    const c = latin1.charCodeAt(i);
    if (c === 0 || c > 0x7f) break;
    i++;
  }
  if (i === n) return n !== 0 && (latin1.charCodeAt(0) <= 32 || latin1.charCodeAt(n - 1) <= 32) ? latin1.trim() : latin1;
  const utf8 = Buffer.from(latin1, 'latin1').toString('utf8');
  const nul = utf8.indexOf('\0');
  return (nul < 0 ? utf8 : utf8.slice(0, nul)).trim();
}

/** A header block as undici parses it: lowercase names, repeated names as arrays, values trimmed, latin1. */
export type ParsedHeaders = Record<string, string | string[] | undefined>;

/**
 * Merges one parsed header block into the object accumulated over every hop (the hot path: it
 * reuses undici's parsing instead of decoding raw buffers again). Same rules as mergeHeaderBlock.
 * Returns the length of the longest value as received, for curl's limit on one header line.
 */
export function mergeParsed(into: HeaderObject, parsed: ParsedHeaders): number {
  let longest = 0;
  for (const name in parsed) {
    const value = parsed[name];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      if (value.length > longest) longest = value.length;
      if (name === 'set-cookie') {
        appendCookies(into, [value]);
        continue;
      }
      const text = deviceText(value);
      if (text !== '') put(into, name, text);
      continue;
    }
    for (const v of value) if (v.length > longest) longest = v.length;
    if (name === 'set-cookie') {
      appendCookies(into, value);
      continue;
    }
    const text = deviceText(value[value.length - 1] ?? '');
    if (text !== '') put(into, name, text);
  }
  return longest;
}

function appendCookies(into: HeaderObject, values: readonly string[]): void {
  const lines = values.map(deviceText).filter((v) => v !== '');
  if (lines.length === 0) return;
  const list = into['set-cookie'];
  if (Array.isArray(list)) list.push(...lines);
  else into['set-cookie'] = lines;
}

/** The last value of one header of a parsed block. */
export function parsedHeader(parsed: ParsedHeaders, lowerName: string): string | undefined {
  const value = parsed[lowerName];
  return Array.isArray(value) ? value[value.length - 1] : value;
}
