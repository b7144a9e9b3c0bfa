/**
 * Public types of `@ohos.net.connection` (newest API level). The HTTP request options use `HttpProxy`,
 * `Socks5Proxy` and `Socks5DnsStrategy` from here; the rest describes networks as `connection` reports
 * them. ArkTS `int` is `number`.
 * @module
 */

import type { AsyncCallback, Callback } from './base.js';
import type { FamilyType, NetBearType, NetCap, PacketsType, Socks5DnsStrategy, TcpState } from './connection-enums.js';

/** An HTTP proxy. @since 10 */
export interface HttpProxy {
  /** Proxy host name or IP address. @since 10 */
  host: string;
  /** Proxy port, 0–65535. @since 10 */
  port: number;
  /** Proxy user; used only together with `password`. @since 12 */
  username?: string;
  /** Proxy password; used only together with `username`. @since 12 */
  password?: string;
  /** Hosts reached directly, without the proxy. @since 10 */
  exclusionList: string[];
}

/** A SOCKS5 proxy. @since 26.0.0 */
export interface Socks5Proxy {
  /** Proxy host name or IP address. @since 26.0.0 */
  host: string;
  /** Proxy port. @since 26.0.0 */
  port: number;
  /** User for SOCKS5 username/password authentication. @since 26.0.0 */
  username?: string;
  /** Password for SOCKS5 username/password authentication. @since 26.0.0 */
  password?: string;
  /** Where host names are resolved. Unset: by the proxy for a `socks5h://` host, else locally. @since 26.0.0 */
  dnsStrategy?: Socks5DnsStrategy;
  /** Hosts reached directly, without the proxy. @since 26.0.0 */
  exclusionList?: string[];
}

/** An IP address, with its family (`1` IPv4, `2` IPv6) and a port where one applies. @since 8 */
export interface NetAddress {
  /** The address text. @since 8 */
  address: string;
  /** `1` for IPv4, `2` for IPv6. @since 8 */
  family?: number;
  /** A port, where one applies. @since 8 */
  port?: number;
}

/** An address with its prefix length (an interface address or a route destination). @since 8 */
export interface LinkAddress {
  /** The address. @since 8 */
  address: NetAddress;
  /** Length of the network prefix in bits. @since 8 */
  prefixLength: number;
}

/** One route of a network. @since 8 */
export interface RouteInfo {
  /** Interface the route uses. @since 8 */
  interface: string;
  /** Destination network. @since 8 */
  destination: LinkAddress;
  /** Next hop. @since 8 */
  gateway: NetAddress;
  /** Whether the route has a next hop. @since 8 */
  hasGateway: boolean;
  /** Whether this is the default route. @since 8 */
  isDefaultRoute: boolean;
  /** Whether the route excludes its destination. @since 20 */
  isExcludedRoute?: boolean;
}

/** Link-level facts of a network. @since 8 */
export interface ConnectionProperties {
  /** Interface name, e.g. `eth0`. @since 8 */
  interfaceName: string;
  /** DNS search domains. @since 8 */
  domains: string;
  /** Addresses of the interface. @since 8 */
  linkAddresses: LinkAddress[];
  /** DNS servers. @since 8 */
  dnses: NetAddress[];
  /** Routes through the interface. @since 8 */
  routes: RouteInfo[];
  /** Maximum transmission unit in bytes. @since 8 */
  mtu: number;
  /** Whether IPv4 is usable on the link. @since 24 */
  isIPv4LinkValid?: boolean;
  /** Whether IPv6 is usable on the link. @since 24 */
  isIPv6LinkValid?: boolean;
}

/** What a network offers. @since 8 */
export interface NetCapabilities {
  /** Upstream bandwidth in kbit/s. @since 8 */
  linkUpBandwidthKbps?: number;
  /** Downstream bandwidth in kbit/s. @since 8 */
  linkDownBandwidthKbps?: number;
  /** Capabilities of the network. @since 8 */
  networkCap?: NetCap[];
  /** Kinds of link it runs over. @since 8 */
  bearerTypes: NetBearType[];
}

/** Options of a name resolution. @since 23 */
export interface QueryOptions {
  /** Address family to resolve to. Default: both. @since 23 */
  family?: FamilyType;
}

/** A socket of `@ohos.net.socket` (not available on Node.js). @since 9 */
export type TCPSocket = object;
/** A socket of `@ohos.net.socket` (not available on Node.js). @since 9 */
export type UDPSocket = object;

/** One network, identified by `netId`. @since 8 */
export interface NetHandle {
  /** Network id; `0` means no network. @since 8 */
  netId: number;
  /** Bind a socket to this network. @since 9 */
  // eslint-disable-next-line @typescript-eslint/no-duplicate-type-constituents -- the device names both socket kinds
  bindSocket(socketParam: TCPSocket | UDPSocket, callback: AsyncCallback<void>): void;
  /** Bind a socket to this network. @since 9 */
  // eslint-disable-next-line @typescript-eslint/no-duplicate-type-constituents -- the device names both socket kinds
  bindSocket(socketParam: TCPSocket | UDPSocket): Promise<void>;
  /** Resolve a host name to all its addresses. @since 8 */
  getAddressesByName(host: string, callback: AsyncCallback<NetAddress[]>): void;
  /** Resolve a host name to all its addresses. @since 8 */
  getAddressesByName(host: string): Promise<NetAddress[]>;
  /** Resolve a host name to the addresses of one family. @since 23 */
  getAddressesByNameWithOptions(host: string, option?: QueryOptions): Promise<NetAddress[]>;
  /** Resolve a host name to its first address. @since 8 */
  getAddressByName(host: string, callback: AsyncCallback<NetAddress>): void;
  /** Resolve a host name to its first address. @since 8 */
  getAddressByName(host: string): Promise<NetAddress>;
}

/** What a {@link NetConnection} asks for. @since 8 */
export interface NetSpecifier {
  /** Required capabilities. @since 8 */
  netCapabilities: NetCapabilities;
  /** Bearer-specific identifier. @since 8 */
  bearerPrivateIdentifier?: string;
}

/** A network and its capabilities. @since 10 */
export interface NetCapabilityInfo {
  /** The network. @since 10 */
  netHandle: NetHandle;
  /** Its capabilities. @since 10 */
  netCap: NetCapabilities;
}

/** A network and its link facts. @since 11 */
export interface NetConnectionPropertyInfo {
  /** The network. @since 11 */
  netHandle: NetHandle;
  /** Its link facts. @since 11 */
  connectionProperties: ConnectionProperties;
}

/** A network and whether it is blocked. @since 11 */
export interface NetBlockStatusInfo {
  /** The network. @since 11 */
  netHandle: NetHandle;
  /** Whether it is blocked. @since 11 */
  blocked: boolean;
}

/** A subscription to network changes (not available on Node.js). @since 8 */
export interface NetConnection {
  /** A network became available. @since 8 */
  on(type: 'netAvailable', callback: Callback<NetHandle>): void;
  /** A network was blocked or unblocked. @since 8 */
  on(type: 'netBlockStatusChange', callback: Callback<NetBlockStatusInfo>): void;
  /** A network's capabilities changed. @since 8 */
  on(type: 'netCapabilitiesChange', callback: Callback<NetCapabilityInfo>): void;
  /** A network's link facts changed. @since 8 */
  on(type: 'netConnectionPropertiesChange', callback: Callback<NetConnectionPropertyInfo>): void;
  /** A network was lost. @since 8 */
  // eslint-disable-next-line @typescript-eslint/unified-signatures -- one overload per event, as the device declares them
  on(type: 'netLost', callback: Callback<NetHandle>): void;
  /** No network became available in time. @since 8 */
  on(type: 'netUnavailable', callback: Callback<void>): void;
  /** Start receiving the events. @since 8 */
  register(callback: AsyncCallback<void>): void;
  /** Stop receiving the events. @since 8 */
  unregister(callback: AsyncCallback<void>): void;
}

/** Open TCP and UDP ports of the system. @since 24 */
export interface NetPortStatesInfo {
  /** TCP sockets. @since 24 */
  tcpPortStatesInfo?: TcpNetPortStatesInfo[];
  /** UDP sockets. @since 24 */
  udpPortStatesInfo?: UdpNetPortStatesInfo[];
}

/** One TCP socket of the system. @since 24 */
export interface TcpNetPortStatesInfo {
  /** Local address. @since 24 */
  tcpLocalIp: string;
  /** Local port. @since 24 */
  tcpLocalPort: number;
  /** Remote address. @since 24 */
  tcpRemoteIp: string;
  /** Remote port. @since 24 */
  tcpRemotePort: number;
  /** Owner user id. @since 24 */
  tcpUid: number;
  /** Owner process id. @since 24 */
  tcpPid: number;
  /** Connection state. @since 24 */
  tcpState: TcpState;
}

/** One UDP socket of the system. @since 24 */
export interface UdpNetPortStatesInfo {
  /** Local address. @since 24 */
  udpLocalIp: string;
  /** Local port. @since 24 */
  udpLocalPort: number;
  /** Owner user id. @since 24 */
  udpUid: number;
  /** Owner process id. @since 24 */
  udpPid: number;
}

/** One entry of the neighbour (ARP/NDP) table. @since 22 */
export interface NetIpMacInfo {
  /** Neighbour IP address. @since 22 */
  ipAddress: NetAddress;
  /** Interface name. @since 22 */
  iface: string;
  /** Neighbour MAC address. @since 22 */
  macAddress: string;
}

/** Options of a trace route. @since 26.0.0 */
export interface TraceRouteOptions {
  /** Maximum number of hops. @since 26.0.0 */
  maxJumpNumber?: number;
  /** Probe packet kind. @since 26.0.0 */
  packetsType?: PacketsType;
}

/** One hop of a trace route. @since 26.0.0 */
export interface TraceRouteInfo {
  /** Hop number. @since 26.0.0 */
  jumpNo: number;
  /** Address of the hop. @since 26.0.0 */
  address: string;
  /** Round-trip times in ms. @since 26.0.0 */
  rtt: number[];
}

/** Result of a reachability probe. @since 26.0.0 */
export interface ProbeResultInfo {
  /** Share of lost probes, in percent. @since 26.0.0 */
  lossRate: number;
  /** Round-trip times in ms. @since 26.0.0 */
  rtt: number[];
}
