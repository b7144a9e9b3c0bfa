/**
 * The result lines a device run prints for tools that parse them (hypium: src/module/report/OhReport.js):
 * OHOS_REPORT_SUM / OHOS_REPORT_STATUS / OHOS_REPORT_STATUS_CODE per suite and case
 * (status code 1 start, 0 pass, -1 error, -2 fail, -3 ignored), then OHOS_REPORT_RESULT and
 * OHOS_REPORT_CODE (-1 when a case failed, else 0).
 */
import type { RunListener } from '../hypium/execute.js';
import type { Spec, Suite } from '../hypium/tree.js';
import type { Summary } from './results.js';

const MAX_MESSAGE_LENGTH = 9000;

export class OhosReporter implements RunListener {
  readonly #write: (text: string) => void;
  readonly #total: number;
  #index = 0;

  constructor(write: (text: string) => void, total: number) {
    this.#write = write;
    this.#total = total;
  }

  suiteStart(suite: Suite): void {
    let message = `\nOHOS_REPORT_SUM: ${suite.allSpecs().length}\nOHOS_REPORT_STATUS: class=${suite.path}\n`;
    if (suite.isSkip) message += `OHOS_REPORT_STATUS: skipReason=${suite.skipReason}\n`;
    this.#write(message);
  }

  suiteDone(suite: Suite): void {
    let message = `\nOHOS_REPORT_STATUS: class=${suite.path}`;
    if (suite.isPromiseError) message += '\nOHOS_REPORT_STATUS: shortMsg=Promise(async, await) in describe is not allowed!';
    message += `\nOHOS_REPORT_STATUS: suiteconsuming=${suite.duration}`;
    if (suite.hookError !== undefined) message += `\nOHOS_REPORT_STATUS: ${suite.hookError instanceof Error ? suite.hookError.message : String(suite.hookError)}`;
    this.#write(`${message}\n`);
  }

  #head(spec: Spec): string {
    return `\nOHOS_REPORT_STATUS: class=${spec.suite.path}\nOHOS_REPORT_STATUS: current=${this.#index}\nOHOS_REPORT_STATUS: id=JS\nOHOS_REPORT_STATUS: numtests=${this.#total}`;
  }

  specStart(spec: Spec): void {
    this.#index++;
    this.#write(`${this.#head(spec)}\nOHOS_REPORT_STATUS: stream=\nOHOS_REPORT_STATUS: test=${spec.description}\nOHOS_REPORT_STATUS_CODE: 1\n`);
  }

  specDone(spec: Spec): void {
    const verdict = spec.verdict;
    let body: string;
    if (verdict === 'error' || verdict === 'fail') {
      const cause = (verdict === 'error' ? spec.error : spec.fail) as { stack?: string; message?: string } | undefined;
      const text = String(cause?.message ?? cause).slice(0, MAX_MESSAGE_LENGTH);
      const stream = spec.expectMsg === '' ? `Error in ${spec.description}, ${text}` : `message: ${spec.expectMsg}, Error in ${spec.description}, ${text}`;
      body =
        `OHOS_REPORT_STATUS: stack=${String(cause?.stack ?? '')}\n` +
        `\nOHOS_REPORT_STATUS: stream=${stream}\nOHOS_REPORT_STATUS: test=${spec.description}\nOHOS_REPORT_STATUS_CODE: ${verdict === 'error' ? -1 : -2}\n`;
    } else if (verdict === 'ignore') {
      body = `OHOS_REPORT_STATUS: stream=\n\nOHOS_REPORT_STATUS: test=${spec.description}\nOHOS_REPORT_STATUS_CODE: -3\nOHOS_REPORT_STATUS: skipReason=${spec.skipReason}\n`;
    } else {
      body = `OHOS_REPORT_STATUS: stream=\n\nOHOS_REPORT_STATUS: test=${spec.description}\nOHOS_REPORT_STATUS_CODE: 0\n`;
    }
    this.#write(`${this.#head(spec)}\n\n${body}OHOS_REPORT_STATUS: consuming=${spec.duration}\n`);
  }

  finish(summary: Summary): void {
    this.#write(
      `\nOHOS_REPORT_RESULT: stream=Tests run: ${summary.total}, Failure: ${summary.failure}, Error: ${summary.error}, ` +
        `Pass: ${summary.pass}, Ignore: ${summary.ignore}\nOHOS_REPORT_CODE: ${summary.failure > 0 ? -1 : 0}\n` +
        `OHOS_REPORT_STATUS: taskconsuming=${summary.durationMs}\n`,
    );
  }
}
