/**
 * Facts about this machine's networks, read where the system exposes them: interfaces and addresses
 * from `os.networkInterfaces()`, routes from Linux's /proc/net, MTU and link speed from /sys/class/net,
 * DNS servers from the resolver Node uses. Nothing is cached: every call reads the current state.
 * @module
 */

import { readFileSync } from 'node:fs';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** One network as `connection` reports it: a non-loopback interface that has an address. */
export interface Net {
  /** `100 +` the interface's position among such interfaces (the device's ids start at 100). */
  netId: number;
  name: string;
  addresses: NetworkInterfaceInfo[];
}

/** A route read from the kernel's table. */
export interface Route {
  iface: string;
  destination: string;
  prefixLength: number;
  gateway: string;
  family: 4 | 6;
}

/** First valid network id; `0` means "no network". */
export const FIRST_NET_ID = 100;

/** The machine's networks now, in the order the system lists its interfaces. */
export function listNets(): Net[] {
  const nets: Net[] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    const addresses = (list ?? []).filter((a) => !a.internal);
    if (addresses.length > 0) nets.push({ netId: FIRST_NET_ID + nets.length, name, addresses });
  }
  return nets;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** IPv4 in /proc/net/route: 8 hex digits, least significant byte first. */
function ipv4FromHex(hex: string): string {
  const n = Number.parseInt(hex, 16);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24].join('.');
}

/** IPv6 in /proc/net/ipv6_route: 32 hex digits in network order; written in the canonical short form. */
function ipv6FromHex(hex: string): string {
  const full = (hex.match(/.{4}/g) ?? []).join(':');
  // The WHATWG URL parser writes IPv6 hosts in RFC 5952 form.
  return new URL(`http://[${full}]/`).hostname.slice(1, -1);
}

function prefixOfMask(maskHex: string): number {
  let n = Number.parseInt(maskHex, 16) >>> 0;
  let bits = 0;
  while (n !== 0) {
    bits += n & 1;
    n >>>= 1;
  }
  return bits;
}

const RTF_UP = 0x1;
const RTF_REJECT = 0x200;
// The kernel's entries for the machine's own addresses: not routes anyone configured.
const RTF_LOCAL = 0x80000000;

/** The kernel's usable routes (Linux); an empty list where /proc/net is not there. */
export function listRoutes(): Route[] {
  const routes: Route[] = [];
  for (const line of (readText('/proc/net/route') ?? '').split('\n').slice(1)) {
    const [iface, dest, gateway, flags, , , , mask] = line.trim().split(/\s+/);
    if (iface === undefined || dest === undefined || gateway === undefined || flags === undefined || mask === undefined) continue;
    const f = Number.parseInt(flags, 16);
    if ((f & RTF_UP) === 0 || (f & RTF_REJECT) !== 0) continue;
    routes.push({ iface, destination: ipv4FromHex(dest), prefixLength: prefixOfMask(mask), gateway: ipv4FromHex(gateway), family: 4 });
  }
  for (const line of (readText('/proc/net/ipv6_route') ?? '').split('\n')) {
    const [dest, prefix, , , gateway, , , , flags, iface] = line.trim().split(/\s+/);
    if (dest === undefined || prefix === undefined || gateway === undefined || flags === undefined || iface === undefined) continue;
    const f = Number.parseInt(flags, 16);
    if ((f & RTF_UP) === 0 || (f & RTF_REJECT) !== 0 || (f & RTF_LOCAL) !== 0 || iface === 'lo') continue;
    routes.push({ iface, destination: ipv6FromHex(dest), prefixLength: Number.parseInt(prefix, 16), gateway: ipv6FromHex(gateway), family: 6 });
  }
  return routes;
}

/** Whether a route is a default route (destination 0.0.0.0/0 or ::/0). */
export function isDefaultRoute(route: Route): boolean {
  return route.prefixLength === 0;
}

/**
 * The network the default route leaves through. Where the system has no readable route table
 * (not Linux), the first network with a routable address stands in for it.
 */
export function defaultNet(nets: Net[] = listNets()): Net | undefined {
  const routes = readText('/proc/net/route') === undefined ? undefined : listRoutes();
  if (routes !== undefined) {
    const iface = routes.find(isDefaultRoute)?.iface;
    return nets.find((n) => n.name === iface);
  }
  return nets.find((n) => n.addresses.some((a) => a.family === 'IPv4' || !a.address.startsWith('fe80:')));
}

/** A number read from /sys/class/net/<iface>/<file>, when the system has it and it is meaningful. */
export function linkNumber(iface: string, file: 'mtu' | 'speed'): number | undefined {
  // Interface names come from the system, but never let one walk out of /sys/class/net.
  if (iface.includes('/') || iface.startsWith('.')) return undefined;
  const value = Number.parseInt(readText(`/sys/class/net/${iface}/${file}`) ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** DNS search domains of the system resolver, comma-separated ('' when none or unknown). */
export function searchDomains(): string {
  const domains: string[] = [];
  for (const line of (readText('/etc/resolv.conf') ?? '').split('\n')) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === 'search' || key === 'domain') domains.push(...values);
  }
  return [...new Set(domains)].join(',');
}
