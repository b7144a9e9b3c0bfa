/**
 * One run, as hypium's hypiumTest does it: set the parameters, let the entry files register their
 * suites (calling a default-exported function such as List.test.ets' `testsuite`), run, report.
 */
import { Console } from 'node:console';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Args } from './args.js';
import { parseConfig } from './hypium/config.js';
import { Execution, type RunListener } from './hypium/execute.js';
import { registry } from './hypium/registry.js';
import { AssertException, type Suite } from './hypium/tree.js';
import { entryFiles } from './entries.js';
import { installLoader } from './loader/register.js';
import { junitXml } from './report/junit.js';
import { OhosReporter } from './report/ohos-report.js';
import { summarize } from './report/results.js';
import { SpecReporter } from './report/spec-reporter.js';

export type Write = (text: string) => void;

/** A file that cannot load (syntax, off-device ArkTS, a module not available on Node.js). */
export class LoadError extends Error {}

async function register(files: readonly string[]): Promise<void> {
  for (const file of files) {
    registry.currentFile = file;
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (typeof mod.default === 'function') (mod.default as () => void)();
    } catch (error) {
      throw new LoadError(error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      registry.currentFile = undefined;
    }
  }
}

function dryRunListing(root: Suite): string {
  const suites: Record<string, { itName: string }[]>[] = [];
  const walk = (suite: Suite): void => {
    for (const child of suite.childSuites) {
      suites.push({ [child.path]: child.specs.map((spec) => ({ itName: spec.description })) });
      walk(child);
    }
  };
  walk(root);
  return `${JSON.stringify({ suites })}\n`;
}

/**
 * Exceptions thrown in callbacks must not end the process. A failed assertion has already been
 * recorded on its case; anything else counts against the running case, or, between cases, fails the run.
 */
function guardStrayErrors(err: Write, outside: unknown[]): () => void {
  const onError = (error: unknown): void => {
    if (error instanceof AssertException) return;
    const spec = registry.runningSpec;
    if (spec !== undefined) {
      spec.error ??= error;
      return;
    }
    outside.push(error);
    err(`ohos-test: uncaught outside a case: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}

/** Runs and reports; resolves with the exit code. */
export async function run(args: Args, out: Write, err: Write): Promise<number> {
  const { config, invalid, unsupported } = parseConfig(args.params);
  if (invalid.length > 0) {
    err(`this param ${invalid.join(',')} is invalid\n`);
    return 2;
  }
  if (unsupported.length > 0) {
    err(`ohos-test does not support the hypium parameter ${unsupported.join(', ')}\n`);
    return 2;
  }
  registry.reset(config);
  const files = entryFiles(args.entries);
  await installLoader(process.env.OHOS_TEST_TRANSPILER);
  await register(files);
  if (config.dryRun) {
    out(dryRunListing(registry.root));
    return 0;
  }
  const junit = args.reporter === 'junit';
  // JUnit XML on stdout must stay parseable: what the suites print (console, hilog) goes to stderr then.
  if (junit && args.output === undefined) globalThis.console = new Console(process.stderr, process.stderr);
  // stdout belongs to a machine-read format when one is asked for; the readable report then goes to stderr.
  const spec = new SpecReporter((junit && args.output === undefined) || args.ohosReport ? err : out);
  const listeners: RunListener[] = [spec];
  const ohos = args.ohosReport ? new OhosReporter(out, registry.root.allSpecs().length) : undefined;
  if (ohos !== undefined) listeners.push(ohos);
  const listener: RunListener = {
    suiteStart: (s) => { listeners.forEach((l) => l.suiteStart?.(s)); },
    suiteDone: (s) => { listeners.forEach((l) => l.suiteDone?.(s)); },
    specStart: (s) => { listeners.forEach((l) => l.specStart?.(s)); },
    specDone: (s) => { listeners.forEach((l) => l.specDone?.(s)); },
  };
  const outside: unknown[] = [];
  const unguard = guardStrayErrors(err, outside);
  const start = performance.now();
  try {
    await new Execution(listener, config.breakOnError).run(registry.root);
  } finally {
    unguard();
  }
  const summary = summarize(registry.root, Math.round(performance.now() - start));
  spec.finish(registry.root, summary);
  ohos?.finish(summary);
  if (junit) {
    const xml = junitXml(registry.root, summary);
    if (args.output === undefined) out(xml);
    else writeFileSync(args.output, xml);
  }
  return summary.failure + summary.error + summary.hookErrors.length + outside.length > 0 ? 1 : 0;
}
