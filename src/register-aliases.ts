/**
 * Device module names and the entry point of this package each one stands for. The loader hook
 * (`import`) and the `require` hook both read this table: adding a device module is one line here
 * (plus its entry point in package.json `exports`).
 */
export const ALIASES: Readonly<Record<string, string>> = {
  '@ohos.net.http': 'ohos-net-http',
  '@kit.NetworkKit': 'ohos-net-http/kit',
  '@ohos.base': 'ohos-net-http/base',
};

/** The entry point a device module name stands for, or `undefined` for any other specifier. */
export function aliasOf(specifier: string): string | undefined {
  return Object.hasOwn(ALIASES, specifier) ? ALIASES[specifier] : undefined;
}
