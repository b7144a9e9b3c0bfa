/**
 * The X.509 certificate object of the device (`cert.X509Cert` from `@ohos.security.cert`), declared here
 * structurally so that `ValidationContext.x509Certs` matches the SDK's type both ways. This package has no
 * such object to hand out: `x509Certs` is always an empty array (the device passes none either); the
 * PEM text of each certificate is in `pemCerts`, and Node's `crypto.X509Certificate` reads it.
 * Enum-typed parameters are declared as `number` (the SDK's enums are numeric).
 * @module
 */

import type { AsyncCallback } from './base.js';

/** Bytes of a certificate field. @since 26.0.0 */
export interface CertDataBlob {
  /** The bytes. @since 26.0.0 */
  data: Uint8Array;
}

/** A list of byte strings (e.g. extended key usages). @since 26.0.0 */
export interface CertDataArray {
  /** The byte strings. @since 26.0.0 */
  data: Uint8Array[];
}

/** Encoded certificate data and its format (`0` DER, `1` PEM, `2` PKCS#7). @since 26.0.0 */
export interface CertEncodingBlob {
  /** The encoded bytes. @since 26.0.0 */
  data: Uint8Array;
  /** The encoding: `0` DER, `1` PEM, `2` PKCS#7. @since 26.0.0 */
  encodingFormat: 0 | 1 | 2;
}

/** An X.500 distinguished name (issuer or subject). @since 26.0.0 */
export interface CertX500DistinguishedName {
  /** The whole name as text. @since 26.0.0 */
  getName(): string;
  /** The whole name as text in the given encoding. @since 26.0.0 */
  // eslint-disable-next-line @typescript-eslint/unified-signatures -- device overloads
  getName(encodingType: number): string;
  /** The values of one attribute type, e.g. `'CN'`. @since 26.0.0 */
  getName(type: string): string[];
  /** The values of one attribute type in the given encoding. @since 26.0.0 */
  // eslint-disable-next-line @typescript-eslint/unified-signatures -- device overloads
  getName(type: string, encodingType: number): string[];
  /** The DER encoding of the name. @since 26.0.0 */
  getEncoded(): CertEncodingBlob;
}

/** The extensions of a certificate. @since 26.0.0 */
export interface CertExtensions {
  /** The DER encoding of the extensions. @since 26.0.0 */
  getEncoded(): CertEncodingBlob;
  /** The OIDs of all, the critical, or the non-critical extensions. @since 26.0.0 */
  getOidList(valueType: number): CertDataArray;
  /** One extension (whole entry, criticality, or value) by OID. @since 26.0.0 */
  getEntry(valueType: number, oid: CertDataBlob): CertDataBlob;
  /** The CA path length, `-1` when the certificate is no CA. @since 26.0.0 */
  checkCA(): number;
  /** Whether a critical extension is not understood. @since 26.0.0 */
  hasUnsupportedCriticalExtension(): boolean;
}

/** A public key as the device's crypto framework hands it out. @since 26.0.0 */
export interface CertPublicKey {
  /** The encoded key. @since 26.0.0 */
  getEncoded(): CertDataBlob;
  /** Key size in bits. @since 26.0.0 */
  getKeySize(): number;
  /** Encoding format name, e.g. `'X.509'`. @since 26.0.0 */
  readonly format: string;
  /** Algorithm name, e.g. `'RSA2048'`. @since 26.0.0 */
  readonly algName: string;
  /** One parameter of the key. @since 26.0.0 */
  getAsyKeySpec(itemType: number): bigint | string | number;
  /** The DER encoding in the given format. @since 26.0.0 */
  getEncodedDer(format: string): CertDataBlob;
  /** The PEM encoding in the given format. @since 26.0.0 */
  getEncodedPem(format: string): string;
  /** Raw key data of one kind. @since 26.0.0 */
  getKeyData(itemType: number): Promise<Uint8Array>;
  /** Raw key data of one kind, synchronously. @since 26.0.0 */
  getKeyDataSync(itemType: number): Uint8Array;
}

/** An X.509 certificate object. @since 26.0.0 */
export interface X509Cert {
  /** Check the signature with a public key. @since 26.0.0 */
  verify(key: CertPublicKey, callback: AsyncCallback<void>): void;
  /** Check the signature with a public key. @since 26.0.0 */
  verify(key: CertPublicKey): Promise<void>;
  /** The encoded certificate. @since 26.0.0 */
  getEncoded(callback: AsyncCallback<CertEncodingBlob>): void;
  /** The encoded certificate. @since 26.0.0 */
  getEncoded(): Promise<CertEncodingBlob>;
  /** The subject's public key. @since 26.0.0 */
  getPublicKey(): CertPublicKey;
  /** Throws unless the certificate is valid at `date` (`YYMMDDHHMMSSZ` or `YYYYMMDDHHMMSSZ`). @since 26.0.0 */
  checkValidityWithDate(date: string): void;
  /** X.509 version. @since 26.0.0 */
  getVersion(): number;
  /** Serial number as a number (small serials only). @since 26.0.0 */
  getSerialNumber(): number;
  /** Serial number. @since 26.0.0 */
  getCertSerialNumber(): bigint;
  /** Issuer name, DER. @since 26.0.0 */
  getIssuerName(): CertDataBlob;
  /** Issuer name as text. @since 26.0.0 */
  getIssuerName(encodingType: number): string;
  /** Subject name. @since 26.0.0 */
  getSubjectName(encodingType?: number): CertDataBlob;
  /** Start of validity. @since 26.0.0 */
  getNotBeforeTime(): string;
  /** End of validity. @since 26.0.0 */
  getNotAfterTime(): string;
  /** Signature bytes. @since 26.0.0 */
  getSignature(): CertDataBlob;
  /** Signature algorithm name. @since 26.0.0 */
  getSignatureAlgName(): string;
  /** Signature algorithm OID. @since 26.0.0 */
  getSignatureAlgOid(): string;
  /** Signature algorithm parameters. @since 26.0.0 */
  getSignatureAlgParams(): CertDataBlob;
  /** Key usage bits. @since 26.0.0 */
  getKeyUsage(): CertDataBlob;
  /** Extended key usages. @since 26.0.0 */
  getExtKeyUsage(): CertDataArray;
  /** Basic constraints path length. @since 26.0.0 */
  getBasicConstraints(): number;
  /** Subject alternative names. @since 26.0.0 */
  getSubjectAltNames(): CertDataArray;
  /** Issuer alternative names. @since 26.0.0 */
  getIssuerAltNames(): CertDataArray;
  /** One part of the certificate (TBS, public key, unique IDs, extensions). @since 26.0.0 */
  getItem(itemType: number): CertDataBlob;
  /** Whether the certificate matches the given criteria. @since 26.0.0 */
  match(param: object): boolean;
  /** CRL distribution points. @since 26.0.0 */
  getCRLDistributionPoint(): CertDataArray;
  /** Issuer as a distinguished-name object. @since 26.0.0 */
  getIssuerX500DistinguishedName(): CertX500DistinguishedName;
  /** Subject as a distinguished-name object. @since 26.0.0 */
  getSubjectX500DistinguishedName(): CertX500DistinguishedName;
  /** Text form of the certificate. @since 26.0.0 */
  toString(): string;
  /** Text form of the certificate in the given encoding. @since 26.0.0 */
  // eslint-disable-next-line @typescript-eslint/unified-signatures -- device overloads
  toString(encodingType: number): string;
  /** Hash of the DER encoding. @since 26.0.0 */
  hashCode(): Uint8Array;
  /** The extensions as an object. @since 26.0.0 */
  getExtensionsObject(): CertExtensions;
}
