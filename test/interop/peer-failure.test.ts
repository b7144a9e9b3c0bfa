// When a peer fails to start, its interop suite must fail at once with the peer's own words, stop the peers it
// did start and remove every directory it made — not hang with a running nginx keeping the process alive.
// Runs under `npm test` (no real peer is needed to start): the squid suite is run in a child process with a
// fake `nginx` (a tiny HTTP server that records where it ran) and a fake `squid` (exits at once with a FATAL
// line) first on PATH, and with TMPDIR set to a fresh private (0700) directory.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { findBinary, NCSA_AUTH } from './peers.js';
import { repoRoot } from '../helpers/fixtures.js';

const SQUID_SUITE = fileURLToPath(new URL('./squid.test.js', import.meta.url));
const REPORTER = join(repoRoot, 'scripts', 'test-reporter.mjs');
const FATAL = 'FATAL: fake squid cannot bind its port';

// nginx as the suite runs it (`-e log -p dir -c conf`): serves any request on the conf's first port and writes
// `pid dir` next to itself, so the test can check that both are gone afterwards.
const FAKE_NGINX = `
const fs = require('node:fs'), http = require('node:http'), path = require('node:path');
const arg = (flag) => process.argv[process.argv.indexOf(flag) + 1];
const port = Number(/listen 127\\.0\\.0\\.1:(\\d+);/.exec(fs.readFileSync(arg('-c'), 'utf8'))[1]);
fs.writeFileSync(path.join(__dirname, 'nginx.ran'), process.pid + ' ' + arg('-p'));
http.createServer((req, res) => res.end('fake nginx\\n')).listen(port, '127.0.0.1');
`;

// squid as the suite runs it (`-N -f conf`): records its directory and fails the way a real squid does.
const FAKE_SQUID = `
const fs = require('node:fs'), path = require('node:path');
fs.writeFileSync(path.join(__dirname, 'squid.ran'), path.dirname(process.argv[process.argv.indexOf('-f') + 1]));
console.error(${JSON.stringify(FATAL)});
process.exit(1);
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const missing = [NCSA_AUTH, 'openssl'].filter((name) => findBinary(name) === undefined);

describe('interop: a peer that fails to start', { skip: missing.length > 0 ? `needs ${missing.join(', ')}` : false }, () => {
  let work: string;
  let bin: string;
  let privateTmp: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'ohos-peer-failure-'));
    bin = join(work, 'bin');
    privateTmp = join(work, 'tmp');
    mkdirSync(bin);
    mkdirSync(privateTmp, { mode: 0o700 });
    writeFileSync(join(bin, 'nginx'), `#!${process.execPath}\n${FAKE_NGINX}`, { mode: 0o755 });
    writeFileSync(join(bin, 'squid'), `#!${process.execPath}\n${FAKE_SQUID}`, { mode: 0o755 });
  });

  after(() => {
    // If the suite under test leaked its nginx, the assertion below failed; do not leak it from here too.
    try {
      const [pid, dir] = readFileSync(join(bin, 'nginx.ran'), 'utf8').split(' ') as [string, string];
      if (alive(Number(pid))) process.kill(Number(pid), 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* never started */
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('fails the suite with the peer log, stops the peer that started and leaves no directory', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, OHOS_INTEROP: '1', PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, TMPDIR: privateTmp };
    delete env.OHOS_INTEROP_OPTIONAL;
    delete env.NODE_TEST_CONTEXT; // a test run of its own, not a subtest of this one
    const child = spawn(process.execPath, ['--test', `--test-reporter=${REPORTER}`, SQUID_SUITE], { env, cwd: work });
    // This timer only keeps a hang from hanging this run too; a hang is a failure however long it is allowed.
    let hung = false;
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 120_000);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.once('close', (c: number | null, s: NodeJS.Signals | null) => {
        resolve([c, s]);
      });
    });
    clearTimeout(guard);

    assert.equal(hung, false, `the suite hung and was killed:\n${out}`);
    assert.equal(signal, null, out);
    assert.notEqual(code, 0, `the suite passed with a broken squid:\n${out}`);
    assert.match(out, /squid exited \(1\) before it was ready/, out);
    assert.ok(out.includes(FATAL), `the squid's own output is in the failure:\n${out}`);

    const [pid, nginxDir] = readFileSync(join(bin, 'nginx.ran'), 'utf8').split(' ') as [string, string];
    assert.equal(alive(Number(pid)), false, 'the nginx that did start was stopped');
    assert.equal(existsSync(nginxDir), false, `nginx's directory ${nginxDir} was removed`);
    const squidDir = readFileSync(join(bin, 'squid.ran'), 'utf8');
    assert.equal(existsSync(squidDir), false, `squid's directory ${squidDir} was removed`);
    assert.deepEqual(readdirSync(privateTmp), [], 'nothing is left in TMPDIR');
  });
});
