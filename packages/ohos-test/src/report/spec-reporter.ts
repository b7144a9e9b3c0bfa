/** The readable report: one line per case as it ends, then the failures with file:line and expected/actual, then the totals. */
import type { RunListener } from '../hypium/execute.js';
import type { Spec, Suite } from '../hypium/tree.js';
import { failureLocation } from './location.js';
import { failureOf, fullName, type Summary } from './results.js';

const MARK: Readonly<Record<Spec['verdict'], string>> = { pass: '✓', fail: '✗', error: '✗', ignore: '-' };

export class SpecReporter implements RunListener {
  readonly #write: (text: string) => void;
  #depth = 0;

  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  suiteStart(suite: Suite): void {
    this.#write(`${'  '.repeat(this.#depth)}${suite.description}\n`);
    this.#depth++;
  }

  suiteDone(): void {
    this.#depth--;
  }

  specDone(spec: Spec): void {
    const verdict = spec.verdict;
    const note = verdict === 'error' ? ' [error]' : verdict === 'ignore' ? ` [ignored${spec.skipReason === '' ? '' : `: ${spec.skipReason}`}]` : '';
    this.#write(`${'  '.repeat(this.#depth)}${MARK[verdict]} ${spec.description} (${spec.duration} ms)${note}\n`);
  }

  finish(root: Suite, summary: Summary): void {
    const failed = root.allSpecs().filter((s) => s.verdict === 'fail' || s.verdict === 'error');
    if (failed.length > 0 || summary.hookErrors.length > 0) this.#write('\nFailures:\n');
    failed.forEach((spec, index) => {
      const info = failureOf(spec);
      if (info === undefined) return;
      this.#write(`\n${index + 1}) ${fullName(spec)}${spec.verdict === 'error' ? ' (error)' : ''}\n   ${info.message}\n`);
      if (info.expected !== undefined) this.#write(`   expected: ${info.expected}\n`);
      if (info.actual !== undefined && info.expected !== undefined) this.#write(`   actual:   ${info.actual}\n`);
      if (info.location !== undefined) this.#write(`   at ${info.location}\n`);
      // The error wins the verdict, but an assertion that failed first (say, in a callback) is the likelier cause.
      if (spec.error !== undefined && spec.fail !== undefined) {
        const where = failureLocation(spec.fail);
        this.#write(`   after a failed assertion: ${spec.fail.message}${where === undefined ? '' : ` at ${where}`}\n`);
      }
    });
    for (const suite of summary.hookErrors) {
      const error = suite.hookError;
      this.#write(`\n- suite ${suite.path}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    const seconds = (summary.durationMs / 1000).toFixed(2);
    this.#write(
      `\nsuites ${summary.suites}, cases ${summary.total}: passed ${summary.pass}, failed ${summary.failure}, ` +
        `errors ${summary.error}, ignored ${summary.ignore} (${seconds} s)\n`,
    );
  }
}
