/**
 * Finds ArkTS that has no meaning off the device — UI `struct`s, ArkUI decorators, `$r`/`$rawfile`
 * resources — so the loader can name the file and line instead of failing inside the transpiler.
 * Comments and string literals are blanked first so that text inside them is not mistaken for code.
 */
const UI_DECORATORS = [
  'Component', 'ComponentV2', 'Entry', 'Preview', 'Builder', 'BuilderParam', 'LocalBuilder', 'Styles', 'Extend',
  'AnimatableExtend', 'State', 'Prop', 'Link', 'Provide', 'Consume', 'ObjectLink', 'Observed', 'ObservedV2', 'Trace',
  'Local', 'Param', 'Once', 'Event', 'Watch', 'StorageLink', 'StorageProp', 'LocalStorageLink', 'LocalStorageProp',
  'CustomDialog', 'Reusable', 'Monitor', 'Computed', 'Require', 'Track',
];
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/(^|[^\w$.])struct\s+[A-Za-z_$][\w$]*/gm, () => 'an ArkUI `struct` (UI components run only on a device or emulator)'],
  [new RegExp(`(^|[^\\w$])@(${UI_DECORATORS.join('|')})\\b`, 'gm'), (m) => `the ArkUI decorator @${m[2] ?? ''}`],
  [/(^|[^\w$.])\$(r|rawfile)\s*\(/gm, (m) => `the resource reference $${m[2] ?? ''}() (app resources exist only in a built HAP)`],
];

/** Replaces comments and string/template literal contents with spaces, keeping line breaks. */
export function blankCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  const keepNewlines = (text: string): string => text.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += keepNewlines(source.slice(i, stop));
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += keepNewlines(source.slice(i, stop));
      i = stop;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\') j++;
        else if (ch !== '`' && source[j] === '\n') break;
        j++;
      }
      out += ch + keepNewlines(source.slice(i + 1, j)) + (j < source.length ? ch : '');
      i = j + 1;
    } else {
      out += ch ?? '';
      i++;
    }
  }
  return out;
}

export interface OffDeviceConstruct {
  line: number;
  column: number;
  what: string;
}

/** The first construct that cannot run on Node.js, or undefined. */
export function findOffDeviceConstruct(source: string): OffDeviceConstruct | undefined {
  const code = blankCommentsAndStrings(source);
  let first: OffDeviceConstruct | undefined;
  let firstIndex = Infinity;
  for (const [pattern, describe] of PATTERNS) {
    pattern.lastIndex = 0;
    const m = pattern.exec(code);
    if (m === null) continue;
    const index = m.index + (m[1]?.length ?? 0);
    if (index < firstIndex) {
      firstIndex = index;
      const before = code.slice(0, index);
      const line = before.split('\n').length;
      first = { line, column: index - before.lastIndexOf('\n'), what: describe(m) };
    }
  }
  return first;
}
