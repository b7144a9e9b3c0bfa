// Runs suites registered by a plain function through the same registry and execution the CLI uses.
import { parseConfig } from '../../src/hypium/config.js';
import { Execution } from '../../src/hypium/execute.js';
import { registry } from '../../src/hypium/registry.js';
import type { Suite } from '../../src/hypium/tree.js';

export async function runSuites(params: Record<string, string>, register: () => void): Promise<Suite> {
  const { config } = parseConfig(params);
  registry.reset(config);
  register();
  await new Execution({}, config.breakOnError).run(registry.root);
  return registry.root;
}

/** `Suite.path#case` → verdict, for every registered case. */
export function verdicts(root: Suite): Record<string, string> {
  return Object.fromEntries(root.allSpecs().map((spec) => [`${spec.suite.path}#${spec.description}`, spec.verdict]));
}

export function failureMessage(root: Suite, name: string): string {
  const spec = root.allSpecs().find((s) => `${s.suite.path}#${s.description}` === name);
  const cause = (spec?.error ?? spec?.fail) as Error | undefined;
  return cause?.message ?? '';
}
