#!/usr/bin/env node
/** The `ohos-test` command. */
import { parseArgs, USAGE, UsageError } from './args.js';
import { LoadError, run } from './run.js';

const out = (text: string): void => {
  process.stdout.write(text);
};
const err = (text: string): void => {
  process.stderr.write(text);
};

let code: number;
try {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    out(USAGE);
    code = 0;
  } else {
    code = await run(args, out, err);
  }
} catch (error) {
  if (error instanceof UsageError) err(`ohos-test: ${error.message}\n\n${USAGE}`);
  else if (error instanceof LoadError) err(`ohos-test: ${error.message}\n`);
  else err(`ohos-test: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  code = 2;
}
// Cases that timed out may leave requests or timers behind; the verdicts are final, so end here.
process.exit(code);
