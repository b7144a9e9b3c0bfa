/** Module resolution hooks installed by `ohos-net-http/register` (they run on Node's loader thread). */
const ALIASES: Readonly<Record<string, string>> = {
  '@ohos.net.http': new URL('./index.js', import.meta.url).href,
  '@kit.NetworkKit': new URL('./kit.js', import.meta.url).href,
  '@ohos.base': new URL('./base.js', import.meta.url).href,
};

interface ResolveResult {
  url: string;
  shortCircuit?: boolean;
  format?: string | null;
}
type NextResolve = (specifier: string, context: unknown) => ResolveResult | Promise<ResolveResult>;

export function resolve(specifier: string, context: unknown, nextResolve: NextResolve): ResolveResult | Promise<ResolveResult> {
  const url = ALIASES[specifier];
  if (url !== undefined) return { url, shortCircuit: true, format: 'module' };
  return nextResolve(specifier, context);
}
