/** Module resolution hooks installed by `ohos-net-http/register` (they run on Node's loader thread). */
const ALIASES: Readonly<Record<string, string>> = {
  '@ohos.net.http': new URL('./index.js', import.meta.url).href,
  '@kit.NetworkKit': new URL('./kit.js', import.meta.url).href,
  '@ohos.base': new URL('./base.js', import.meta.url).href,
  '@ohos.net.connection': new URL('./connection.js', import.meta.url).href,
  '@ohos.net.ethernet': new URL('./unavailable-module.js?name=ethernet', import.meta.url).href,
  '@ohos.net.mdns': new URL('./unavailable-module.js?name=mdns', import.meta.url).href,
  '@ohos.net.policy': new URL('./unavailable-module.js?name=policy', import.meta.url).href,
  '@ohos.net.sharing': new URL('./unavailable-module.js?name=sharing', import.meta.url).href,
  '@ohos.net.webSocket': new URL('./unavailable-module.js?name=webSocket', import.meta.url).href,
  '@ohos.net.socket': new URL('./unavailable-module.js?name=socket', import.meta.url).href,
  '@ohos.net.statistics': new URL('./unavailable-module.js?name=statistics', import.meta.url).href,
  '@ohos.net.vpn': new URL('./unavailable-module.js?name=vpn', import.meta.url).href,
  '@ohos.net.vpnExtension': new URL('./unavailable-module.js?name=vpnExtension', import.meta.url).href,
  '@ohos.net.networkSecurity': new URL('./unavailable-module.js?name=networkSecurity', import.meta.url).href,
  '@ohos.net.eap': new URL('./unavailable-module.js?name=eap', import.meta.url).href,
  '@ohos.net.netFirewall': new URL('./unavailable-module.js?name=netFirewall', import.meta.url).href,
  '@ohos.app.ability.VpnExtensionAbility': new URL('./vpn-extension-ability.js', import.meta.url).href,
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
