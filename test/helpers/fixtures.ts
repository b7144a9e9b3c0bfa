// Paths to the committed TLS fixtures in <repo>/test/fixtures (see test/fixtures/generate.sh).
// Works from the sources (test/helpers) and from the compiled tests (.build/test/helpers).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every file test/fixtures/generate.sh produces. */
export type FixtureName =
  | 'ca.pem'
  | 'ca-key.pem'
  | 'server.pem'
  | 'server-key.pem'
  | 'untrusted-ca.pem'
  | 'untrusted-server.pem'
  | 'untrusted-server-key.pem'
  | 'client.pem'
  | 'client-key.pem'
  | 'client.p12'
  | 'client.der'
  | 'expired-server.pem'
  | 'expired-server-key.pem';

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'fixtures', 'ca.pem'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/fixtures not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Absolute path of the repository root (the folder holding package.json and test/fixtures). */
export const repoRoot: string = findRepoRoot();
/** Absolute path of <repo>/test/fixtures. */
export const fixturesDir: string = join(repoRoot, 'test', 'fixtures');

/** Absolute path of a fixture file, e.g. for `curl --cacert`. */
export function fixture(name: FixtureName): string {
  return join(fixturesDir, name);
}

/** Text content of a PEM fixture. */
export function fixturePem(name: FixtureName): string {
  return readFileSync(fixture(name), 'utf8');
}

/** Raw bytes of a fixture (for client.der, client.p12). */
export function fixtureBytes(name: FixtureName): Buffer {
  return readFileSync(fixture(name));
}
