/**
 * Module resolution hooks installed by `ohos-net-http/register` (they run on Node's loader thread).
 * A device name is resolved as this package's own entry point, from inside the package, so Node
 * picks the `import` or `require` file by the conditions of the request at hand.
 */
import { aliasOf } from './register-aliases.js';

interface ResolveContext {
  conditions?: readonly string[];
  parentURL?: string | undefined;
}
interface ResolveResult {
  url: string;
  shortCircuit?: boolean;
  format?: string | null;
}
type NextResolve = (specifier: string, context: ResolveContext) => ResolveResult | Promise<ResolveResult>;

export function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): ResolveResult | Promise<ResolveResult> {
  const target = aliasOf(specifier);
  if (target === undefined) return nextResolve(specifier, context);
  return nextResolve(target, { ...context, parentURL: import.meta.url });
}
