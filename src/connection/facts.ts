/** What `connection` reports about one network, built from the machine's facts. */
import type { ConnectionProperties, LinkAddress, NetAddress, NetCapabilities, NetHandle, RouteInfo } from '../api/connection-types.js';
import { NetBearType, NetCap } from '../api/connection-enums.js';
import { getServers } from 'node:dns';
import { isIP } from 'node:net';
import { connectionError, INVALID_VALUE } from './call.js';
import { FAMILY_IPV4, FAMILY_IPV6 } from './handle.js';
import { defaultNet, isDefaultRoute, linkNumber, listNets, listRoutes, searchDomains, type Net } from './machine.js';

/** The machine's network with `handle.netId`, else 2100001. */
export function netOf(handle: NetHandle): Net {
  const net = listNets().find((n) => n.netId === handle.netId);
  if (net === undefined) throw connectionError(INVALID_VALUE);
  return net;
}

// Interface-name conventions of Linux, macOS and Windows drivers; everything else counts as Ethernet.
const VPN_NAMES = /^(tun|tap|wg|ppp|utun|ipsec|vpn|zt|tailscale)/i;
const WIFI_NAMES = /^(wl|wifi|wi-fi|ath|ra\d)/i;
const CELLULAR_NAMES = /^(ww|rmnet|ccmni|pdp)/i;

function bearerOf(name: string): NetBearType {
  if (VPN_NAMES.test(name)) return NetBearType.BEARER_VPN;
  if (WIFI_NAMES.test(name)) return NetBearType.BEARER_WIFI;
  if (CELLULAR_NAMES.test(name)) return NetBearType.BEARER_CELLULAR;
  return NetBearType.BEARER_ETHERNET;
}

/**
 * The bearer (from the interface name), `INTERNET` when the default route uses it, `NOT_VPN` unless it
 * is a VPN, and the link speed where the system reports one. Nothing is claimed that was not observed:
 * no `VALIDATED` (no probe is made) and no `NOT_METERED` (unknown).
 */
export function capabilitiesOf(net: Net): NetCapabilities {
  const bearer = bearerOf(net.name);
  const networkCap: NetCap[] = [];
  if (defaultNet()?.name === net.name) networkCap.push(NetCap.NET_CAPABILITY_INTERNET);
  if (bearer !== NetBearType.BEARER_VPN) networkCap.push(NetCap.NET_CAPABILITY_NOT_VPN);
  const caps: NetCapabilities = { networkCap, bearerTypes: [bearer] };
  const mbps = linkNumber(net.name, 'speed');
  if (mbps !== undefined) {
    caps.linkUpBandwidthKbps = mbps * 1000;
    caps.linkDownBandwidthKbps = mbps * 1000;
  }
  return caps;
}

function familyOf(address: string): number {
  return isIP(address) === 6 ? FAMILY_IPV6 : FAMILY_IPV4;
}

function linkAddress(address: string, prefixLength: number): LinkAddress {
  return { address: { address, family: familyOf(address), port: 0 }, prefixLength };
}

/** A server from `dns.getServers()`: `addr`, `v4:port` or `[v6]:port`. */
function dnsServer(server: string): NetAddress {
  const match = /^\[(.+)\]:(\d+)$/.exec(server) ?? /^([\d.]+):(\d+)$/.exec(server);
  const address = match?.[1] ?? server;
  return { address, family: familyOf(address), port: match?.[2] === undefined ? 53 : Number(match[2]) };
}

/** Interface addresses, routes, DNS servers, search domains and MTU of one network. */
export function propertiesOf(net: Net): ConnectionProperties {
  const routes: RouteInfo[] = listRoutes()
    .filter((r) => r.iface === net.name)
    .map((r) => ({
      interface: r.iface,
      destination: linkAddress(r.destination, r.prefixLength),
      gateway: { address: r.gateway, family: familyOf(r.gateway), port: 0 },
      hasGateway: r.gateway !== '0.0.0.0' && r.gateway !== '::',
      isDefaultRoute: isDefaultRoute(r),
    }));
  const linkAddresses = net.addresses.map((a) => linkAddress(a.address, Number(a.cidr?.split('/')[1] ?? 0)));
  return {
    interfaceName: net.name,
    domains: searchDomains(),
    linkAddresses,
    dnses: getServers().map(dnsServer),
    routes,
    mtu: linkNumber(net.name, 'mtu') ?? 0,
    isIPv4LinkValid: net.addresses.some((a) => a.family === 'IPv4'),
    isIPv6LinkValid: net.addresses.some((a) => a.family === 'IPv6' && !a.address.startsWith('fe80:')),
  };
}
