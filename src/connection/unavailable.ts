/**
 * The members of `connection` that have no Node.js counterpart (device settings, system APIs, change
 * events, per-app network binding). Each exists with the device's signature and throws an `Error` with
 * code 801 when called.
 * @module
 */

import type { AsyncCallback } from '../api/base.js';
import type {
  HttpProxy,
  LinkAddress,
  NetAddress,
  NetConnection,
  NetHandle,
  NetIpMacInfo,
  NetPortStatesInfo,
  NetSpecifier,
  ProbeResultInfo,
  TraceRouteInfo,
  TraceRouteOptions,
} from '../api/connection-types.js';
import type { ProtocolType, ProxyMode } from '../api/connection-enums.js';
import { notAvailable } from '../unavailable.js';


/** A subscription to network changes. Not available on Node.js: throws (code 801). @since 8 */
export function createNetConnection(netSpecifier?: NetSpecifier, timeout?: number): NetConnection;
export function createNetConnection(): never {
  throw notAvailable('connection.createNetConnection');
}

/** Set a network's extended attribute. Not available on Node.js: throws (code 801). @since 20 */
export function setNetExtAttribute(netHandle: NetHandle, netExtAttribute: string): Promise<void>;
export function setNetExtAttribute(): never {
  throw notAvailable('connection.setNetExtAttribute');
}

/** Set a network's extended attribute. Not available on Node.js: throws (code 801). @since 20 */
export function setNetExtAttributeSync(netHandle: NetHandle, netExtAttribute: string): void;
export function setNetExtAttributeSync(): never {
  throw notAvailable('connection.setNetExtAttributeSync');
}

/** A network's extended attribute. Not available on Node.js: throws (code 801). @since 20 */
export function getNetExtAttribute(netHandle: NetHandle): Promise<string>;
export function getNetExtAttribute(): never {
  throw notAvailable('connection.getNetExtAttribute');
}

/** A network's extended attribute. Not available on Node.js: throws (code 801). @since 20 */
export function getNetExtAttributeSync(netHandle: NetHandle): string;
export function getNetExtAttributeSync(): never {
  throw notAvailable('connection.getNetExtAttributeSync');
}

/** Whether the default network is billed by volume. Not available on Node.js: throws (code 801). @since 9 */
export function isDefaultNetMetered(callback: AsyncCallback<boolean>): void;
/** Whether the default network is billed by volume. Not available on Node.js: throws (code 801). @since 9 */
export function isDefaultNetMetered(): Promise<boolean>;
export function isDefaultNetMetered(): never {
  throw notAvailable('connection.isDefaultNetMetered');
}

/** Whether the default network is billed by volume. Not available on Node.js: throws (code 801). @since 10 */
export function isDefaultNetMeteredSync(): boolean;
export function isDefaultNetMeteredSync(): never {
  throw notAvailable('connection.isDefaultNetMeteredSync');
}

/** Turn airplane mode on (system API). Not available on Node.js: throws (code 801). @since 8 */
export function enableAirplaneMode(callback: AsyncCallback<void>): void;
/** Turn airplane mode on (system API). Not available on Node.js: throws (code 801). @since 8 */
export function enableAirplaneMode(): Promise<void>;
export function enableAirplaneMode(): never {
  throw notAvailable('connection.enableAirplaneMode');
}

/** Turn airplane mode off (system API). Not available on Node.js: throws (code 801). @since 8 */
export function disableAirplaneMode(callback: AsyncCallback<void>): void;
/** Turn airplane mode off (system API). Not available on Node.js: throws (code 801). @since 8 */
export function disableAirplaneMode(): Promise<void>;
export function disableAirplaneMode(): never {
  throw notAvailable('connection.disableAirplaneMode');
}

/** Report that a network works. Not available on Node.js: throws (code 801). @since 8 */
export function reportNetConnected(netHandle: NetHandle, callback: AsyncCallback<void>): void;
/** Report that a network works. Not available on Node.js: throws (code 801). @since 8 */
export function reportNetConnected(netHandle: NetHandle): Promise<void>;
export function reportNetConnected(): never {
  throw notAvailable('connection.reportNetConnected');
}

/** Report that a network does not work. Not available on Node.js: throws (code 801). @since 8 */
export function reportNetDisconnected(netHandle: NetHandle, callback: AsyncCallback<void>): void;
/** Report that a network does not work. Not available on Node.js: throws (code 801). @since 8 */
export function reportNetDisconnected(netHandle: NetHandle): Promise<void>;
export function reportNetDisconnected(): never {
  throw notAvailable('connection.reportNetDisconnected');
}

/** The network the app is bound to. Not available on Node.js: throws (code 801). @since 9 */
export function getAppNet(callback: AsyncCallback<NetHandle>): void;
/** The network the app is bound to. Not available on Node.js: throws (code 801). @since 9 */
export function getAppNet(): Promise<NetHandle>;
export function getAppNet(): never {
  throw notAvailable('connection.getAppNet');
}

/** The network the app is bound to. Not available on Node.js: throws (code 801). @since 10 */
export function getAppNetSync(): NetHandle;
export function getAppNetSync(): never {
  throw notAvailable('connection.getAppNetSync');
}

/** Bind the app to a network. Not available on Node.js: throws (code 801). @since 9 */
export function setAppNet(netHandle: NetHandle, callback: AsyncCallback<void>): void;
/** Bind the app to a network. Not available on Node.js: throws (code 801). @since 9 */
export function setAppNet(netHandle: NetHandle): Promise<void>;
export function setAppNet(): never {
  throw notAvailable('connection.setAppNet');
}

/** Bring an interface up (system API). Not available on Node.js: throws (code 801). @since 26.0.0 */
export function setInterfaceUp(ifaceName: string): Promise<void>;
export function setInterfaceUp(): never {
  throw notAvailable('connection.setInterfaceUp');
}

/** The system's default HTTP proxy. Not available on Node.js: throws (code 801). @since 10 */
export function getDefaultHttpProxy(callback: AsyncCallback<HttpProxy>): void;
/** The system's default HTTP proxy. Not available on Node.js: throws (code 801). @since 10 */
export function getDefaultHttpProxy(): Promise<HttpProxy>;
export function getDefaultHttpProxy(): never {
  throw notAvailable('connection.getDefaultHttpProxy');
}

/** The global HTTP proxy (system API). Not available on Node.js: throws (code 801). @since 10 */
export function getGlobalHttpProxy(callback: AsyncCallback<HttpProxy>): void;
/** The global HTTP proxy (system API). Not available on Node.js: throws (code 801). @since 10 */
export function getGlobalHttpProxy(): Promise<HttpProxy>;
export function getGlobalHttpProxy(): never {
  throw notAvailable('connection.getGlobalHttpProxy');
}

/** Set the app's HTTP proxy. Not available on Node.js: throws (code 801). @since 11 */
export function setAppHttpProxy(httpProxy: HttpProxy): void;
export function setAppHttpProxy(): never {
  throw notAvailable('connection.setAppHttpProxy');
}

/** Set the global HTTP proxy (system API). Not available on Node.js: throws (code 801). @since 10 */
export function setGlobalHttpProxy(httpProxy: HttpProxy, callback: AsyncCallback<void>): void;
/** Set the global HTTP proxy (system API). Not available on Node.js: throws (code 801). @since 10 */
export function setGlobalHttpProxy(httpProxy: HttpProxy): Promise<void>;
export function setGlobalHttpProxy(): never {
  throw notAvailable('connection.setGlobalHttpProxy');
}

/** Reload the global HTTP proxy. Not available on Node.js: throws (code 801). @since 26.0.0 */
export function refreshGlobalHttpProxy(): Promise<HttpProxy>;
export function refreshGlobalHttpProxy(): never {
  throw notAvailable('connection.refreshGlobalHttpProxy');
}

/** Set the PAC script URL. Not available on Node.js: throws (code 801). @since 15 */
export function setPacUrl(pacUrl: string): void;
export function setPacUrl(): never {
  throw notAvailable('connection.setPacUrl');
}

/** The PAC script URL. Not available on Node.js: throws (code 801). @since 15 */
export function getPacUrl(): string;
export function getPacUrl(): never {
  throw notAvailable('connection.getPacUrl');
}

/** Set the PAC file URL. Not available on Node.js: throws (code 801). @since 20 */
export function setPacFileUrl(pacFileUrl: string): void;
export function setPacFileUrl(): never {
  throw notAvailable('connection.setPacFileUrl');
}

/** The PAC file URL. Not available on Node.js: throws (code 801). @since 20 */
export function getPacFileUrl(): string;
export function getPacFileUrl(): never {
  throw notAvailable('connection.getPacFileUrl');
}

/** The proxy the PAC script picks for a URL. Not available on Node.js: throws (code 801). @since 20 */
export function findProxyForUrl(url: string): string;
export function findProxyForUrl(): never {
  throw notAvailable('connection.findProxyForUrl');
}

/** Set the proxy mode (system API). Not available on Node.js: throws (code 801). @since 20 */
export function setProxyMode(mode: ProxyMode): Promise<void>;
export function setProxyMode(): never {
  throw notAvailable('connection.setProxyMode');
}

/** The proxy mode (system API). Not available on Node.js: throws (code 801). @since 20 */
export function getProxyMode(): Promise<ProxyMode>;
export function getProxyMode(): never {
  throw notAvailable('connection.getProxyMode');
}

/** Pin a host name to addresses for this app. Not available on Node.js: throws (code 801). @since 11 */
export function addCustomDnsRule(host: string, ip: string[], callback: AsyncCallback<void>): void;
/** Pin a host name to addresses for this app. Not available on Node.js: throws (code 801). @since 11 */
export function addCustomDnsRule(host: string, ip: string[]): Promise<void>;
export function addCustomDnsRule(): never {
  throw notAvailable('connection.addCustomDnsRule');
}

/** Remove a pinned host name. Not available on Node.js: throws (code 801). @since 11 */
export function removeCustomDnsRule(host: string, callback: AsyncCallback<void>): void;
/** Remove a pinned host name. Not available on Node.js: throws (code 801). @since 11 */
export function removeCustomDnsRule(host: string): Promise<void>;
export function removeCustomDnsRule(): never {
  throw notAvailable('connection.removeCustomDnsRule');
}

/** Remove every pinned host name. Not available on Node.js: throws (code 801). @since 11 */
export function clearCustomDnsRules(callback: AsyncCallback<void>): void;
/** Remove every pinned host name. Not available on Node.js: throws (code 801). @since 11 */
export function clearCustomDnsRules(): Promise<void>;
export function clearCustomDnsRules(): never {
  throw notAvailable('connection.clearCustomDnsRules');
}

/** Reset network settings (system API). Not available on Node.js: throws (code 801). @since 11 */
export function factoryReset(): Promise<void>;
export function factoryReset(): never {
  throw notAvailable('connection.factoryReset');
}

/** The user id owning a connection. Not available on Node.js: throws (code 801). @since 23 */
export function getConnectOwnerUid(protocol: ProtocolType, local: NetAddress, remote: NetAddress): Promise<number>;
export function getConnectOwnerUid(): never {
  throw notAvailable('connection.getConnectOwnerUid');
}

/** The user id owning a connection. Not available on Node.js: throws (code 801). @since 23 */
export function getConnectOwnerUidSync(protocol: ProtocolType, local: NetAddress, remote: NetAddress): number;
export function getConnectOwnerUidSync(): never {
  throw notAvailable('connection.getConnectOwnerUidSync');
}

/** Create a VLAN interface (system API). Not available on Node.js: throws (code 801). @since 23 */
export function createVlanInterface(ifName: string, vlanId: number): Promise<void>;
export function createVlanInterface(): never {
  throw notAvailable('connection.createVlanInterface');
}

/** Remove a VLAN interface (system API). Not available on Node.js: throws (code 801). @since 23 */
export function destroyVlanInterface(ifName: string, vlanId: number): Promise<void>;
export function destroyVlanInterface(): never {
  throw notAvailable('connection.destroyVlanInterface');
}

/** Add an address to a VLAN (system API). Not available on Node.js: throws (code 801). @since 23 */
export function addVlanIp(ifName: string, vlanId: number, address: LinkAddress): Promise<void>;
export function addVlanIp(): never {
  throw notAvailable('connection.addVlanIp');
}

/** Remove an address from a VLAN (system API). Not available on Node.js: throws (code 801). @since 23 */
export function deleteVlanIp(ifName: string, vlanId: number, address: LinkAddress): Promise<void>;
export function deleteVlanIp(): never {
  throw notAvailable('connection.deleteVlanIp');
}

/** The neighbour (ARP/NDP) table. Not available on Node.js: throws (code 801). @since 22 */
export function getIpNeighTable(): Promise<NetIpMacInfo[]>;
export function getIpNeighTable(): never {
  throw notAvailable('connection.getIpNeighTable');
}

/** The system's open TCP and UDP ports. Not available on Node.js: throws (code 801). @since 24 */
export function getSystemNetPortStates(): Promise<NetPortStatesInfo>;
export function getSystemNetPortStates(): never {
  throw notAvailable('connection.getSystemNetPortStates');
}

/** Trace the route to a host. Not available on Node.js: throws (code 801). @since 26.0.0 */
export function queryTraceRoute(destination: string, option?: TraceRouteOptions): Promise<TraceRouteInfo[]>;
export function queryTraceRoute(): never {
  throw notAvailable('connection.queryTraceRoute');
}

/** Probe a host's reachability. Not available on Node.js: throws (code 801). @since 26.0.0 */
export function queryProbeResult(destination: string, duration: number): Promise<ProbeResultInfo>;
export function queryProbeResult(): never {
  throw notAvailable('connection.queryProbeResult');
}
