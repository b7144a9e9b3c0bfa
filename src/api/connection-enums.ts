/**
 * Runtime enums of `@ohos.net.connection`: frozen objects with the device's numeric values (no reverse
 * mapping), each with a type of the same name (the union of its values).
 * @module
 */

/** Who resolves host names behind a SOCKS5 proxy. @since 26.0.0 */
export const Socks5DnsStrategy = Object.freeze({
  /** Resolve locally, send the proxy an address. @since 26.0.0 */
  SYSTEM_MODE: 0,
  /** Send the proxy the host name. @since 26.0.0 */
  PROXY_MODE: 1,
} as const);
/** One of the {@link Socks5DnsStrategy} numbers. @since 26.0.0 */
export type Socks5DnsStrategy = (typeof Socks5DnsStrategy)[keyof typeof Socks5DnsStrategy];

/** Capabilities a network may have. @since 8 */
export const NetCap = Object.freeze({
  /** Can reach the carrier's MMS center. @since 8 */
  NET_CAPABILITY_MMS: 0,
  /** Not billed by volume. @since 8 */
  NET_CAPABILITY_NOT_METERED: 11,
  /** Meant to reach the Internet. @since 8 */
  NET_CAPABILITY_INTERNET: 12,
  /** Not a VPN. @since 8 */
  NET_CAPABILITY_NOT_VPN: 15,
  /** Internet access was verified. @since 8 */
  NET_CAPABILITY_VALIDATED: 16,
  /** Behind a captive portal. @since 12 */
  NET_CAPABILITY_PORTAL: 17,
  /** Connectivity is being checked. @since 12 */
  NET_CAPABILITY_CHECKING_CONNECTIVITY: 31,
} as const);
/** One of the {@link NetCap} numbers. @since 8 */
export type NetCap = (typeof NetCap)[keyof typeof NetCap];

/** Kinds of link a network runs over. @since 8 */
export const NetBearType = Object.freeze({
  /** Cellular. @since 8 */
  BEARER_CELLULAR: 0,
  /** Wi-Fi. @since 8 */
  BEARER_WIFI: 1,
  /** Bluetooth. @since 12 */
  BEARER_BLUETOOTH: 2,
  /** Ethernet. @since 8 */
  BEARER_ETHERNET: 3,
  /** VPN. @since 12 */
  BEARER_VPN: 4,
} as const);
/** One of the {@link NetBearType} numbers. @since 8 */
export type NetBearType = (typeof NetBearType)[keyof typeof NetBearType];

/** Address families for name resolution. @since 23 */
export const FamilyType = Object.freeze({
  /** IPv4 and IPv6. @since 23 */
  FAMILY_TYPE_ALL: 0,
  /** IPv4 only. @since 23 */
  FAMILY_TYPE_IPV4: 1,
  /** IPv6 only. @since 23 */
  FAMILY_TYPE_IPV6: 2,
} as const);
/** One of the {@link FamilyType} numbers. @since 23 */
export type FamilyType = (typeof FamilyType)[keyof typeof FamilyType];

/** System proxy modes. @since 20 */
export const ProxyMode = Object.freeze({
  /** No automatic proxy. @since 20 */
  PROXY_MODE_OFF: 0,
  /** Proxy from a PAC script. @since 20 */
  PROXY_MODE_AUTO: 1,
} as const);
/** One of the {@link ProxyMode} numbers. @since 20 */
export type ProxyMode = (typeof ProxyMode)[keyof typeof ProxyMode];

/** TCP connection states. @since 24 */
export const TcpState = Object.freeze({
  /** ESTABLISHED. @since 24 */
  TCP_ESTABLISHED: 1,
  /** SYN_SENT. @since 24 */
  TCP_SYN_SENT: 2,
  /** SYN_RECV. @since 24 */
  TCP_SYN_RECV: 3,
  /** FIN_WAIT1. @since 24 */
  TCP_FIN_WAIT1: 4,
  /** FIN_WAIT2. @since 24 */
  TCP_FIN_WAIT2: 5,
  /** TIME_WAIT. @since 24 */
  TCP_TIME_WAIT: 6,
  /** CLOSE. @since 24 */
  TCP_CLOSE: 7,
  /** CLOSE_WAIT. @since 24 */
  TCP_CLOSE_WAIT: 8,
  /** LAST_ACK. @since 24 */
  TCP_LAST_ACK: 9,
  /** LISTEN. @since 24 */
  TCP_LISTEN: 10,
  /** CLOSING. @since 24 */
  TCP_CLOSING: 11,
} as const);
/** One of the {@link TcpState} numbers. @since 24 */
export type TcpState = (typeof TcpState)[keyof typeof TcpState];

/** IDNA conversion flags for `getDnsAscii` and `getDnsUnicode`. @since 23 */
export const ConversionProcess = Object.freeze({
  /** No flags. @since 23 */
  NO_CONFIGURATION: 0,
  /** Allow unassigned code points. @since 23 */
  ALLOW_UNASSIGNED: 1,
  /** Apply the STD3 ASCII rules. @since 23 */
  USE_STD3_ASCII_RULES: 2,
} as const);
/** One of the {@link ConversionProcess} numbers. @since 23 */
export type ConversionProcess = (typeof ConversionProcess)[keyof typeof ConversionProcess];

/** Transport protocols (IP protocol numbers). @since 23 */
export const ProtocolType = Object.freeze({
  /** TCP. @since 23 */
  PROTO_TYPE_TCP: 6,
  /** UDP. @since 23 */
  PROTO_TYPE_UDP: 17,
} as const);
/** One of the {@link ProtocolType} numbers. @since 23 */
export type ProtocolType = (typeof ProtocolType)[keyof typeof ProtocolType];

/** Probe packet kinds for trace routes. @since 26.0.0 */
export const PacketsType = Object.freeze({
  /** ICMP. @since 26.0.0 */
  NETCONN_PACKETS_ICMP: 0,
  /** UDP. @since 26.0.0 */
  NETCONN_PACKETS_UDP: 1,
} as const);
/** One of the {@link PacketsType} numbers. @since 26.0.0 */
export type PacketsType = (typeof PacketsType)[keyof typeof PacketsType];
