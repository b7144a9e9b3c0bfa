/**
 * Registration: describe/it/xdescribe/xit and the hooks build the suite tree as hypium's
 * SuiteService/SpecService do (src/service.js). Suites and cases are filtered here, at registration,
 * as in hypium; the run starts after the entry function has registered everything.
 */
import { DEFAULT_TIMEOUT } from './constants.js';
import { EMPTY_CONFIG, type HypiumConfig } from './config.js';
import { FilterState } from './filter.js';
import { wrapFunction } from './run-function.js';
import { Spec, Suite, type UserFunction } from './tree.js';

export class Registry {
  root = new Suite('', undefined);
  filter = new FilterState(EMPTY_CONFIG);
  #current: Suite = this.root;
  #stack: Suite[] = [this.root];
  /** Source file being loaded, recorded on the suites it registers. */
  currentFile: string | undefined;
  /** Case being run, for expect() (hypium's currentRunningSpec); undefined in beforeAll/afterAll. */
  runningSpec: Spec | undefined;
  /** Suite being run, whose hookError takes assertions that fail outside a case. */
  runningSuite: Suite | undefined;
  /** Messages hypium prints while registering (filtered suites, loop nesting). */
  readonly notices: string[] = [];

  reset(config: HypiumConfig): void {
    this.root = new Suite('', undefined);
    this.filter = new FilterState(config);
    this.#current = this.root;
    this.#stack = [this.root];
    this.runningSpec = undefined;
    this.runningSuite = undefined;
    this.notices.length = 0;
  }

  get config(): HypiumConfig {
    return this.filter.config;
  }

  get timeout(): number {
    return this.config.timeout ?? DEFAULT_TIMEOUT;
  }

  describe(desc: string, fn: () => unknown): void {
    if (this.#stack.some((suite) => suite.description === desc)) {
      this.notices.push(`Loop nesting occurs : ${desc}`);
      return;
    }
    if (this.filter.dropSuite(desc, this.#current === this.root)) return;
    const suite = new Suite(desc, this.#current);
    suite.file = this.currentFile;
    this.#current.childSuites.push(suite);
    const parent = this.#current;
    this.#current = suite;
    this.#stack.push(suite);
    try {
      const result = fn.call(undefined);
      if (result instanceof Promise) suite.isPromiseError = true;
    } finally {
      this.#stack.pop();
      this.#current = parent;
    }
  }

  it(desc: string, flags: number, fn: UserFunction, timeout?: number): void {
    const suite = this.#current;
    if (this.filter.dropCase(suite.path, suite.description, desc, flags)) return;
    // A per-case timeout counts only when it is a positive finite number.
    const ms = timeout !== undefined && Number.isFinite(timeout) && timeout > 0 ? timeout : this.timeout;
    suite.specs.push(new Spec(desc, flags, wrapFunction(fn, ms), suite));
  }

  xdescribe(desc: string, reason: string | null): void {
    this.notices.push(reason === null ? `skip suite: ${desc}` : `skip suite: ${desc}, and the reason is ${reason}`);
  }

  xit(desc: string, reason: string | null): void {
    this.notices.push(reason === null ? `skip spec: ${desc}` : `skip spec: ${desc}, and the reason is ${reason}`);
  }

  hook(kind: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach' | 'beforeEachIt' | 'afterEachIt', fn: UserFunction): void {
    this.#current[kind].push(wrapFunction(fn, this.timeout));
  }

  hookSpecified(kind: 'beforeItSpecified' | 'afterItSpecified', names: string | readonly string[], fn: UserFunction): void {
    this.#current[kind].set(names, wrapFunction(fn, this.timeout));
  }
}

/** The one registry per process: `@ohos/hypium` as imported by test files and the runner share it. */
export const registry = new Registry();
