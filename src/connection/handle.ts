/**
 * `NetHandle`: one network by id. Name resolution goes through the system resolver (Node cannot bind a
 * lookup to one interface); binding sockets to a network does not exist on Node.
 * @module
 */

import { lookup } from 'node:dns/promises';
import type { NetAddress, NetHandle, QueryOptions } from '../api/connection-types.js';
import { FamilyType } from '../api/connection-enums.js';
import { unavailableFunction } from '../unavailable.js';
import { connectionError, deliver, INTERNAL_ERROR, readHost } from './call.js';

/** `connection` reports IPv4 as family 1 and IPv6 as family 2. */
export const FAMILY_IPV4 = 1;
export const FAMILY_IPV6 = 2;

/** All addresses of `host` from the system resolver, in its order. */
export async function resolveAll(host: unknown, family: unknown = FamilyType.FAMILY_TYPE_ALL): Promise<NetAddress[]> {
  const name = readHost(host);
  const ipFamily = family === FamilyType.FAMILY_TYPE_IPV4 ? 4 : family === FamilyType.FAMILY_TYPE_IPV6 ? 6 : 0;
  try {
    const found = await lookup(name, { all: true, family: ipFamily, order: 'verbatim' });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? FAMILY_IPV6 : FAMILY_IPV4 }));
  } catch (err) {
    throw connectionError(INTERNAL_ERROR, err);
  }
}

const bindSocket = unavailableFunction('NetHandle.bindSocket');

/** A network of this machine (or netId 0: none). */
export class NetHandleObject {
  netId: number;

  constructor(netId: number) {
    this.netId = netId;
  }

  /** Not available on Node.js: throws (code 801). */
  bindSocket(...args: unknown[]): never {
    return bindSocket(...args);
  }

  /** Every address of `host`. */
  getAddressesByName(...args: unknown[]): Promise<NetAddress[]> | undefined {
    return deliver(args, 1, (host) => resolveAll(host));
  }

  /** The addresses of `host` in one family (`option.family`). */
  getAddressesByNameWithOptions(host: unknown, option?: QueryOptions): Promise<NetAddress[]> {
    return deliver([host, option], 2, (h, o) => resolveAll(h, (o as QueryOptions | undefined)?.family)) as Promise<NetAddress[]>;
  }

  /** The first address of `host`. */
  getAddressByName(...args: unknown[]): Promise<NetAddress> | undefined {
    return deliver(args, 1, async (host) => {
      const [first] = await resolveAll(host);
      if (first === undefined) throw connectionError(INTERNAL_ERROR);
      return first;
    });
  }
}

/** A `NetHandle` for `netId` (the class's methods carry the device's overloads). */
export function netHandle(netId: number): NetHandle {
  return new NetHandleObject(netId) as unknown as NetHandle;
}
