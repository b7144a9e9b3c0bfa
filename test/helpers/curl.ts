// The reference oracle: the system curl (libcurl is what the device uses). Never reads ~/.curlrc (-q first),
// never inherits proxy settings from the environment (tests pass -x/--proxy explicitly when they want one).
import { execFile } from 'node:child_process';

export interface CurlOptions {
  /** Kill curl after this long (the promise then rejects). Default 20000. Use curl's own `-m` for expected timeouts. */
  timeoutMs?: number;
}

export interface CurlResult {
  /** curl's exit code: 0 on success, otherwise a CURLcode (libcurl error number). */
  exitCode: number;
  /** What curl wrote to stdout (the body goes to /dev/null; `-w` output lands here). */
  stdout: string;
  stderr: string;
}

const PROXY_ENV = /^(?:https?_proxy|all_proxy|no_proxy|ftp_proxy)$/i;

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!PROXY_ENV.test(k) && k !== 'CURL_HOME' && k !== 'CURL_CA_BUNDLE' && k !== 'SSL_CERT_FILE' && k !== 'SSL_CERT_DIR') env[k] = v;
  }
  return env;
}

function run(args: readonly string[], opts: CurlOptions): Promise<CurlResult> {
  const timeout = opts.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    execFile('curl', [...args], { timeout, env: cleanEnv(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err === null) {
        resolve({ exitCode: 0, stdout, stderr });
      } else if (typeof err.code === 'number') {
        resolve({ exitCode: err.code, stdout, stderr });
      } else if (err.killed) {
        reject(new Error(`curl ${args.join(' ')} did not finish within ${timeout} ms`, { cause: err }));
      } else {
        reject(new Error(`curl could not run: ${err.message}`, { cause: err }));
      }
    });
  });
}

/** Runs `curl -q -s -o /dev/null ...args`; resolves with exit code, stdout (e.g. `-w` output) and stderr. */
export function curlRun(args: readonly string[], opts: CurlOptions = {}): Promise<CurlResult> {
  return run(['-q', '-s', '-o', '/dev/null', ...args], opts);
}

/** Runs `curl -q -s -o /dev/null ...args` and resolves with its exit code (0 on success). */
export async function curlExit(args: readonly string[], opts: CurlOptions = {}): Promise<number> {
  return (await curlRun(args, opts)).exitCode;
}

let version: Promise<string> | undefined;

/** The system curl's version number, e.g. '7.88.1'. */
export function curlVersion(): Promise<string> {
  version ??= run(['-q', '--version'], {}).then(({ exitCode, stdout }) => {
    const m = /^curl (\S+)/.exec(stdout);
    if (exitCode !== 0 || m?.[1] === undefined) throw new Error(`unexpected curl --version output: ${stdout}`);
    return m[1];
  });
  return version;
}
