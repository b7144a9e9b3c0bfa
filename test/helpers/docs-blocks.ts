// The fenced code blocks of the Markdown docs, for test/docs-examples.test.ts. Which blocks run, and how:
// ```ts / ```typescript (type-checked, then type-stripped) and ```js / ```mjs run as ES modules, ```cjs as
// CommonJS; any other language (sh, json, text, none) is not run. A block right after a line
// `<!-- not-run: reason -->` is kept but marked skipped, with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './fixtures.js';

export type Kind = 'ts' | 'esm' | 'cjs';

export interface DocBlock {
  /** Path relative to the repository, e.g. `README.md`. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  /** How it runs, or undefined for a block that is not code to run. */
  readonly kind: Kind | undefined;
  readonly code: string;
  /** Why it is not run, from a `<!-- not-run: … -->` line. */
  readonly notRun?: string;
}

const KINDS: Readonly<Record<string, Kind>> = { ts: 'ts', typescript: 'ts', js: 'esm', javascript: 'esm', mjs: 'esm', cjs: 'cjs' };
const NOT_RUN = /^<!--\s*not-run:\s*(.*?)\s*-->\s*$/;

/** README.md and every docs/*.md, in a stable order. */
export function docFiles(): string[] {
  const docs = readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** Every fenced block of one Markdown file (fences of three or more backticks or tildes, any indent). */
export function extractBlocks(file: string, text = readFileSync(join(repoRoot, file), 'utf8')): DocBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    let k = i - 1;
    while (k >= 0 && (lines[k] ?? '').trim() === '') k--;
    const notRun = NOT_RUN.exec((lines[k] ?? '').trim())?.[1];
    const kind = KINDS[lang.toLowerCase()];
    blocks.push({ file, line: i + 1, lang, kind, code: body.join('\n') + '\n', ...(notRun === undefined ? {} : { notRun }) });
    i = j;
  }
  return blocks;
}

/**
 * The lines a block promises to print: the text after every `// prints: ` comment, in order. The comment may end
 * a line of code or stand alone.
 */
export function expectedOutput(code: string): string[] {
  return [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => (m[1] ?? '').trimEnd());
}
