// TLS settings of a pool (spec §6): trust (default roots + caPath/caData), client certificate, version range and
// ciphers in one SecureContext built when the pool is created; and the checks curl makes on each new connection:
// chain and host (or the app's validation callback, or none), then the pinned public key.
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type * as Tls from 'node:tls';
import { createRequire } from 'node:module';
import type { ValidationCallback } from '../api/types.js';
import { CodedFailure } from '../errors/business-error.js';
import type { TlsPlan } from '../options/plan.js';

/** Device cipher-suite names → OpenSSL names (TLS 1.3 suites keep their names and go to the 1.3 list). */
const OPENSSL_CIPHERS: Readonly<Record<string, string>> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_RSA_WITH_AES_128_CBC_SHA: 'AES128-SHA',
  TLS_RSA_WITH_AES_256_CBC_SHA: 'AES256-SHA',
  TLS_RSA_WITH_3DES_EDE_CBC_SHA: 'DES-CBC3-SHA',
};
const TLS13_SUITES = new Set(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']);
const VERSION_NAMES = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
/** OpenSSL verification results that only say "the chain does not end at a trust anchor". */
const NO_ANCHOR = new Set([
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
/** The device gives a validation callback 30 s before the handshake is refused. */
const CALLBACK_TIMEOUT = 30_000;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/** What a pool's connector needs for its TLS connections. */
export interface TlsSetup {
  readonly context: Tls.SecureContext;
  /** SNI to send instead of the URL host (never an IP address). */
  readonly servername: string | undefined;
  /** CA certificates added to the default trust: the anchors a partial chain may end at. */
  readonly extraCas: readonly X509Certificate[];
  readonly plan: TlsPlan;
}

function pemBlocks(text: string): string[] {
  return text.match(PEM_BLOCK) ?? [];
}

/** Certificates that parse; the rest are dropped. */
function parsed(pems: readonly string[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const pem of pems) {
    try {
      out.push(new X509Certificate(pem));
    } catch {
      // Not a certificate OpenSSL can read: it adds no trust.
    }
  }
  return out;
}

/** caPath: a PEM file, or a directory whose regular files are read as PEM. Missing or unreadable: ignored (device). */
function caPathCerts(path: string | undefined): X509Certificate[] {
  if (path === undefined) return [];
  const pems: string[] = [];
  const readInto = (file: string): void => {
    try {
      if (statSync(file).isFile()) pems.push(...pemBlocks(readFileSync(file, 'latin1')));
    } catch {
      // ignored, as the device ignores a caPath it cannot load
    }
  };
  try {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) readInto(join(path, name));
    else readInto(path);
  } catch {
    // missing caPath: ignored
  }
  return parsed(pems);
}

/** caData must hold at least one certificate and nothing unreadable: else curl's 77, as on the device. */
function caDataCerts(data: string | undefined): X509Certificate[] {
  if (data === undefined) return [];
  const blocks = pemBlocks(data);
  const certs = parsed(blocks);
  if (blocks.length === 0 || certs.length !== blocks.length) {
    throw new CodedFailure('caData is not a PEM certificate', { curl: 77 });
  }
  return certs;
}

let nodeExtra: string[] | undefined;

/** Passing `ca` replaces Node's store, NODE_EXTRA_CA_CERTS included: those certificates are added back. */
function nodeExtraCas(): string[] {
  if (nodeExtra === undefined) {
    const file = process.env.NODE_EXTRA_CA_CERTS;
    nodeExtra = [];
    if (file !== undefined && file !== '') {
      try {
        nodeExtra = pemBlocks(readFileSync(file, 'latin1'));
      } catch {
        // Node itself only warns about an unreadable file.
      }
    }
  }
  return nodeExtra;
}

/**
 * The certificates Node trusts without options: `tls.getCACertificates('default')` where Node has it (it follows
 * --use-system-ca/--use-openssl-ca too); before that, the bundled roots plus NODE_EXTRA_CA_CERTS.
 */
function defaultStore(): readonly string[] {
  const lib = tlsLib() as typeof Tls & { getCACertificates?: (type?: string) => string[] };
  return typeof lib.getCACertificates === 'function' ? lib.getCACertificates('default') : [...lib.rootCertificates, ...nodeExtraCas()];
}

function readCertFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CodedFailure(`cannot read client certificate file ${path}`, { curl: 58 }, err);
  }
}

function clientCertOptions(plan: TlsPlan): Tls.SecureContextOptions {
  const c = plan.clientCert;
  if (c === undefined) return {};
  const passphrase = c.keyPassword === '' ? undefined : c.keyPassword;
  const withPass = passphrase === undefined ? {} : { passphrase };
  if (c.certType === 'P12') return { pfx: readCertFile(c.certPath), ...withPass };
  let cert: Buffer | string = readCertFile(c.certPath);
  if (c.certType === 'DER') {
    try {
      cert = new X509Certificate(cert).toString();
    } catch (err) {
      throw new CodedFailure('client certificate is not DER', { curl: 58 }, err);
    }
  }
  // curl: without a key file the key is looked for in the certificate file.
  const key = c.keyPath === '' ? cert : readCertFile(c.keyPath);
  return { cert, key, ...withPass };
}

/** Default TLS 1.2 list (Node's), for a TlsConfig that names only TLS 1.3 suites, and vice versa. */
// node:tls is needed only by pools with TLS options: load it then, not at import.
let tlsModule: typeof Tls | undefined;
function tlsLib(): typeof Tls {
  return (tlsModule ??= createRequire(import.meta.url)('node:tls') as typeof Tls);
}
let defaults: { v13: string[]; v12: string[] } | undefined;
function defaultSuites(): { v13: string[]; v12: string[] } {
  if (defaults === undefined) {
    const all = tlsLib().DEFAULT_CIPHERS.split(':');
    defaults = { v13: all.filter((s) => s.startsWith('TLS_')), v12: all.filter((s) => !s.startsWith('TLS_')) };
  }
  return defaults;
}

/** curl's split: TLS 1.3 suites to the 1.3 list, the others mapped to OpenSSL names; unknown names dropped. */
function cipherList(names: readonly string[]): string | undefined {
  const v13 = names.filter((n) => TLS13_SUITES.has(n));
  const v12 = names.map((n) => OPENSSL_CIPHERS[n]).filter((n): n is string => n !== undefined);
  if (v13.length === 0 && v12.length === 0) return undefined;
  return [...(v13.length > 0 ? v13 : defaultSuites().v13), ...(v12.length > 0 ? v12 : defaultSuites().v12)].join(':');
}

function versionOptions(plan: TlsPlan): Tls.SecureContextOptions {
  if (plan.versions === undefined) return {};
  const [min, max] = plan.versions;
  const options: Tls.SecureContextOptions = {
    minVersion: VERSION_NAMES[min - 4],
    maxVersion: VERSION_NAMES[max - 4],
  };
  const ciphers = cipherList(plan.cipherSuites);
  if (ciphers !== undefined) {
    try {
      tlsLib().createSecureContext({ ciphers });
    } catch (err) {
      throw new CodedFailure('no usable cipher in tlsOptions.cipherSuites', { curl: 59 }, err);
    }
    options.ciphers = ciphers;
  }
  return options;
}

/** Builds a pool's TLS context. Throws curl's codes: 77 (caData), 58 (client certificate), 59 (ciphers). */
export function tlsSetup(plan: TlsPlan): TlsSetup {
  const extraCas = [...caPathCerts(plan.caPath), ...caDataCerts(plan.caData)];
  const options: Tls.SecureContextOptions & { allowPartialTrustChain?: boolean } = {
    ...versionOptions(plan),
    // Node >= 22.9 applies OpenSSL's X509_V_FLAG_PARTIAL_CHAIN itself; older Node ignores the key and
    // verifyPeer() checks partial chains by hand.
    allowPartialTrustChain: plan.partialChain,
  };
  // The store is always spelled out: Node's default store differs by version once a context option such as
  // allowPartialTrustChain is set (Node 20 then leaves NODE_EXTRA_CA_CERTS out). Trust is the same everywhere:
  // the bundled roots, NODE_EXTRA_CA_CERTS, then caPath/caData.
  options.ca = [...defaultStore(), ...extraCas.map((c) => c.toString())];
  const clientOptions = clientCertOptions(plan);
  let context: Tls.SecureContext;
  try {
    context = tlsLib().createSecureContext({ ...options, ...clientOptions });
  } catch (err) {
    // Versions and ciphers were checked above: what is left is the client certificate or its key.
    throw new CodedFailure('client certificate or key unusable', { curl: 58 }, err);
  }
  const servername = plan.sni !== undefined && isIP(plan.sni) === 0 ? plan.sni : undefined;
  return { context, servername, extraCas, plan };
}

// ---- per-connection checks ------------------------------------------------------------------------

function chainOf(socket: Tls.TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  // Node gives `{}` without a peer certificate, and may end the chain without an issuer.
  type Link = Partial<Tls.DetailedPeerCertificate> | undefined;
  let cert: Link = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert?.raw !== undefined && cert.fingerprint256 !== undefined && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(new X509Certificate(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

function inDate(cert: X509Certificate, now: number): boolean {
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}

/**
 * X509_V_FLAG_PARTIAL_CHAIN by hand (Node < 22.9): accept when a certificate of the presented chain — the leaf
 * included — is one of the added CAs, and every link below it is correctly signed and in date.
 */
function partialChainTrusted(socket: Tls.TLSSocket, anchors: readonly X509Certificate[]): boolean {
  if (anchors.length === 0) return false;
  const chain = chainOf(socket);
  const now = Date.now();
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i] as X509Certificate;
    if (!inDate(cert, now)) return false;
    if (anchors.some((a) => a.fingerprint256 === cert.fingerprint256)) return true;
    const issuer = chain[i + 1];
    if (issuer === undefined || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return false;
  }
  return false;
}

function systemCheck(setup: TlsSetup, socket: Tls.TLSSocket, host: string): void {
  if (!socket.authorized) {
    const reason = String(socket.authorizationError);
    const partial = setup.plan.partialChain && NO_ANCHOR.has(reason) && partialChainTrusted(socket, setup.extraCas);
    if (!partial) {
      throw new CodedFailure(`server certificate not trusted: ${reason}`, { curl: 60 }, Object.assign(new Error(reason), { code: reason }));
    }
  }
  const mismatch = tlsLib().checkServerIdentity(host, socket.getPeerCertificate());
  if (mismatch !== undefined) throw new CodedFailure('server certificate does not match the host', { curl: 60 }, mismatch);
}

async function callbackCheck(callback: ValidationCallback, socket: Tls.TLSSocket, host: string): Promise<void> {
  const context = {
    host,
    ip: socket.remoteAddress ?? '',
    pemCerts: chainOf(socket).map((c) => c.toString()),
    x509Certs: [],
  };
  let timer: NodeJS.Timeout | undefined;
  let accepted: unknown;
  try {
    accepted = await Promise.race([
      Promise.resolve(callback(context)),
      new Promise((resolve) => (timer = setTimeout(resolve, CALLBACK_TIMEOUT, false))),
    ]);
  } catch (err) {
    throw new CodedFailure('remoteValidation callback threw', { curl: 60 }, err);
  } finally {
    clearTimeout(timer);
  }
  if (accepted !== true) throw new CodedFailure('remoteValidation callback refused the server', { curl: 60 });
}

function pinCheck(pins: readonly string[], socket: Tls.TLSSocket): void {
  if (pins.length === 0) return;
  const key = socket.getPeerCertificate().pubkey as Buffer | undefined;
  const hash = key === undefined ? '' : createHash('sha256').update(key).digest('base64');
  if (!pins.includes(hash)) throw new CodedFailure(`public key sha256//${hash} is not pinned`, { curl: 90 });
}

/**
 * curl's checks on a new TLS connection (the socket was opened without Node's own verification):
 * chain + host name ('system'), the app's callback, or nothing ('skip'); then the pins, which apply even
 * when verification is skipped. Throws (or rejects with) a CodedFailure carrying curl's code.
 */
export function verifyPeer(setup: TlsSetup, socket: Tls.TLSSocket, host: string): Promise<void> | undefined {
  const { validation, pins } = setup.plan;
  if (typeof validation === 'function') {
    return callbackCheck(validation, socket, host).then(() => {
      pinCheck(pins, socket);
    });
  }
  if (validation === 'system') systemCheck(setup, socket, host);
  pinCheck(pins, socket);
  return undefined;
}
