// Real peers for the interop tests: nginx, squid and httpbin, each started as a child process on free
// 127.0.0.1 ports with its configuration in a temporary directory, waited for until it answers, and stopped
// (its whole process group) afterwards. The distro services are never used.
//
// These tests run only under `npm run test:interop` (OHOS_INTEROP=1); under `npm test` they are skipped.
// A missing peer binary fails the suite — CI installs the peers — unless OHOS_INTEROP_OPTIONAL=1, which
// skips it with a message instead.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixturesDir, repoRoot } from '../helpers/fixtures.js';

export const INTEROP = process.env.OHOS_INTEROP === '1';
const OPTIONAL = process.env.OHOS_INTEROP_OPTIONAL === '1';
const HOST = '127.0.0.1';
const READY_TIMEOUT = 20_000;

// ---------------------------------------------------------------------------------------------
// Finding binaries and gating suites
// ---------------------------------------------------------------------------------------------

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An executable by name on PATH or in the sbin directories (not on a non-root PATH), or an absolute path. */
export function findBinary(name: string): string | undefined {
  if (name.startsWith('/')) return executable(name) ? name : undefined;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (dir !== '' && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Debian's python3 (the one python3-httpbin installs into), whatever python3 comes first on PATH. */
const SYSTEM_PYTHON = '/usr/bin/python3';

/** Whether the system python can import httpbin (the python3-httpbin package). */
export function httpbinInstalled(): boolean {
  if (!executable(SYSTEM_PYTHON)) return false;
  try {
    execFileSync(SYSTEM_PYTHON, ['-c', 'import httpbin'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * A suite that needs real peers. Outside `npm run test:interop` it is skipped; with a peer missing it fails
 * (or, with OHOS_INTEROP_OPTIONAL=1, is skipped with the reason).
 */
export function describeInterop(name: string, missing: () => string[], body: () => void): void {
  if (!INTEROP) {
    describe(name, { skip: 'interop suite: run it with `npm run test:interop`' }, () => undefined);
    return;
  }
  const absent = missing();
  if (absent.length === 0) {
    describe(name, body);
    return;
  }
  const why = `peer not installed: ${absent.join(', ')} (CI installs them; see .ci/run)`;
  if (OPTIONAL) {
    describe(name, { skip: `${why}; skipped because OHOS_INTEROP_OPTIONAL=1` }, () => undefined);
    return;
  }
  describe(name, () => {
    it('has its peers installed', () => {
      throw new Error(`${why}. Set OHOS_INTEROP_OPTIONAL=1 to skip instead.`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
  return port;
}

/** Whether every directory from `dir` up to `/` lets other users through (o+x). */
function searchableByOthers(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    try {
      if ((statSync(d).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (dirname(d) === d) return true;
  }
}

/**
 * Where peer directories go. Started as root, nginx's workers (nobody) and squid (proxy) drop privileges and
 * must reach their files, which a private TMPDIR (0700, owned by root) forbids: then the first of the usual
 * world-searchable temporary directories is used instead. Other users keep TMPDIR.
 */
function peerBase(): string {
  const base = tmpdir();
  if (process.getuid?.() !== 0 || searchableByOthers(base)) return base;
  const shared = ['/tmp', '/var/tmp', '/dev/shm'].find(searchableByOthers);
  if (shared === undefined) throw new Error(`no temporary directory the peers' users can reach (TMPDIR ${base} is private)`);
  return shared;
}

/** A temporary directory that unprivileged workers (nginx's nobody, squid's proxy) can use. */
export function peerDir(prefix: string, mode = 0o755): string {
  const dir = mkdtempSync(join(peerBase(), `ohos-interop-${prefix}-`));
  chmodSync(dir, mode);
  return dir;
}

/** Runs `start` with a fresh peer directory, which is removed again if the start fails. */
async function inPeerDir<T>(prefix: string, mode: number, start: (dir: string) => Promise<T>): Promise<T> {
  const dir = peerDir(prefix, mode);
  try {
    return await start(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Anything `startPeers` can start and stop. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Starts several peers at once. If one fails, the others that did start are stopped (and their directories
 * removed) before the failure is passed on, so a suite whose `before()` fails leaves nothing running.
 */
export async function startPeers<T extends readonly Stoppable[]>(starts: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const list = starts as readonly (() => Promise<Stoppable>)[];
  const settled = await Promise.allSettled(list.map((start) => start()));
  const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed.length === 0) return settled.map((s) => (s as PromiseFulfilledResult<Stoppable>).value) as unknown as T;
  const started = settled.filter((s): s is PromiseFulfilledResult<Stoppable> => s.status === 'fulfilled');
  await Promise.all(started.map((s) => s.value.stop()));
  if (failed.length === 1) throw failed[0]?.reason;
  throw new AggregateError(failed.map((f) => f.reason as unknown), failed.map((f) => String(f.reason)).join('\n'));
}

/** Fills `{{KEY}}` placeholders of test/interop/<name> from `values`; every placeholder must be known. */
export function renderTemplate(name: string, values: Readonly<Record<string, string | number>>): string {
  const text = readFileSync(join(repoRoot, 'test', 'interop', name), 'utf8');
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: no value for {{${key}}}`);
    return String(value);
  });
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  // Last resort if a test process dies before stop(): never leave a peer behind.
  for (const child of running) {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
});

export interface Running {
  readonly pid: number;
  /** The last 64 KiB of what it printed. */
  output(): string;
  /** Stops its whole process group (SIGTERM, then SIGKILL after `graceMs`). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Spawns `cmd` in its own process group and resolves once `ready()` says yes; fails with the process output if
 * it exits first or is not ready within READY_TIMEOUT.
 */
export async function startProcess(
  name: string,
  cmd: string,
  args: readonly string[],
  ready: () => Promise<boolean>,
  opts: { cwd?: string; signal?: NodeJS.Signals; graceMs?: number; logFiles?: readonly string[] } = {},
): Promise<Running> {
  const child = spawn(cmd, [...args], { cwd: opts.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  const keep = (chunk: Buffer): void => {
    out = (out + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => {
      resolve();
    });
  });
  child.once('error', (err) => {
    keep(Buffer.from(String(err)));
  });
  let stopping: Promise<void> | undefined;
  const run: Running = {
    pid: child.pid ?? -1,
    output: () => out,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
          try {
            process.kill(-child.pid, opts.signal ?? 'SIGTERM');
          } catch {
            /* already gone */
          }
          const abort = new AbortController();
          const grace = sleep(opts.graceMs ?? 5000, 'late' as const, { signal: abort.signal }).catch(() => 'exited' as const);
          const first = await Promise.race([exited.then(() => 'exited' as const), grace]);
          abort.abort(); // no grace timer outlives the peer
          if (first === 'late') {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              /* already gone */
            }
            await exited;
          }
        }
        // Helpers of the peer (squid's auth children, nginx workers) share its group: make sure they are gone too.
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* none left */
          }
        }
        running.delete(child);
        child.stdout.destroy();
        child.stderr.destroy();
      })();
      return stopping;
    },
  };
  // What the peer said about why it failed: its output and the logs it writes itself.
  const logs = (): string => {
    const parts = [out.trimEnd() === '' ? '(no output)' : out.trimEnd()];
    for (const file of opts.logFiles ?? []) {
      try {
        parts.push(`--- ${file} ---\n${readFileSync(file, 'utf8').slice(-16_384).trimEnd()}`);
      } catch {
        /* never written */
      }
    }
    return parts.join('\n');
  };
  const deadline = Date.now() + READY_TIMEOUT;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await run.stop();
      throw new Error(`${name} exited (${String(child.exitCode ?? child.signalCode)}) before it was ready:\n${logs()}`);
    }
    if (await ready().catch(() => false)) return run;
    if (Date.now() > deadline) {
      await run.stop();
      throw new Error(`${name} did not answer within ${READY_TIMEOUT} ms:\n${logs()}`);
    }
    await sleep(100);
  }
}

/** Whether an HTTP GET of `path` on 127.0.0.1:`port` gets any answer (no keep-alive, no proxy). */
export function answers(port: number, path = '/'): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path, agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve(true);
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(false);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// nginx
// ---------------------------------------------------------------------------------------------

export interface Nginx {
  /** `http://127.0.0.1:<port>` */
  readonly http: string;
  /** `https://localhost:<port>` (HTTP/2 and HTTP/1.1 by ALPN; the test CA's server certificate). */
  readonly https: string;
  readonly httpPort: number;
  readonly httpsPort: number;
  /** The document root: write files here. */
  readonly www: string;
  stop(): Promise<void>;
}

/** nginx with the template config; `files` are written to its document root first. */
export async function startNginx(files: Readonly<Record<string, string | Buffer>>): Promise<Nginx> {
  const bin = findBinary('nginx');
  if (bin === undefined) throw new Error('nginx is not installed');
  return inPeerDir('nginx', 0o755, (dir) => launchNginx(bin, dir, files));
}

async function launchNginx(bin: string, dir: string, files: Readonly<Record<string, string | Buffer>>): Promise<Nginx> {
  const www = join(dir, 'www');
  mkdirSync(www, { mode: 0o755 });
  for (const [name, content] of Object.entries(files)) {
    const file = join(www, name);
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o755 });
    writeFileSync(file, content, { mode: 0o644 });
  }
  const httpPort = await freePort();
  const httpsPort = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, renderTemplate('nginx.conf.template', { DIR: dir, HTTP_PORT: httpPort, HTTPS_PORT: httpsPort, FIXTURES: fixturesDir }));
  // -e: the error log before the config is read (the compiled-in one is under /var/log).
  const proc = await startProcess('nginx', bin, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], () => answers(httpPort, '/headers'), {
    signal: 'SIGTERM',
    logFiles: [join(dir, 'error.log')],
  });
  return {
    http: `http://${HOST}:${httpPort}`,
    https: `https://localhost:${httpsPort}`,
    httpPort,
    httpsPort,
    www,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// squid
// ---------------------------------------------------------------------------------------------

/** Where Debian's squid keeps its Basic-auth helper. */
export const NCSA_AUTH = '/usr/lib/squid/basic_ncsa_auth';

export interface Squid {
  readonly host: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Lines of squid's access log so far. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** An htpasswd line in Apache's APR1-MD5 format, made by `openssl passwd -apr1`. */
function htpasswdLine(user: string, password: string): string {
  const hash = execFileSync('openssl', ['passwd', '-apr1', password], { encoding: 'utf8' }).trim();
  return `${user}:${hash}\n`;
}

export async function startSquid(): Promise<Squid> {
  const bin = findBinary('squid');
  if (bin === undefined) throw new Error('squid is not installed');
  // Squid started as root runs as its effective user (proxy): it writes its logs into this directory.
  return inPeerDir('squid', 0o777, (dir) => launchSquid(bin, dir));
}

async function launchSquid(bin: string, dir: string): Promise<Squid> {
  const port = await freePort();
  const username = 'ohos';
  const password = 'interop-secret';
  writeFileSync(join(dir, 'htpasswd'), htpasswdLine(username, password), { mode: 0o644 });
  const conf = join(dir, 'squid.conf');
  writeFileSync(conf, renderTemplate('squid.conf.template', { DIR: dir, PORT: port, NCSA_AUTH }), { mode: 0o644 });
  const proc = await startProcess('squid', bin, ['-N', '-f', conf], () => answers(port), {
    cwd: dir,
    signal: 'SIGTERM',
    logFiles: [join(dir, 'cache.log')],
  });
  return {
    host: HOST,
    port,
    url: `http://${HOST}:${port}`,
    username,
    password,
    accessLog() {
      try {
        return readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter((l) => l !== '');
      } catch {
        return [];
      }
    },
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// httpbin
// ---------------------------------------------------------------------------------------------

export interface Httpbin {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Which server runs it: 'gunicorn' (keep-alive, threads) or 'flask' (python3 -m httpbin.core). */
  readonly server: 'gunicorn' | 'flask';
  stop(): Promise<void>;
}

/**
 * python3-httpbin, served by gunicorn (gthread workers: keep-alive like the public httpbin) when it is installed,
 * else by its own `python3 -m httpbin.core`.
 */
export async function startHttpbin(): Promise<Httpbin> {
  return inPeerDir('httpbin', 0o755, launchHttpbin);
}

async function launchHttpbin(dir: string): Promise<Httpbin> {
  const port = await freePort();
  const gunicorn = findBinary('gunicorn');
  let proc: Running;
  let server: Httpbin['server'];
  if (gunicorn !== undefined) {
    server = 'gunicorn';
    proc = await startProcess('gunicorn', gunicorn, [
      '--bind', `${HOST}:${port}`, '--workers', '1', '--worker-class', 'gthread', '--threads', '16',
      '--keep-alive', '30', '--graceful-timeout', '1', '--log-level', 'warning', '--worker-tmp-dir', dir, 'httpbin:app',
    ], () => answers(port, '/get'), { cwd: dir, signal: 'SIGTERM' });
  } else {
    server = 'flask';
    proc = await startProcess('httpbin', SYSTEM_PYTHON, ['-m', 'httpbin.core', '--host', HOST, '--port', String(port)], () => answers(port, '/get'), {
      cwd: dir,
      signal: 'SIGTERM',
    });
  }
  return {
    url: `http://${HOST}:${port}`,
    port,
    server,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
