import type { HttpRequestOptions, ValidationCallback } from '../api/types.js';

/** Everything the transport needs for one request, decided once, up front, and read-only from then on. */
export interface RequestPlan {
  /** The URL as given plus the query built from extraData / queryParams (scheme not yet guessed). */
  readonly url: string;
  /** The method string on the wire ('' means curl's default: POST with a body, else GET). */
  readonly method: string;
  /** Lowercased request headers including the library defaults. */
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  /** The content-type was added by us for the body (curl drops it with the body on 301–303). */
  readonly defaultContentType: boolean;
  /** Total transfer timeout in ms; 0 = none. */
  readonly readTimeout: number;
  /** Connection timeout in ms (never 0: 0 became curl's 300 s). */
  readonly connectTimeout: number;
  /** Largest buffered body for request(); 0 fails every non-empty body. */
  readonly maxLimit: number;
  readonly maxRedirects: number;
  readonly expectDataType: 0 | 1 | 2 | undefined;
  readonly usingCache: boolean;
  readonly priority: number;
  readonly usingProtocol: 0 | 1 | 2 | undefined;
  /** `Range` value from resumeFrom/resumeTo, when one applies. */
  readonly range: string | undefined;
  /**
   * Proxy, TLS, DNS, connection and authentication settings. `undefined` when the request sets none of
   * those options: the fast path (default proxy, default trust, system DNS, shared keep-alive pool).
   */
  readonly transport: TransportPlan | undefined;
  /** The original options object, for the features that read their own fields later. */
  readonly options: HttpRequestOptions;
}

/** A proxy as the transport uses it, whatever it was configured from. */
export interface ProxyPlan {
  /**
   * `http`/`https`: an HTTP proxy (reached in clear or over TLS); `socks5`: local DNS; `socks5h`: proxy-side DNS;
   * `unsupported`: a scheme curl knows but this library does not speak (socks4) — requests fail as curl's would.
   */
  readonly scheme: 'http' | 'https' | 'socks5' | 'socks5h' | 'unsupported';
  readonly host: string;
  readonly port: number;
  /** Credentials, only when both were given. */
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** Identifies the proxy in pool keys. */
  readonly key: string;
}

/** A proxy from `usingProxy`/`usingSocks5Proxy` or configure(): the device's exclusion rules apply. */
export interface DeviceProxy {
  readonly proxy: ProxyPlan;
  /** exclusionList entries, trimmed, in order (device rules, §5). */
  readonly exclusions: readonly string[];
}

/**
 * Which proxy a request uses: `'default'` (usingProxy absent or true: configure()'s default proxy, else the
 * environment as curl reads it), `'none'`, or a proxy given in the options.
 */
export type ProxyChoice = 'default' | 'none' | DeviceProxy;

export type CertKind = 'PEM' | 'DER' | 'P12';

export interface ClientCertPlan {
  readonly certPath: string;
  readonly certType: CertKind;
  readonly keyPath: string;
  readonly keyPassword: string;
}

export interface TlsPlan {
  /** Identifies these settings in pool keys (the validation callback is keyed by identity elsewhere). */
  readonly key: string;
  /** Non-empty caPath (file or directory); added to the default trust. */
  readonly caPath: string | undefined;
  /** caData when it applies (caPath empty, under 8000 characters). */
  readonly caData: string | undefined;
  readonly clientCert: ClientCertPlan | undefined;
  /** Base64 SHA-256 hashes of acceptable leaf public keys (empty: no pinning). */
  readonly pins: readonly string[];
  readonly validation: 'system' | 'skip' | ValidationCallback;
  /** TLS version range as device numbers (4 = 1.0 … 7 = 1.3); undefined = default (minimum 1.2). */
  readonly versions: readonly [number, number] | undefined;
  /** Device cipher-suite names from tlsOptions, as given (mapped to OpenSSL names by the transport). */
  readonly cipherSuites: readonly string[];
  /** SNI override, or undefined for the URL host. */
  readonly sni: string | undefined;
  /** OpenSSL's X509_V_FLAG_PARTIAL_CHAIN: a trusted intermediate (or leaf) may end the chain. */
  readonly partialChain: boolean;
  /** sslType 'TLCP': not available on Node. */
  readonly tlcp: boolean;
}

export interface DnsPlan {
  /** 0 = any, 4 = IPv4 only, 6 = IPv6 only. */
  readonly family: 0 | 4 | 6;
  /** Up to three valid IP literals, used only when the system resolver fails. */
  readonly servers: readonly string[];
  /** DNS-over-HTTPS URL, used only when the system resolver (and `servers`) failed. */
  readonly doh: string | undefined;
}

export interface AuthPlan {
  readonly username: string;
  readonly password: string;
  /** undefined = curl's CURLAUTH_ANY: ask first, then answer the best offered scheme. */
  readonly type: 'basic' | 'digest' | 'ntlm' | undefined;
}

export interface TransportPlan {
  /** Pool key of everything below except the proxy and the validation callback ('' when only those are set). */
  readonly key: string;
  readonly proxy: ProxyChoice;
  readonly tls: TlsPlan | undefined;
  readonly dns: DnsPlan | undefined;
  /** reuseConnections: false → a fresh connection per request, closed afterwards. */
  readonly reuse: boolean;
  /** Keep-alive idle time in ms from inactivityMs (whole seconds, as curl's MAXAGE_CONN); undefined = default. */
  readonly keepAlive: number | undefined;
  readonly auth: AuthPlan | undefined;
}
