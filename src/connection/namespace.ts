/**
 * `connection` (`@ohos.net.connection`) on Node.js: the members network code reads, answered from this
 * machine's real state; every other member exists and throws code 801 when called (see unavailable.ts).
 * @module
 */

import { domainToASCII, domainToUnicode } from 'node:url';
import type { AsyncCallback } from '../api/base.js';
import type { ConversionProcess } from '../api/connection-enums.js';
import type { ConnectionProperties, NetAddress, NetCapabilities, NetHandle, QueryOptions } from '../api/connection-types.js';
import { connectionError, deliver, INVALID_VALUE, PARAMETER_ERROR, readHandle, runSync } from './call.js';
import { capabilitiesOf, netOf, propertiesOf } from './facts.js';
import { netHandle, resolveAll } from './handle.js';
import { defaultNet, listNets } from './machine.js';

export * from '../api/connection-enums.js';
export type * from '../api/connection-types.js';
export * from './unavailable.js';

function currentDefault(): NetHandle {
  return netHandle(defaultNet()?.netId ?? 0);
}

function allNets(): NetHandle[] {
  return listNets().map((n) => netHandle(n.netId));
}

/**
 * The network the default route uses; `netId` 0 when there is none.
 * @throws {BusinessError} 401 - Parameter error.
 * @since 8
 */
export function getDefaultNet(callback: AsyncCallback<NetHandle>): void;
/** The network the default route uses; `netId` 0 when there is none. @since 8 */
export function getDefaultNet(): Promise<NetHandle>;
export function getDefaultNet(...args: unknown[]): Promise<NetHandle> | undefined {
  return deliver(args, 0, currentDefault);
}

/** The network the default route uses; `netId` 0 when there is none. @since 9 */
export function getDefaultNetSync(): NetHandle {
  return currentDefault();
}

/** Whether the machine has a default route. @since 8 */
export function hasDefaultNet(callback: AsyncCallback<boolean>): void;
/** Whether the machine has a default route. @since 8 */
export function hasDefaultNet(): Promise<boolean>;
export function hasDefaultNet(...args: unknown[]): Promise<boolean> | undefined {
  return deliver(args, 0, () => defaultNet() !== undefined);
}

/** Whether the machine has a default route. @since 10 */
export function hasDefaultNetSync(): boolean {
  return defaultNet() !== undefined;
}

/** Every connected network: each non-loopback interface that has an address. @since 8 */
export function getAllNets(callback: AsyncCallback<NetHandle[]>): void;
/** Every connected network: each non-loopback interface that has an address. @since 8 */
export function getAllNets(): Promise<NetHandle[]>;
export function getAllNets(...args: unknown[]): Promise<NetHandle[]> | undefined {
  return deliver(args, 0, allNets);
}

/** Every connected network: each non-loopback interface that has an address. @since 10 */
export function getAllNetsSync(): NetHandle[] {
  return allNets();
}

/**
 * Bearer, capabilities and link speed of a network.
 * @throws {BusinessError} 401 - Parameter error.
 * @throws {BusinessError} 2100001 - Invalid parameter value (no such network).
 * @since 8
 */
export function getNetCapabilities(netHandle: NetHandle, callback: AsyncCallback<NetCapabilities>): void;
/** Bearer, capabilities and link speed of a network. @since 8 */
export function getNetCapabilities(netHandle: NetHandle): Promise<NetCapabilities>;
export function getNetCapabilities(...args: unknown[]): Promise<NetCapabilities> | undefined {
  return deliver(args, 1, (handle) => capabilitiesOf(netOf(readHandle(handle))));
}

/**
 * Bearer, capabilities and link speed of a network.
 * @throws {BusinessError} 401 - Parameter error.
 * @throws {BusinessError} 2100001 - Invalid parameter value (no such network).
 * @since 10
 */
export function getNetCapabilitiesSync(netHandle: NetHandle): NetCapabilities {
  return runSync(() => capabilitiesOf(netOf(readHandle(netHandle))));
}

/**
 * Interface name, addresses, routes, DNS servers and MTU of a network.
 * @throws {BusinessError} 401 - Parameter error.
 * @throws {BusinessError} 2100001 - Invalid parameter value (no such network).
 * @since 8
 */
export function getConnectionProperties(netHandle: NetHandle, callback: AsyncCallback<ConnectionProperties>): void;
/** Interface name, addresses, routes, DNS servers and MTU of a network. @since 8 */
export function getConnectionProperties(netHandle: NetHandle): Promise<ConnectionProperties>;
export function getConnectionProperties(...args: unknown[]): Promise<ConnectionProperties> | undefined {
  return deliver(args, 1, (handle) => propertiesOf(netOf(readHandle(handle))));
}

/**
 * Interface name, addresses, routes, DNS servers and MTU of a network.
 * @throws {BusinessError} 401 - Parameter error.
 * @throws {BusinessError} 2100001 - Invalid parameter value (no such network).
 * @since 10
 */
export function getConnectionPropertiesSync(netHandle: NetHandle): ConnectionProperties {
  return runSync(() => propertiesOf(netOf(readHandle(netHandle))));
}

/**
 * Every address of `host`, from the system resolver.
 * @throws {BusinessError} 401 - Parameter error.
 * @throws {BusinessError} 2100003 - The name could not be resolved.
 * @since 8
 */
export function getAddressesByName(host: string, callback: AsyncCallback<NetAddress[]>): void;
/** Every address of `host`, from the system resolver. @since 8 */
export function getAddressesByName(host: string): Promise<NetAddress[]>;
export function getAddressesByName(...args: unknown[]): Promise<NetAddress[]> | undefined {
  return deliver(args, 1, (host) => resolveAll(host));
}

/**
 * The addresses of `host` in one family, from the system resolver.
 * @throws {BusinessError} 2100003 - The name could not be resolved.
 * @since 23
 */
export function getAddressesByNameWithOptions(host: string, option?: QueryOptions): Promise<NetAddress[]> {
  return deliver([host, option], 2, (h, o) => resolveAll(h, (o as QueryOptions | undefined)?.family)) as Promise<NetAddress[]>;
}

function convert(host: unknown, to: (domain: string) => string): string {
  return runSync(() => {
    if (typeof host !== 'string') throw connectionError(PARAMETER_ERROR);
    const out = to(host);
    if (out === '' && host !== '') throw connectionError(INVALID_VALUE);
    return out;
  });
}

/**
 * The ASCII (punycode) form of an internationalized domain name, by UTS #46 as Node's URL parser does.
 * `flag` is accepted; Node has one conversion profile.
 * @throws {BusinessError} 2100001 - Not a valid domain name.
 * @since 23
 */
export function getDnsAscii(host: string, flag?: ConversionProcess): string;
export function getDnsAscii(host: string): string {
  return convert(host, domainToASCII);
}

/**
 * The Unicode form of a (punycode) domain name, by UTS #46 as Node's URL parser does.
 * @throws {BusinessError} 2100001 - Not a valid domain name.
 * @since 23
 */
export function getDnsUnicode(host: string, flag?: ConversionProcess): string;
export function getDnsUnicode(host: string): string {
  return convert(host, domainToUnicode);
}
