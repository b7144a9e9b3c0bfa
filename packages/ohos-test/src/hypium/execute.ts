/**
 * Runs the registered tree as hypium's asynchronous run does (src/service.js, Suite.asyncRun,
 * asyncRunSpecs, asyncRunChildSuites, runAsyncHookFunc, setSuiteResults):
 * - per case: beforeItSpecified, beforeEachIt, beforeEach, the body, afterItSpecified, afterEach,
 *   afterEachIt — all in one try, so a failing body skips the after-hooks of that case;
 * - beforeEach/afterEach belong to their suite only; beforeEachIt/afterEachIt also wrap the cases of
 *   nested suites (outer ones first before, last after);
 * - a failing beforeAll marks every case of the suite and its nested suites with that error (a fail
 *   if it was an assertion) and skips them; afterAll still runs;
 * - a hook's error gets `, error in <hook> function` appended to its message;
 * - with `-s breakOnError true` the first case that throws stops the run.
 */
import { registry } from './registry.js';
import { AssertException, SkipError, type Runnable, type Spec, type Suite } from './tree.js';

export interface RunListener {
  suiteStart?(suite: Suite): void;
  suiteDone?(suite: Suite): void;
  specStart?(spec: Spec): void;
  specDone?(spec: Spec): void;
}

type HookName = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach' | 'beforeEachIt' | 'afterEachIt';

async function runHooks(suite: Suite, name: HookName): Promise<void> {
  for (const hook of suite[name]) {
    try {
      await hook();
    } catch (error) {
      if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') {
        (error as Error).message += `, error in ${name} function`;
      }
      throw error;
    }
  }
}

/** hypium looks only at the first registered beforeItSpecified/afterItSpecified entry of a suite. */
async function runSpecified(hooks: Map<string | readonly string[], Runnable>, spec: Spec): Promise<void> {
  for (const [names, hook] of hooks) {
    if ((typeof names === 'string' && names === spec.description) || (Array.isArray(names) && names.includes(spec.description))) {
      await hook();
    }
    break;
  }
}

function assign(spec: Spec, error: unknown): void {
  if (error instanceof AssertException) spec.fail = error;
  else if (error instanceof SkipError) {
    spec.isSkip = true;
    spec.skipReason = error.message;
  } else spec.error = error ?? new Error(String(error));
}

export class Execution {
  readonly #listener: RunListener;
  readonly #breakOnError: boolean;
  /** hypium's specService status: some case (or hook) threw. */
  hasError = false;

  constructor(listener: RunListener, breakOnError: boolean) {
    this.#listener = listener;
    this.#breakOnError = breakOnError;
  }

  #stopped(): boolean {
    return this.#breakOnError && this.hasError;
  }

  async #runSpec(suite: Suite, spec: Spec): Promise<void> {
    registry.runningSpec = spec;
    spec.executed = true;
    this.#listener.specStart?.(spec);
    const start = performance.now();
    try {
      await runSpecified(suite.beforeItSpecified, spec);
      await runHooks(suite, 'beforeEachIt');
      await runHooks(suite, 'beforeEach');
      await spec.run();
      await runSpecified(suite.afterItSpecified, spec);
      await runHooks(suite, 'afterEach');
      await runHooks(suite, 'afterEachIt');
    } catch (error) {
      assign(spec, error);
      this.hasError = true;
    }
    spec.duration = Math.round(performance.now() - start);
    suite.duration += spec.duration;
    this.#listener.specDone?.(spec);
    registry.runningSpec = undefined;
  }

  /** setSuiteResults: every case below a suite whose beforeAll failed gets that error. */
  #markAll(suite: Suite, error: unknown): void {
    for (const spec of suite.specs) {
      spec.executed = true;
      this.#listener.specStart?.(spec);
      if (error instanceof AssertException) spec.fail = error;
      else spec.error = error;
      this.#listener.specDone?.(spec);
    }
    for (const child of suite.childSuites) this.#markAll(child, error);
  }

  async run(suite: Suite): Promise<void> {
    registry.runningSuite = suite;
    const named = suite.description !== '';
    if (named) this.#listener.suiteStart?.(suite);
    try {
      await runHooks(suite, 'beforeAll');
    } catch (error) {
      suite.hookError = error;
    }
    if (suite.hookError !== undefined) {
      this.hasError = true;
      this.#markAll(suite, suite.hookError);
    } else {
      for (const spec of suite.specs) {
        if (this.#stopped()) break;
        await this.#runSpec(suite, spec);
      }
      for (const child of suite.childSuites) {
        child.beforeEachIt = [...suite.beforeEachIt, ...child.beforeEachIt];
        child.afterEachIt = [...child.afterEachIt, ...suite.afterEachIt];
        if (this.#stopped()) break;
        await this.#run(child);
      }
    }
    registry.runningSuite = suite;
    try {
      await runHooks(suite, 'afterAll');
    } catch (error) {
      suite.hookError = error;
      this.hasError = true;
    }
    if (named) this.#listener.suiteDone?.(suite);
  }

  #run(suite: Suite): Promise<void> {
    return this.run(suite);
  }
}
