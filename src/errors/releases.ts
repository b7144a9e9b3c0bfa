/**
 * What differs between device releases: error texts and codes, and whether HttpProxy credentials are used. The device's message table (netstack's request context) kept libcurl's
 * own wording up to OpenHarmony 6.0.x; 6.1 rewrote 25 of its texts. Codes also joined the table over time: a curl
 * failure whose code a release does not list is reported there as 2300999.
 */

/** A device release as `major.minor` (e.g. '5.0', '6.0'), or 'newest'. */
export type DeviceRelease = string;

/** The texts of releases before 6.1, where they differ from the newest. */
const CURL_TEXTS: Readonly<Record<number, string>> = {
  2300003: 'URL using bad/illegal format or missing URL',
  2300005: "Couldn't resolve proxy name",
  2300006: "Couldn't resolve host name",
  2300007: "Couldn't connect to server",
  2300008: 'Weird server reply',
  2300009: 'Access denied to remote resource',
  2300023: 'Failed writing received data to disk/application',
  2300026: 'Failed to open/read local data from file/application',
  2300028: 'Timeout was reached',
  2300047: 'Number of redirects hit maximum amount',
  2300052: 'Server returned nothing (no headers, no data)',
  2300055: 'Failed sending data to the peer',
  2300056: 'Failure when receiving data from the peer',
  2300058: 'Problem with the local SSL certificate',
  2300059: "Couldn't use specified SSL cipher",
  2300060: 'SSL peer certificate or SSH remote key was not OK',
  2300061: 'Unrecognized or bad HTTP Content or Transfer-Encoding',
  2300070: 'Disk full or allocation exceeded',
  2300077: 'Problem with the SSL CA cert (path? access rights?)',
  2300094: 'An authentication function returned an error',
  2300997: 'Cleartext traffic is not permitted',
  2300999: 'Unknown Other Error',
};

/** The release (major * 100 + minor) whose table first lists a code; codes not named here are in every release. */
const LISTED_SINCE: Readonly<Record<number, number>> = {
  2300090: 401, // certificatePinning
  2300998: 500, // the app's allowed-domain list
  2300997: 501, // cleartext policy
  2300996: 9999, // global interceptors: newer than 7.0 Beta1
};

const NEWEST = 9999;

/** From 6.1 on, an `HttpProxy`'s username and password are sent to the proxy; before, the device ignored them. */
export const PROXY_CREDENTIALS_SINCE = 601;

/** `'6.0'` → 600; `'newest'` → the newest. Throws on anything else. */
export function releaseNumber(release: DeviceRelease): number {
  if (release === 'newest') return NEWEST;
  const m = /^(\d{1,2})\.(\d{1,2})(?:\.\d+)*$/.exec(release);
  if (m === null) throw new TypeError(`deviceRelease must be 'newest' or a release such as '6.0', not ${JSON.stringify(release)}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/** The code a release reports: a code its table does not list becomes 2300999. */
export function codeIn(release: number, code: number): number {
  const since = LISTED_SINCE[code];
  return since !== undefined && release < since ? 2300999 : code;
}

/** The release's own text for `code`, or undefined where it is the newest text. */
export function textIn(release: number, code: number): string | undefined {
  return release < 601 ? CURL_TEXTS[code] : undefined;
}
