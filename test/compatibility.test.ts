// docs/compatibility.md must list every member of the public surface: read it from the package itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import http from 'ohos-net-http';
import { repoRoot } from './helpers/servers.js';

const doc = readFileSync(join(repoRoot, 'docs', 'compatibility.md'), 'utf8');
const declarations = ts.createSourceFile(
  'types.d.ts',
  readFileSync(join(repoRoot, 'dist', 'api', 'types.d.ts'), 'utf8'),
  ts.ScriptTarget.Latest,
);

/** Member names of an interface in the shipped declarations. */
function membersOf(name: string): string[] {
  const found = declarations.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(found, `interface ${name} is declared`);
  return [...new Set(found.members.map((m) => (m.name !== undefined && ts.isIdentifier(m.name) ? m.name.text : '')).filter((n) => n !== ''))];
}

/** Event names from the `on` overloads of HttpRequest. */
function eventNames(): string[] {
  const req = declarations.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'HttpRequest');
  assert.ok(req);
  const names = new Set<string>();
  for (const m of req.members) {
    if (ts.isMethodSignature(m) && m.name.getText(declarations) === 'on') {
      const type = m.parameters[0]?.type;
      if (type !== undefined && ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) names.add(type.literal.text);
    }
  }
  return [...names];
}

/** A row of the table that names `name` in its first cell. */
function rowFor(section: string, name: string): string | undefined {
  const start = doc.indexOf(`## ${section}`);
  assert.ok(start >= 0, `section "${section}" exists`);
  const end = doc.indexOf('\n## ', start + 3);
  const body = doc.slice(start, end < 0 ? undefined : end);
  return body.split('\n').find((line) => line.startsWith(`| \`${name}\``));
}

const sections: [string, () => string[]][] = [
  ['Namespace', () => Object.keys(http).filter((k) => k !== 'default')],
  ['HttpRequest', () => membersOf('HttpRequest')],
  ['Events', eventNames],
  ['HttpRequestOptions', () => membersOf('HttpRequestOptions')],
  ['HttpResponse', () => membersOf('HttpResponse')],
  ['HttpResponseCache', () => membersOf('HttpResponseCache')],
  ['HttpInterceptorChain', () => Object.getOwnPropertyNames(http.HttpInterceptorChain.prototype).filter((n) => n !== 'constructor')],
];

describe('docs/compatibility.md', () => {
  for (const [section, names] of sections) {
    it(`lists every ${section} member with a status`, () => {
      const list = names();
      assert.ok(list.length > 0);
      for (const name of list) {
        const row = rowFor(section, name);
        assert.ok(row !== undefined, `${section}: no row for \`${name}\``);
        assert.match(row, /\| (supported|adapted|not applicable|partial)\b/i, `${section}: \`${name}\` has no status`);
      }
    });
  }
});
