// The transport options of a request, read as values: what decides its transport plan, so that requests bringing
// the same values can share one plan instead of parsing them again.

/** Options that need more than the default transport, in the order transportValues() reads them. */
export const TRANSPORT_KEY_LIST = [
  'usingProxy', 'usingSocks5Proxy', 'caPath', 'caData', 'clientCert', 'certificatePinning', 'remoteValidation',
  'tlsOptions', 'sniHostName', 'enablePartialChain', 'sslType', 'addressFamily', 'dnsServers', 'dnsOverHttps',
  'reuseConnections', 'inactivityMs', 'serverAuthentication',
] as const;

/** Stands for a key the options object does not have (presence counts: `{ caPath: undefined }` asks for TLS defaults). */
export const ABSENT: unique symbol = Symbol('absent');

type Bag = Readonly<Record<string, unknown>>;

/**
 * Every transport option's value, ABSENT where the key is not there, in TRANSPORT_KEY_LIST order. Written out key
 * by key: each check then sees one key only and stays fast, where a loop over the names makes every check generic.
 */
export function transportValues(o: Bag): unknown[] {
  return [
    'usingProxy' in o ? o.usingProxy : ABSENT,
    'usingSocks5Proxy' in o ? o.usingSocks5Proxy : ABSENT,
    'caPath' in o ? o.caPath : ABSENT,
    'caData' in o ? o.caData : ABSENT,
    'clientCert' in o ? o.clientCert : ABSENT,
    'certificatePinning' in o ? o.certificatePinning : ABSENT,
    'remoteValidation' in o ? o.remoteValidation : ABSENT,
    'tlsOptions' in o ? o.tlsOptions : ABSENT,
    'sniHostName' in o ? o.sniHostName : ABSENT,
    'enablePartialChain' in o ? o.enablePartialChain : ABSENT,
    'sslType' in o ? o.sslType : ABSENT,
    'addressFamily' in o ? o.addressFamily : ABSENT,
    'dnsServers' in o ? o.dnsServers : ABSENT,
    'dnsOverHttps' in o ? o.dnsOverHttps : ABSENT,
    'reuseConnections' in o ? o.reuseConnections : ABSENT,
    'inactivityMs' in o ? o.inactivityMs : ABSENT,
    'serverAuthentication' in o ? o.serverAuthentication : ABSENT,
  ];
}

/**
 * The values as one string when every present one is a primitive (the plan is then a function of this string
 * alone); undefined when one is an object or a function, whose contents may change between calls. Each value
 * carries its type and is length-prefixed, so that `false` and `'false'` differ.
 */
export function signatureOf(values: readonly unknown[]): string | undefined {
  let sig = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === ABSENT) continue;
    const type = typeof v;
    if (v !== null && (type === 'object' || type === 'function')) return undefined;
    const text = type === 'symbol' ? '' : String(v);
    sig += `${String(i)}:${type}:${String(text.length)}:${text};`;
  }
  return sig;
}

/** Whether two value lists are the same primitives (NaN never is: such a list is simply parsed again). */
export function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
