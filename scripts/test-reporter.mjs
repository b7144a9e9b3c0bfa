// A quiet node:test reporter (`node --test --test-reporter=./scripts/test-reporter.mjs`): one line per test
// file, every failure in full (with what that file printed), and closing lines CI can parse — node's own
// `# tests N`, `# pass N`, `# fail N` … and one `N passed, N failed, N skipped, N todo` line. Tests marked
// `todo` (known differences from the device) stay visible as a count; OHOS_TEST_VERBOSE=1 lists them by name.
import { relative } from 'node:path';
import process from 'node:process';
import { inspect } from 'node:util';

/** @typedef {import('node:test/reporters').TestEvent} TestEvent */
/** @typedef {Error & { failureType?: string, cause?: unknown }} TestFailure */

const verbose = process.env.OHOS_TEST_VERBOSE === '1';
const cwd = process.cwd();
/** @param {string | undefined} file */
const rel = (file) => (file === undefined ? '(unknown file)' : relative(cwd, file));
/** @param {string} text */
const indent = (text) => text.replace(/^/gm, '  ');

/** Node's closing diagnostics (`tests 12`, `pass 11`, …). */
const SUMMARY = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) (\d+(?:\.\d+)?)$/;
const ORDER = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms'];

/** @param {AsyncIterable<TestEvent>} source */
export default async function* quietReporter(source) {
  /** @type {Map<string, string>} what each file printed, shown only if the file has a failure */
  const output = new Map();
  /** @type {Set<string>} */
  const failedFiles = new Set();
  /** @type {string[]} */
  const todos = [];
  /** @type {Map<string, string>} */
  const totals = new Map();
  let failures = 0;

  for await (const event of source) {
    if (event.type === 'test:stdout' || event.type === 'test:stderr') {
      const file = event.data.file;
      output.set(file, (output.get(file) ?? '') + event.data.message);
    } else if (event.type === 'test:fail') {
      const data = event.data;
      if (data.todo !== undefined && data.todo !== false) {
        todos.push(`${rel(data.file)}: ${data.name}${typeof data.todo === 'string' ? ` # TODO ${data.todo}` : ''}`);
        continue;
      }
      /** @type {TestFailure} */
      const error = data.details.error;
      // A suite or file whose subtests failed adds nothing: the subtests themselves are printed.
      if (error.failureType === 'subtestsFailed') continue;
      failures++;
      failedFiles.add(data.file ?? '');
      // Cancelled because a hook or the parent failed: that failure is printed in full.
      if (error.failureType === 'cancelledByParent') {
        yield `✖ cancelled ${data.name} (${rel(data.file)})\n`;
        continue;
      }
      const where = data.line === undefined ? rel(data.file) : `${rel(data.file)}:${String(data.line)}:${String(data.column)}`;
      const shown = error.failureType === 'testCodeFailure' && error.cause !== undefined ? error.cause : error;
      yield `\n✖ FAIL ${data.name}\n  at ${where}\n${indent(inspect(shown, { depth: 6, colors: false }))}\n`;
    } else if (event.type === 'test:complete') {
      // In process isolation each file is one test at nesting 0, named by its path.
      const data = event.data;
      if (data.nesting === 0 && data.name === data.file) {
        const ok = data.details.passed;
        yield `${ok ? 'ok  ' : 'FAIL'} ${rel(data.file)}\n`;
        if (!ok) failedFiles.add(data.file);
      }
    } else if (event.type === 'test:diagnostic' && event.data.nesting === 0) {
      const m = SUMMARY.exec(event.data.message);
      if (m !== null) totals.set(m[1] ?? '', m[2] ?? '');
      else yield `# ${event.data.message}\n`;
    }
  }

  for (const file of failedFiles) {
    const printed = output.get(file);
    if (printed !== undefined && printed.trim() !== '') yield `\n--- output of ${rel(file)} ---\n${printed.trimEnd()}\n`;
  }
  if (verbose && todos.length > 0) yield `\nknown differences (todo):\n${todos.map((t) => `  ${t}`).join('\n')}\n`;
  if (failures > 0 && !totals.has('fail')) totals.set('fail', String(failures));
  yield '\n';
  for (const key of ORDER) {
    const value = totals.get(key);
    if (value !== undefined) yield `# ${key} ${value}\n`;
  }
  /** @param {string} key */
  const n = (key) => Number(totals.get(key) ?? 0);
  yield `${String(n('pass'))} passed, ${String(n('fail') + n('cancelled'))} failed, ${String(n('skipped'))} skipped, ${String(n('todo'))} todo (known differences from the device)\n`;
}
