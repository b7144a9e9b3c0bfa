// Which proxy a hop goes through (spec §5, decisions.md "System / default proxy"):
//  - a proxy from the options or from configure(): the device's exclusion rules on the request URL;
//  - otherwise the environment, read as curl reads it (http_proxy, HTTPS_PROXY, ALL_PROXY, NO_PROXY).
import { BlockList, isIP } from 'node:net';
import type { HttpProxy } from '../api/types.js';
import { settings } from '../config.js';
import type { DeviceProxy, ProxyPlan, TransportPlan } from '../options/plan.js';
import { httpProxyOf, proxyPlanOf } from '../options/transport.js';
import type { TargetUrl } from '../options/url.js';

// ---- the device's exclusion list (netstack IsHostNameExcluded) -----------------------------------------

const PATTERN = /^[A-Za-z0-9\-_.*]+$/;
const patternCache = new Map<string, RegExp>();

/** The host as the device cuts it from the URL text: after `://` and any slashes, up to `:`, `/` or `?`. */
function deviceHost(url: string): string {
  const scheme = url.indexOf('://');
  let rest = scheme < 0 ? url : url.slice(scheme + 3);
  rest = rest.replace(/^\/+/, '');
  const end = rest.search(/[:/?]/);
  return end < 0 ? rest : rest.slice(0, end);
}

function entryMatches(entry: string, host: string): boolean {
  if (entry === '*') return true;
  if (!PATTERN.test(entry)) return entry === host;
  let re = patternCache.get(entry);
  if (re === undefined) {
    re = new RegExp(`^${entry.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
    if (patternCache.size < 1000) patternCache.set(entry, re);
  }
  return re.test(host);
}

/**
 * Device rules, kept as they are: case-sensitive whole-host match; `*` is a wildcard inside an entry made of
 * [A-Za-z0-9-_.*], so `*.example.com` matches `a.example.com` but not `example.com`; `*` alone matches all.
 */
export function excludedByDevice(url: string, exclusions: readonly string[]): boolean {
  if (exclusions.length === 0) return false;
  const host = deviceHost(url);
  return exclusions.some((e) => entryMatches(e, host));
}

// ---- the environment, as curl reads it ------------------------------------------------------------

interface NoProxyRule {
  readonly name: string | undefined;
  readonly block: BlockList | undefined;
}

interface EnvProxies {
  readonly http: ProxyPlan | undefined;
  readonly https: ProxyPlan | undefined;
  readonly all: boolean;
  readonly rules: readonly NoProxyRule[];
}

function envValue(...names: string[]): string | undefined {
  for (const name of names) {
    const v = process.env[name];
    if (v !== undefined && v.trim() !== '') return v;
  }
  return undefined;
}

/** A NO_PROXY entry: a name (suffix match on a label boundary, leading dot ignored) or an IP / CIDR block. */
function noProxyRule(token: string): NoProxyRule | undefined {
  const t = token.replace(/^\[|\](?=\/|$)/g, '');
  const [addr = '', bits] = t.split('/');
  const family = isIP(addr);
  if (family !== 0) {
    const block = new BlockList();
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
    if (!Number.isInteger(prefix)) return undefined;
    block.addSubnet(addr, prefix, type);
    return { name: undefined, block };
  }
  const name = t.replace(/^\./, '').replace(/\.$/, '').toLowerCase();
  return name === '' ? undefined : { name, block: undefined };
}

/**
 * curl's variables: `http_proxy` (lower case only — curl ignores HTTP_PROXY), `https_proxy`/`HTTPS_PROXY`,
 * `all_proxy`/`ALL_PROXY` for either scheme, `no_proxy`/`NO_PROXY`. `null` when none is set.
 */
function readEnvironment(): EnvProxies | null {
  const all = envValue('all_proxy', 'ALL_PROXY');
  const http = envValue('http_proxy') ?? all;
  const https = envValue('https_proxy', 'HTTPS_PROXY') ?? all;
  if (http === undefined && https === undefined) return null;
  const noProxy = envValue('no_proxy', 'NO_PROXY') ?? '';
  const tokens = noProxy.split(/[\s,]+/).filter((t) => t !== '');
  return {
    http: http === undefined ? undefined : proxyPlanOf(http, 0),
    https: https === undefined ? undefined : proxyPlanOf(https, 0),
    all: tokens.includes('*'),
    rules: tokens.map(noProxyRule).filter((r): r is NoProxyRule => r !== undefined),
  };
}

let environment: EnvProxies | null | undefined;

/** Forgets what was read from the environment (configure() calls this; the next request reads it again). */
export function rereadProxyEnvironment(): void {
  environment = undefined;
}

function noProxyMatches(env: EnvProxies, hostname: string): boolean {
  if (env.all) return true;
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  const family = isIP(host);
  for (const rule of env.rules) {
    if (family !== 0) {
      if (rule.block?.check(host, family === 4 ? 'ipv4' : 'ipv6') === true) return true;
    } else if (rule.name !== undefined && (host === rule.name || host.endsWith(`.${rule.name}`))) {
      return true;
    }
  }
  return false;
}

function fromEnvironment(target: TargetUrl): ProxyPlan | undefined {
  // `null` (no proxy variables) is a cached answer too: test for undefined, not nullish.
  if (environment === undefined) environment = readEnvironment();
  const env = environment;
  if (env === null) return undefined;
  const proxy = target.secure ? env.https : env.http;
  return proxy === undefined || noProxyMatches(env, target.hostname) ? undefined : proxy;
}

// ---- the choice ----------------------------------------------------------------------------------

let parsedDefault: { readonly source: HttpProxy; readonly release: string; readonly proxy: DeviceProxy | 'none' } | undefined;

function configuredDefault(source: HttpProxy): DeviceProxy | 'none' {
  // The device release decides whether the proxy's credentials are used: parse again when it changes.
  const release = settings.deviceRelease;
  if (parsedDefault?.source !== source || parsedDefault.release !== release) {
    parsedDefault = { source, release, proxy: httpProxyOf(source as unknown as Record<string, unknown>) };
  }
  return parsedDefault.proxy;
}

function fromDevice(url: string, p: DeviceProxy | 'none'): ProxyPlan | undefined {
  // The device decides once, on the request URL as given (redirect hops keep that decision).
  return p === 'none' || excludedByDevice(url, p.exclusions) ? undefined : p.proxy;
}

/**
 * The proxy for this hop of the request whose URL (as given) is `url`, or undefined for a direct connection.
 * No allocation on the default path (no proxy option, none configured, none in the environment).
 */
export function proxyFor(transport: TransportPlan | undefined, url: string, target: TargetUrl): ProxyPlan | undefined {
  const choice = transport?.proxy ?? 'default';
  if (choice === 'none') return undefined;
  if (choice !== 'default') return fromDevice(url, choice);
  const configured = settings.defaultProxy;
  if (configured === null) return undefined;
  if (configured !== undefined) return fromDevice(url, configuredDefault(configured));
  return fromEnvironment(target);
}
