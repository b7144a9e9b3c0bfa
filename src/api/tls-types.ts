/**
 * Certificate and TLS types of `@ohos.net.http` (client certificates, pinning, cipher suites,
 * TLS versions, server authentication, custom server-certificate checks). Re-exported by types.ts.
 * @module
 */

import type { CertType, TlsVersion } from './enums.js';
import type { X509Cert as X509CertShape } from './x509-types.js';

// ---------------------------------------------------------------------------------------------
// Certificates and TLS
// ---------------------------------------------------------------------------------------------

/** A client certificate and its private key, given as file paths. @since 11 */
export interface ClientCert {
  /** Path of the certificate file. @since 11 */
  certPath: string;
  /** Encoding of the certificate file. Default: `PEM`. @since 11 */
  certType?: CertType;
  /** Path of the private key file. @since 11 */
  keyPath: string;
  /** Passphrase of the private key. Default: `''`. @since 11 */
  keyPassword?: string;
}

/** One pinned public key of the server. (The device declares this type without exporting it.) @since 12 */
export interface CertificatePinning {
  /** Base64 SHA-256 hash of the server's public key (SPKI). @since 12 */
  publicKeyHash: string;
  /** Hash algorithm; only `'SHA-256'` exists. @since 12 */
  hashAlgorithm: 'SHA-256';
}

/** TLS 1.3-only cipher suites. @since 18 */
export type TlsV13SpecificCipherSuite =
  | 'TLS_AES_128_GCM_SHA256'
  | 'TLS_AES_256_GCM_SHA384'
  | 'TLS_CHACHA20_POLY1305_SHA256';

/** Cipher suites that need TLS 1.2 or later. @since 18 */
export type TlsV12SpecificCipherSuite =
  | 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'
  | 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'
  | 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'
  | 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'
  | 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'
  | 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'
  | 'TLS_RSA_WITH_AES_128_GCM_SHA256'
  | 'TLS_RSA_WITH_AES_256_GCM_SHA384';

/** Cipher suites usable from TLS 1.0 on. @since 18 */
export type TlsV10SpecificCipherSuite =
  | 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA'
  | 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'
  | 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA'
  | 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA'
  | 'TLS_RSA_WITH_AES_128_CBC_SHA'
  | 'TLS_RSA_WITH_AES_256_CBC_SHA'
  | 'TLS_RSA_WITH_3DES_EDE_CBC_SHA';

/** Every suite a TLS 1.0 connection may use. @since 18 */
export type TlsV10CipherSuite = TlsV10SpecificCipherSuite;
/** Every suite a TLS 1.1 connection may use (same as 1.0). @since 18 */
export type TlsV11CipherSuite = TlsV10CipherSuite;
/** Every suite a TLS 1.2 connection may use. @since 18 */
export type TlsV12CipherSuite = TlsV11CipherSuite | TlsV12SpecificCipherSuite;
/** Every suite a TLS 1.3 connection may use. @since 18 */
export type TlsV13CipherSuite = TlsV12CipherSuite | TlsV13SpecificCipherSuite;
/** Any supported cipher suite name. @since 18 */
export type CipherSuite = TlsV13CipherSuite;

/** Explicit TLS version range and cipher list. @since 18 */
export interface TlsConfig {
  /** Lowest TLS version allowed. @since 18 */
  tlsVersionMin: TlsVersion;
  /** Highest TLS version allowed. @since 18 */
  tlsVersionMax: TlsVersion;
  /** Cipher suites to offer. Unset: all supported ones. @since 18 */
  cipherSuites?: CipherSuite[];
}

/** TLS settings: `'system'` (default) or an explicit {@link TlsConfig}. @since 18 */
export type TlsOptions = 'system' | TlsConfig;

/** How the server proves its identity at the HTTP level. @since 18 */
export type AuthenticationType = 'basic' | 'ntlm' | 'digest';

/** User name and password sent for server authentication. @since 18 */
export interface Credential {
  /** User name. @since 18 */
  username: string;
  /** Password. @since 18 */
  password: string;
}

/** HTTP authentication to the server. Not used by default. @since 18 */
export interface ServerAuthentication {
  /** Credentials to send. @since 18 */
  credential: Credential;
  /** Scheme to use. Unset: negotiated with the server. @since 18 */
  authenticationType?: AuthenticationType;
}

/**
 * An X.509 certificate object as the device declares it (`cert.X509Cert` of `@ohos.security.cert`).
 * This package never creates one: `ValidationContext.x509Certs` is always empty, as on the device.
 * @since 26.0.0
 */
export type X509Cert = X509CertShape;

/** What a {@link ValidationCallback} is told about the server. @since 26.0.0 */
export interface ValidationContext {
  /** The server's certificate chain, each certificate as PEM text. @since 26.0.0 */
  pemCerts: string[];
  /** The same chain as certificate objects (always empty here). @since 26.0.0 */
  x509Certs: X509Cert[];
  /** Host name of the request. @since 26.0.0 */
  host: string;
  /** IP address actually connected to. @since 26.0.0 */
  ip: string;
}

/** Custom server certificate check: return (or resolve to) `true` to accept. @since 26.0.0 */
export type ValidationCallback = (context: ValidationContext) => boolean | Promise<boolean>;

/**
 * How the server certificate is checked: `'system'` (default, system CAs), `'skip'` (no check),
 * or a custom {@link ValidationCallback} (since 26.0.0). @since 18
 */
export type RemoteValidation = 'system' | 'skip' | ValidationCallback;
