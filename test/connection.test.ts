// `connection` on Node.js: the provided members against this machine's facts as the system tools report
// them (`ip`, /sys, node:os, node:dns), the rest failing with code 801; and the kit under the register hook.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { getServers } from 'node:dns';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { promisify } from 'node:util';
import connection, { type NetHandle } from 'ohos-net-http/connection';
import * as kit from 'ohos-net-http/kit';
import { OFFICIAL_CONNECTION_ENUM_VALUES, OFFICIAL_CONNECTION_FUNCTIONS, OFFICIAL_KIT_EXPORTS } from './helpers/official-connection.js';
import { repoRoot, startHttp, type TestServer } from './helpers/servers.js';

const run = promisify(execFile);

/** The machine's networks as node:os lists them: non-loopback interfaces with an address. */
const interfaces = Object.entries(networkInterfaces()).filter(([, list]) => (list ?? []).some((a) => !a.internal));

/** The default route's device as `ip` reports it (undefined: no default route; null: no `ip` tool). */
async function defaultRouteDevice(): Promise<string | undefined | null> {
  try {
    for (const family of ['-4', '-6']) {
      const { stdout } = await run('ip', ['-j', family, 'route', 'show', 'default']);
      const [route] = JSON.parse(stdout) as { dev?: string }[];
      if (route?.dev !== undefined) return route.dev;
    }
    return undefined;
  } catch {
    return null;
  }
}

function sysNumber(iface: string, file: string): number | undefined {
  try {
    const n = Number.parseInt(readFileSync(`/sys/class/net/${iface}/${file}`, 'utf8'), 10);
    return n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

let device: string | undefined | null;
before(async () => {
  device = await defaultRouteDevice();
});

describe('connection: the default network', () => {
  it('getDefaultNetSync names the interface of the default route (netId 100 + its position), 0 without one', (t) => {
    if (device === null) return t.skip('no `ip` tool to tell the default route');
    const handle = connection.getDefaultNetSync();
    if (device === undefined) {
      assert.equal(handle.netId, 0);
      return;
    }
    assert.equal(handle.netId, 100 + interfaces.findIndex(([name]) => name === device));
  });

  it('hasDefaultNet(Sync) tells whether a default route exists', async (t) => {
    if (device === null) return t.skip('no `ip` tool to tell the default route');
    assert.equal(connection.hasDefaultNetSync(), device !== undefined);
    assert.equal(await connection.hasDefaultNet(), device !== undefined);
    const viaCallback = await new Promise((resolve) => {
      connection.hasDefaultNet((err, has) => resolve([err, has]));
    });
    assert.deepEqual(viaCallback, [undefined, device !== undefined]);
  });

  it('getDefaultNet gives the same network by promise and by callback, later than the call', async () => {
    const sync = connection.getDefaultNetSync().netId;
    assert.equal((await connection.getDefaultNet()).netId, sync);
    let returned = false;
    const viaCallback = await new Promise<[unknown, number]>((resolve) => {
      connection.getDefaultNet((err, net) => resolve([err, net.netId]));
      returned = true;
    });
    assert.ok(returned);
    assert.deepEqual(viaCallback, [undefined, sync]);
  });

  it('getAllNets lists one network per non-loopback interface with an address', async () => {
    const expected = interfaces.map((_, i) => 100 + i);
    assert.deepEqual(connection.getAllNetsSync().map((n) => n.netId), expected);
    assert.deepEqual((await connection.getAllNets()).map((n) => n.netId), expected);
  });
});

describe('connection: facts of one network', () => {
  const all = (): NetHandle[] => connection.getAllNetsSync();

  it('getConnectionProperties: interface name, every address with its prefix, DNS servers, MTU', async () => {
    for (const handle of all()) {
      const props = await connection.getConnectionProperties(handle);
      const entry = interfaces[handle.netId - 100];
      assert.ok(entry);
      const [name, list] = entry;
      assert.equal(props.interfaceName, name);
      assert.deepEqual(
        props.linkAddresses.map((l) => `${l.address.address}/${l.prefixLength}`).sort(),
        (list ?? []).filter((a) => !a.internal).map((a) => a.cidr).sort(),
      );
      assert.deepEqual(props.dnses.map((d) => d.address), getServers().map((s) => s.replace(/^\[?([^\]]+?)\]?(:\d+)?$/, '$1')));
      assert.equal(props.mtu, sysNumber(name, 'mtu') ?? 0);
      assert.deepEqual(connection.getConnectionPropertiesSync(handle), props);
    }
  });

  it('the default network has the default route and gateway that `ip route` shows', async (t) => {
    if (device === null || device === undefined) return t.skip('no default route known');
    const { stdout } = await run('ip', ['-j', '-4', 'route', 'show', 'default']);
    const [route] = JSON.parse(stdout) as { gateway?: string; dev?: string }[];
    const props = connection.getConnectionPropertiesSync(connection.getDefaultNetSync());
    const defaults = props.routes.filter((r) => r.isDefaultRoute);
    assert.ok(defaults.length > 0);
    if (route?.gateway !== undefined) {
      assert.ok(defaults.some((r) => r.gateway.address === route.gateway && r.hasGateway && r.interface === device), JSON.stringify(defaults));
    }
  });

  it('getNetCapabilities: INTERNET on the default network only, one bearer, link speed from the system', async () => {
    const defaultId = connection.getDefaultNetSync().netId;
    for (const handle of all()) {
      const caps = await connection.getNetCapabilities(handle);
      const name = interfaces[handle.netId - 100]?.[0] ?? '';
      assert.equal(caps.networkCap?.includes(connection.NetCap.NET_CAPABILITY_INTERNET), handle.netId === defaultId);
      assert.ok(!caps.networkCap?.includes(connection.NetCap.NET_CAPABILITY_VALIDATED), 'no probe, no VALIDATED');
      assert.equal(caps.bearerTypes.length, 1);
      const speed = sysNumber(name, 'speed');
      assert.equal(caps.linkDownBandwidthKbps, speed === undefined ? undefined : speed * 1000);
      assert.deepEqual(connection.getNetCapabilitiesSync(handle), caps);
    }
  });

  it('a handle of no network is refused with 2100001, a non-handle with 401, by every form', async () => {
    const none = { netId: 99999 } as NetHandle;
    await assert.rejects(connection.getNetCapabilities(none), (e: unknown) => {
      assert.deepEqual({ ...(e as object) }, { code: 2100001, message: 'Invalid parameter value.' });
      return true;
    });
    assert.throws(() => connection.getConnectionPropertiesSync(none), { code: 2100001 });
    assert.throws(() => connection.getNetCapabilitiesSync('x' as unknown as NetHandle), { code: 401 });
    const viaCallback = await new Promise<unknown>((resolve) => {
      connection.getConnectionProperties(null as unknown as NetHandle, (err) => resolve(err));
    });
    assert.deepEqual(viaCallback, { code: 401, message: 'Parameter error.' });
  });
});

describe('connection: names', () => {
  it('getAddressesByName answers what the system resolver answers', async () => {
    const expected = (await lookup('localhost', { all: true, order: 'verbatim' })).map((a) => ({ address: a.address, family: a.family === 6 ? 2 : 1 }));
    assert.deepEqual(await connection.getAddressesByName('localhost'), expected);
    const handle = connection.getDefaultNetSync();
    assert.deepEqual(await handle.getAddressesByName('localhost'), expected);
    assert.deepEqual(await handle.getAddressByName('localhost'), expected[0]);
    const v4 = await connection.getAddressesByNameWithOptions('localhost', { family: connection.FamilyType.FAMILY_TYPE_IPV4 });
    assert.deepEqual(v4, expected.filter((a) => a.family === 1));
  });

  it('a name that does not resolve fails with 2100003, a non-string with 401', async () => {
    await assert.rejects(connection.getAddressesByName('no-such-host.invalid'), { code: 2100003 });
    await assert.rejects(connection.getAddressesByName(42 as unknown as string), { code: 401 });
  });

  it('getDnsAscii and getDnsUnicode convert as UTS #46 does', () => {
    assert.equal(connection.getDnsAscii('bücher.example'), domainToASCII('bücher.example'));
    assert.equal(connection.getDnsUnicode('xn--bcher-kva.example'), 'bücher.example');
    assert.throws(() => connection.getDnsAscii('xn--a.b\u0000'), { code: 2100001 });
  });
});

describe('connection: the rest of the SDK', () => {
  it('has every SDK function; the ones without a Node counterpart throw 801 naming themselves', () => {
    const members = connection as unknown as Record<string, unknown>;
    for (const { name, provided } of OFFICIAL_CONNECTION_FUNCTIONS) {
      const fn = members[name];
      assert.equal(typeof fn, 'function', name);
      if (provided) continue;
      assert.throws(() => (fn as () => unknown)(), (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.equal((e as Error & { code: number }).code, 801);
        assert.equal(e.message, `Capability not supported: connection.${name} is not available on Node.js (ohos-net-http)`);
        return true;
      }, name);
    }
    assert.throws(() => connection.getDefaultNetSync().bindSocket({}), { code: 801, message: /NetHandle\.bindSocket is not available on Node\.js/ });
  });

  it('has every SDK enum with the device values, frozen', () => {
    for (const [name, values] of Object.entries(OFFICIAL_CONNECTION_ENUM_VALUES)) {
      const value = (connection as unknown as Record<string, unknown>)[name];
      assert.deepEqual({ ...(value as object) }, values, name);
      assert.ok(Object.isFrozen(value), `${name} is frozen`);
    }
  });

  it('the kit exports every SDK module; the absent ones throw 801 on any member read', () => {
    assert.deepEqual(Object.keys(kit).sort(), [...OFFICIAL_KIT_EXPORTS].sort());
    assert.equal(kit.connection.getDefaultNetSync, connection.getDefaultNetSync);
    assert.throws(() => (kit.webSocket as Record<string, unknown>).createWebSocket, {
      code: 801,
      message: 'Capability not supported: webSocket.createWebSocket is not available on Node.js (ohos-net-http)',
    });
    for (const name of OFFICIAL_KIT_EXPORTS.filter((n) => n !== 'http' && n !== 'connection')) {
      assert.throws(() => (kit as unknown as Record<string, Record<string, unknown>>)[name]?.anything, { code: 801 }, name);
    }
  });
});

describe('connection under ohos-net-http/register', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startHttp((_req, res) => res.end('kit ok'));
    dir = await mkdtemp(join(tmpdir(), 'ohos-kit-'));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("links `import { http, connection } from '@kit.NetworkKit'` and every module name the kit re-exports", async () => {
    const app = join(dir, 'app.mjs');
    await writeFile(app, `
      import { http, connection, webSocket } from '@kit.NetworkKit';
      import conn from '@ohos.net.connection';
      import ws from '@ohos.net.webSocket';
      import socket from '@ohos.net.socket';
      import VpnExtensionAbility, { VpnExtensionContext } from '@ohos.app.ability.VpnExtensionAbility';
      ${['ethernet', 'mdns', 'policy', 'sharing', 'statistics', 'vpn', 'vpnExtension', 'networkSecurity', 'eap', 'netFirewall']
        .map((m, i) => `import m${i} from '@ohos.net.${m}';`).join('\n')}
      const res = await http.createHttp().request(${JSON.stringify(server.url)});
      const codeOf = (f) => { try { f(); return 'none'; } catch (e) { return e.code; } };
      console.log(JSON.stringify({
        result: res.result,
        sameConnection: conn.getDefaultNetSync === connection.getDefaultNetSync,
        netId: connection.getDefaultNetSync().netId,
        absent: [codeOf(() => ws.createWebSocket), codeOf(() => webSocket.createWebSocket), codeOf(() => socket.constructTCPSocketInstance),
          codeOf(() => VpnExtensionAbility.prototype), codeOf(() => VpnExtensionContext.x), codeOf(() => m0.getIfaceConfig)],
      }));
    `);
    const { stdout } = await run(process.execPath, ['--import', 'ohos-net-http/register', app], { cwd: repoRoot });
    assert.deepEqual(JSON.parse(stdout), {
      result: 'kit ok',
      sameConnection: true,
      netId: connection.getDefaultNetSync().netId,
      absent: [801, 801, 801, 801, 801, 801],
    });
  });
});
