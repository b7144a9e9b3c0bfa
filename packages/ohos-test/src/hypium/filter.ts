/**
 * Which suites and cases a run keeps (hypium: src/module/config/Filter.js and the filter calls in
 * SuiteService.describe / SpecService.it, src/service.js). The rules are hypium's, quirks included:
 * a flag filter keeps a case only if the case has *every* bit asked for, and a case with filter 0
 * always runs.
 */
import type { HypiumConfig } from './config.js';

function list(value: string | undefined): string[] | undefined {
  return value === undefined || value === '' ? undefined : value.split(',');
}

/** hypium's TestTypesFilter: true = filtered out. */
function flagsFilterOut(caseFlags: number, wanted: number): boolean {
  return !(wanted === (caseFlags & wanted) || caseFlags === 0);
}

/** State kept while suites register: `-s class` targets, and whether the run is a full run. */
export class FilterState {
  readonly config: HypiumConfig;
  readonly targetSuites: string[] = [];
  readonly targetSpecs: string[] = [];
  fullRun = false;

  constructor(config: HypiumConfig) {
    this.config = config;
  }

  /** analyzeConfigServiceClass: true when `-s class` is given and does not name this suite. */
  #classMisses(desc: string): boolean {
    const classes = list(this.config.class)?.map((item) => item.trim()).filter((item) => item !== '');
    if (classes === undefined) {
      this.fullRun = true;
      return false;
    }
    if (this.targetSuites.length === 0) {
      for (const target of classes) (target.includes('#') ? this.targetSpecs : this.targetSuites).push(target);
    }
    return !classes.includes(desc);
  }

  /** configService.filterSuite: suite/class/notClass filters of a suite name. */
  #suiteFilteredByName(desc: string): boolean {
    const suites = list(this.config.suite);
    const classes = list(this.config.class);
    const notClasses = list(this.config.notClass);
    return (
      (suites !== undefined && !suites.includes(desc)) ||
      (classes !== undefined && !classes.map((item) => item.split('#')[0]).includes(desc)) ||
      (notClasses?.includes(desc) ?? false)
    );
  }

  /** Whether describe(desc) at this nesting is dropped. Only top-level suites are dropped by name. */
  dropSuite(desc: string, atTopLevel: boolean): boolean {
    const classMisses = this.#classMisses(desc);
    return atTopLevel && this.#suiteFilteredByName(desc) && classMisses;
  }

  /** Whether it(desc, flags) inside the suite path `outer.inner` (innermost name `suiteName`) is dropped. */
  dropCase(suitePath: string, suiteName: string, desc: string, flags: number): boolean {
    const specName = `${suitePath}#${desc}`;
    const outsideTargets = !this.targetSpecs.includes(specName) && !this.targetSuites.some((target) => suitePath.startsWith(target));
    // filterWithNest
    if (this.config.filter !== 0 && flags !== 0) {
      if (flagsFilterOut(flags, this.config.filter)) return true;
    } else if (outsideTargets && !this.fullRun) {
      return true;
    } else {
      const notClasses = list(this.config.notClass);
      if (notClasses !== undefined && (notClasses.includes(specName) || notClasses.some((key) => specName.startsWith(key)))) return true;
    }
    // filterDesc, which applies only to runs narrowed by `-s class`
    if (!outsideTargets || this.fullRun) return false;
    const itNames = list(this.config.itName);
    const classes = list(this.config.class);
    const notClasses = list(this.config.notClass);
    const byItName = itNames !== undefined && !itNames.includes(desc);
    const byClass =
      classes !== undefined &&
      !(classes.filter((item) => !item.includes('#')).includes(suiteName) || classes.filter((item) => item.includes('#')).includes(`${suiteName}#${desc}`));
    const byNotClass = notClasses?.includes(`${suiteName}#${desc}`) ?? false;
    const byFlags = this.config.filter !== 0 && flags !== 0 && flagsFilterOut(flags, this.config.filter);
    return byItName || byClass || byNotClass || byFlags;
  }
}
