// Facts from the newest @ohos.net.connection and @kit.NetworkKit declarations: what the device offers,
// and which of it this package answers on Node.js (the rest throws code 801).

export interface OfficialFunction {
  name: string;
  /** Answered from this machine's real state (else: throws 801, not available on Node.js). */
  provided: boolean;
}

const PROVIDED = new Set([
  'getDefaultNet', 'getDefaultNetSync', 'hasDefaultNet', 'hasDefaultNetSync', 'getAllNets', 'getAllNetsSync',
  'getNetCapabilities', 'getNetCapabilitiesSync', 'getConnectionProperties', 'getConnectionPropertiesSync',
  'getAddressesByName', 'getAddressesByNameWithOptions', 'getDnsAscii', 'getDnsUnicode',
]);

export const OFFICIAL_CONNECTION_FUNCTIONS: readonly OfficialFunction[] = [
  'createNetConnection', 'getDefaultNet', 'getDefaultNetSync', 'getAllNets', 'getAllNetsSync', 'getConnectionProperties',
  'getConnectionPropertiesSync', 'getNetCapabilities', 'getNetCapabilitiesSync', 'setNetExtAttribute',
  'setNetExtAttributeSync', 'getNetExtAttribute', 'getNetExtAttributeSync', 'isDefaultNetMetered', 'isDefaultNetMeteredSync',
  'hasDefaultNet', 'hasDefaultNetSync', 'enableAirplaneMode', 'disableAirplaneMode', 'reportNetConnected',
  'reportNetDisconnected', 'getAddressesByName', 'getAddressesByNameWithOptions', 'getAppNet', 'getAppNetSync', 'setAppNet',
  'setInterfaceUp', 'getDefaultHttpProxy', 'getGlobalHttpProxy', 'setAppHttpProxy', 'setGlobalHttpProxy',
  'refreshGlobalHttpProxy', 'setPacUrl', 'getPacUrl', 'setPacFileUrl', 'getPacFileUrl', 'findProxyForUrl', 'setProxyMode',
  'getProxyMode', 'addCustomDnsRule', 'removeCustomDnsRule', 'clearCustomDnsRules', 'factoryReset', 'getConnectOwnerUid',
  'getConnectOwnerUidSync', 'createVlanInterface', 'destroyVlanInterface', 'addVlanIp', 'deleteVlanIp', 'getIpNeighTable',
  'getDnsAscii', 'getDnsUnicode', 'getSystemNetPortStates', 'queryTraceRoute', 'queryProbeResult',
].map((name) => ({ name, provided: PROVIDED.has(name) }));

/** The enums of `connection` with their values. */
export const OFFICIAL_CONNECTION_ENUM_VALUES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  TcpState: {
    TCP_ESTABLISHED: 1, TCP_SYN_SENT: 2, TCP_SYN_RECV: 3, TCP_FIN_WAIT1: 4, TCP_FIN_WAIT2: 5, TCP_TIME_WAIT: 6,
    TCP_CLOSE: 7, TCP_CLOSE_WAIT: 8, TCP_LAST_ACK: 9, TCP_LISTEN: 10, TCP_CLOSING: 11,
  },
  ConversionProcess: { NO_CONFIGURATION: 0, ALLOW_UNASSIGNED: 1, USE_STD3_ASCII_RULES: 2 },
  FamilyType: { FAMILY_TYPE_ALL: 0, FAMILY_TYPE_IPV4: 1, FAMILY_TYPE_IPV6: 2 },
  NetCap: {
    NET_CAPABILITY_MMS: 0, NET_CAPABILITY_NOT_METERED: 11, NET_CAPABILITY_INTERNET: 12, NET_CAPABILITY_NOT_VPN: 15,
    NET_CAPABILITY_VALIDATED: 16, NET_CAPABILITY_PORTAL: 17, NET_CAPABILITY_CHECKING_CONNECTIVITY: 31,
  },
  NetBearType: { BEARER_CELLULAR: 0, BEARER_WIFI: 1, BEARER_BLUETOOTH: 2, BEARER_ETHERNET: 3, BEARER_VPN: 4 },
  ProxyMode: { PROXY_MODE_OFF: 0, PROXY_MODE_AUTO: 1 },
  Socks5DnsStrategy: { SYSTEM_MODE: 0, PROXY_MODE: 1 },
  ProtocolType: { PROTO_TYPE_TCP: 6, PROTO_TYPE_UDP: 17 },
  PacketsType: { NETCONN_PACKETS_ICMP: 0, NETCONN_PACKETS_UDP: 1 },
};
export const OFFICIAL_CONNECTION_ENUMS: readonly string[] = Object.keys(OFFICIAL_CONNECTION_ENUM_VALUES);

/** Every name `@kit.NetworkKit` exports (the ArkTS dynamic form). */
export const OFFICIAL_KIT_EXPORTS: readonly string[] = [
  'connection', 'ethernet', 'http', 'mdns', 'policy', 'sharing', 'webSocket', 'socket', 'statistics', 'vpn',
  'vpnExtension', 'networkSecurity', 'VpnExtensionAbility', 'VpnExtensionContext', 'eap', 'netFirewall',
];
