/** The registered suite/case tree (hypium: SuiteService.Suite and SpecService.Spec in src/service.js). */

/** A body or hook as the user wrote it: no argument, `done`, or (done, params) for data-driven cases. */
export type UserFunction = (...args: never[]) => unknown;
/** A body or hook wrapped with its timeout and `done` handling (see run-function.ts). */
export type Runnable = () => Promise<void>;

export class Spec {
  readonly description: string;
  readonly filter: number;
  readonly run: Runnable;
  /** The suite that holds this case. */
  readonly suite: Suite;
  /** A failed assertion; set the moment the assertion fails, even when the test body catches it. */
  fail: AssertException | undefined;
  /** Anything else thrown, a rejected promise, or a timeout. Wins over `fail` in the verdict. */
  error: unknown;
  isSkip = false;
  skipReason = '';
  /** Text given with expect(...).message(msg): prefixes the failure message in the report. */
  expectMsg = '';
  duration = 0;
  executed = false;

  constructor(description: string, filter: number, run: Runnable, suite: Suite) {
    this.description = description;
    this.filter = filter;
    this.run = run;
    this.suite = suite;
  }

  get verdict(): 'pass' | 'fail' | 'error' | 'ignore' {
    if (this.error !== undefined) return 'error';
    if (this.fail !== undefined) return 'fail';
    if (this.isSkip || !this.executed) return 'ignore';
    return 'pass';
  }
}

export class Suite {
  readonly description: string;
  readonly parent: Suite | undefined;
  readonly childSuites: Suite[] = [];
  readonly specs: Spec[] = [];
  readonly beforeAll: Runnable[] = [];
  readonly afterAll: Runnable[] = [];
  readonly beforeEach: Runnable[] = [];
  readonly afterEach: Runnable[] = [];
  /** Unlike beforeEach, these also run around the cases of nested suites. */
  beforeEachIt: Runnable[] = [];
  afterEachIt: Runnable[] = [];
  readonly beforeItSpecified = new Map<string | readonly string[], Runnable>();
  readonly afterItSpecified = new Map<string | readonly string[], Runnable>();
  /** Error of a beforeAll/afterAll hook (or an assertion that failed in one). */
  hookError: unknown = undefined;
  isSkip = false;
  skipReason = '';
  /** describe() got an async function: hypium reports it as not allowed. */
  isPromiseError = false;
  duration = 0;
  /** Source file that registered the suite (for reports). */
  file: string | undefined;

  constructor(description: string, parent: Suite | undefined) {
    this.description = description;
    this.parent = parent;
  }

  /** Dotted path from the root: `outer.inner` (hypium's `class=` value). */
  get path(): string {
    if (this.parent === undefined) return '';
    const above = this.parent.path;
    return above === '' ? this.description : `${above}.${this.description}`;
  }

  /** Every case of this suite and its nested suites. */
  allSpecs(out: Spec[] = []): Spec[] {
    out.push(...this.specs);
    for (const child of this.childSuites) child.allSpecs(out);
    return out;
  }
}

/** A failed expect(): hypium's AssertException (a fail, not an error, in the verdict). */
export class AssertException extends Error {
  /** The matcher, e.g. 'assertEqual'. */
  matcher = '';
  actual: unknown;
  expected: unknown;
  hasExpected = false;

  constructor(message: string) {
    super(message);
    this.name = 'AssertException';
  }
}

/** Thrown by a case to mark itself skipped (hypium's SkipError). */
export class SkipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SkipError';
  }
}
