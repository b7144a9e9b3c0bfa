/**
 * Command line: `ohos-test [options] <List.test.ets | directory | file>...`, with hypium's run
 * parameters written as on the device (`-s class NetTest`, `-s level 0`, `-s timeout 10000`).
 */
export interface Args {
  entries: string[];
  /** hypium parameters without the `-s `. */
  params: Record<string, string>;
  reporter: 'spec' | 'junit';
  output: string | undefined;
  ohosReport: boolean;
  help: boolean;
}

export const USAGE = `Usage: ohos-test [options] <List.test.ets | directory | file.test.ets>...

Runs hypium test suites (.ets / .ts) on Node.js; @ohos.net.http is ohos-net-http.

Options:
  -s <key> <value>    a hypium run parameter, as on the device: class, notClass, suite, itName,
                      level, size, testType, timeout, breakOnError, dryRun
  --reporter <name>   spec (default) or junit (JUnit XML)
  --output <file>     write the JUnit XML to <file> instead of stdout
  --ohos-report       print the device's OHOS_REPORT_... result lines (the readable report goes to stderr)
  -h, --help          this text

A directory runs its List.test.ets (or List.test.ts); without one, every *.test.ets / *.test.ts in it.
Exit code: 0 all passed, 1 a case failed or errored, 2 bad usage, an invalid parameter or a file that cannot load.
`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { entries: [], params: {}, reporter: 'spec', output: undefined, ohosReport: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '-s') {
      const key = value();
      args.params[key] = value();
    } else if (arg.startsWith('-s ')) {
      // `"-s class" NetTest`: the key and flag arrived as one word, as in aa test's parameter map.
      args.params[arg.slice(3)] = value();
    } else if (arg === '--reporter') {
      const name = value();
      if (name !== 'spec' && name !== 'junit') throw new UsageError(`unknown reporter ${name} (spec, junit)`);
      args.reporter = name;
    } else if (arg === '--output') {
      args.output = value();
    } else if (arg === '--ohos-report') {
      args.ohosReport = true;
    } else if (arg === '-h' || arg === '--help') {
      args.help = true;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      args.entries.push(arg);
    }
  }
  if (!args.help && args.entries.length === 0) throw new UsageError('no test file or directory given');
  return args;
}
