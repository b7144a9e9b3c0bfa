/**
 * Device module names and the entry point of this package each one stands for. The loader hook
 * (`import`) and the `require` hook both read this table: adding a device module is one line here
 * (plus its entry point in package.json `exports`). The kit's modules that have no Node.js counterpart
 * resolve to `ohos-net-http/device/<name>`, a view of the kit's member of that name that links and
 * throws code 801 on use (the list of views is in scripts/build.mjs).
 */
export const ALIASES: Readonly<Record<string, string>> = {
  '@ohos.net.http': 'ohos-net-http',
  '@kit.NetworkKit': 'ohos-net-http/kit',
  '@ohos.base': 'ohos-net-http/base',
  '@ohos.net.connection': 'ohos-net-http/connection',
  '@ohos.net.ethernet': 'ohos-net-http/device/ethernet',
  '@ohos.net.mdns': 'ohos-net-http/device/mdns',
  '@ohos.net.policy': 'ohos-net-http/device/policy',
  '@ohos.net.sharing': 'ohos-net-http/device/sharing',
  '@ohos.net.webSocket': 'ohos-net-http/device/webSocket',
  '@ohos.net.socket': 'ohos-net-http/device/socket',
  '@ohos.net.statistics': 'ohos-net-http/device/statistics',
  '@ohos.net.vpn': 'ohos-net-http/device/vpn',
  '@ohos.net.vpnExtension': 'ohos-net-http/device/vpnExtension',
  '@ohos.net.networkSecurity': 'ohos-net-http/device/networkSecurity',
  '@ohos.net.eap': 'ohos-net-http/device/eap',
  '@ohos.net.netFirewall': 'ohos-net-http/device/netFirewall',
  '@ohos.app.ability.VpnExtensionAbility': 'ohos-net-http/device/VpnExtensionAbility',
};

/** The entry point a device module name stands for, or `undefined` for any other specifier. */
export function aliasOf(specifier: string): string | undefined {
  return Object.hasOwn(ALIASES, specifier) ? ALIASES[specifier] : undefined;
}
