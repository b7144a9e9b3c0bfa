// Runs the shipped ohos-http command and the system curl the same way (stdin, environment), for the CLI tests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './fixtures.js';

/** The shipped command: whatever package.json's bin points at. */
export const BIN = join(repoRoot, (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['ohos-http'] ?? '');

export interface Run {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to the command's stdin (which is closed either way). */
  readonly input?: Buffer | string;
  /** Added to a copy of the environment that has no proxy variables. */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

const PROXY_ENV = /^(?:https?_proxy|all_proxy|no_proxy|ftp_proxy|curl_home|curl_ca_bundle|ssl_cert_file|ssl_cert_dir)$/i;

function env(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!PROXY_ENV.test(k)) e[k] = v;
  return { ...e, ...extra };
}

function run(file: string, args: readonly string[], opts: RunOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env: env(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${file} ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 20_000} ms`));
    }, opts.timeoutMs ?? 20_000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => {
      /* a command that never reads stdin may close it first */
    });
    child.stdin.end(opts.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() });
    });
  });
}

/** `node <bin> ...args` */
export function ohosHttp(args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return run(process.execPath, [BIN, ...args], opts);
}

/** `curl -q ...args` (never reads ~/.curlrc). */
export function curl(args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return run('curl', ['-q', ...args], opts);
}
