// Counts the public declarations of the shipped type files (interfaces and their members, type aliases,
// enums and their members, enum-like frozen objects and their keys, functions) and how many carry a
// description, `@since` and `@throws`. Run directly for the figures:
//   node .build/test/helpers/jsdoc-coverage.js [dist-dir] [--missing]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { repoRoot } from './servers.js';

export interface DocItem {
  name: string;
  description: boolean;
  since: boolean;
  throws: boolean;
}

/** The shipped declaration files that make up the public types. */
export function publicTypeFiles(dist = join(repoRoot, 'dist')): string[] {
  const inDir = (dir: string): string[] => readdirSync(join(dist, dir)).filter((f) => f.endsWith('.d.ts')).map((f) => join(dir, f));
  const connection = [join('connection', 'namespace.d.ts'), join('connection', 'unavailable.d.ts')];
  const candidates = [...inDir('api'), 'namespace.d.ts', 'kit.d.ts', ...connection, join('http', 'HttpInterceptorChain.d.ts')];
  // The interceptor class file was public before the class got an interface type; count it where it still is.
  return candidates.map((f) => join(dist, f)).filter((f) => existsSync(f) && (!f.endsWith('HttpInterceptorChain.d.ts') || !hasChainInterface(dist)));
}

function hasChainInterface(dist: string): boolean {
  return readFileSync(join(dist, 'api', 'types.d.ts'), 'utf8').includes('interface HttpInterceptorChain ');
}

function docOf(node: ts.Node, name: string): DocItem {
  const doc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  const tags = doc?.tags ?? [];
  const comment = doc?.comment;
  const description = typeof comment === 'string' ? comment.trim() !== '' : (comment?.length ?? 0) > 0;
  return { name, description, since: tags.some((t) => t.tagName.text === 'since'), throws: tags.some((t) => t.tagName.text === 'throws') };
}

function membersOf(node: ts.Node, sf: ts.SourceFile, prefix: string, items: DocItem[]): void {
  if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) {
    const name = `${prefix}${node.name?.text ?? '?'}`;
    items.push(docOf(node, name));
    for (const m of node.members) {
      const key = m.name?.getText(sf) ?? '(signature)';
      if (key === '#private' || ts.isConstructorDeclaration(m)) continue;
      items.push(docOf(m, `${name}.${key}`));
    }
  } else if (ts.isTypeAliasDeclaration(node) || ts.isFunctionDeclaration(node)) {
    items.push(docOf(node, `${prefix}${node.name?.text ?? '?'}`));
  } else if (ts.isVariableStatement(node)) {
    for (const d of node.declarationList.declarations) {
      const name = `${prefix}${d.name.getText(sf)}`;
      items.push(docOf(node, name));
      // A frozen object literal standing for an enum: its keys are members too.
      const literal = d.type !== undefined && ts.isTypeReferenceNode(d.type) ? d.type.typeArguments?.[0] : d.type;
      if (literal !== undefined && ts.isTypeLiteralNode(literal)) {
        for (const m of literal.members) items.push(docOf(m, `${name}.${m.name?.getText(sf) ?? '?'}`));
      }
    }
  }
}

/** Every public declaration of `files` with what its JSDoc carries. */
export function docCoverage(dist = join(repoRoot, 'dist')): DocItem[] {
  const items: DocItem[] = [];
  for (const file of publicTypeFiles(dist)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const prefix = `${file.slice(dist.length + 1)}:`;
    for (const s of sf.statements) membersOf(s, sf, prefix, items);
  }
  return items;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Optional first argument: another dist directory (e.g. a build of an earlier commit).
  const dist = process.argv[2] !== undefined && !process.argv[2].startsWith('--') ? process.argv[2] : undefined;
  const items = docCoverage(dist);
  const count = (k: 'description' | 'since' | 'throws'): string => {
    const n = items.filter((i) => i[k]).length;
    return `${n} (${((100 * n) / items.length).toFixed(1)} %)`;
  };
  process.stdout.write(`declarations: ${items.length}\ndescription:  ${count('description')}\n@since:       ${count('since')}\n@throws:      ${count('throws')}\n`);
  if (process.argv.includes('--missing')) {
    for (const i of items.filter((x) => !x.description || !x.since)) process.stdout.write(`missing ${i.description ? '' : 'description '}${i.since ? '' : '@since '}${i.name}\n`);
  }
}
