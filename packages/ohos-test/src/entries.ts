/** Which files to load for the paths on the command line. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LIST_FILES = ['List.test.ets', 'List.test.ts'];
const TEST_FILE = /\.test\.e?ts$/;

function testFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'oh_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFilesUnder(path));
    else if (TEST_FILE.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/** A directory stands for its List.test.ets (the device's entry) or, without one, all its *.test.ets files. */
export function entryFiles(paths: readonly string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) throw new Error(`${given}: no such file or directory`);
    if (!stat.isDirectory()) {
      files.push(path);
      continue;
    }
    const list = LIST_FILES.map((name) => join(path, name)).find((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
    files.push(...(list === undefined ? testFilesUnder(path) : [list]));
  }
  return [...new Set(files)];
}
