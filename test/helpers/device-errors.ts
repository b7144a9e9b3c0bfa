// The device's error table as the spec states it, written out independently of src/errors (a test that
// read the table from the code under test could not catch a wrong message).
/** device-behavior.md §3.2: curl-derived codes and their exact messages (no trailing period). */
export const MESSAGES: Readonly<Record<number, string>> = {
  2300001: 'Unsupported protocol',
  2300003: 'Invalid URL format or missing URL',
  2300005: 'Failed to resolve the proxy name',
  2300006: 'Failed to resolve the host name',
  2300007: 'Failed to connect to the server',
  2300008: 'Invalid server response',
  2300009: 'Access to the remote resource denied',
  2300016: 'Error in the HTTP2 framing layer',
  2300018: 'Transferred a partial file',
  2300023: 'Failed to write the received data to the disk or application',
  2300025: 'Upload failed',
  2300026: 'Failed to open or read local data from the file or application',
  2300027: 'Out of memory',
  2300028: 'Operation timeout',
  2300047: 'The number of redirections reaches the maximum allowed',
  2300052: 'The server returned nothing (no header or data)',
  2300055: 'Failed to send data to the peer',
  2300056: 'Failed to receive data from the peer',
  2300058: 'Local SSL certificate error',
  2300059: 'The specified SSL cipher cannot be used',
  2300060: 'Invalid SSL peer certificate or SSH remote key',
  2300061: 'Invalid HTTP encoding format',
  2300063: 'Maximum file size exceeded',
  2300070: 'Remote disk full',
  2300073: 'Remote file already exists',
  2300077: 'The SSL CA certificate does not exist or is inaccessible',
  2300078: 'Remote file not found',
  2300090: 'Specified pinned public key did not match',
  2300094: 'Authentication error',
  2300999: 'Internal error',
};

/** §3.3: `2300000 + curl code` if the device lists it, otherwise 2300999 (the device's `GetErrorCode`). */
export function deviceCodeForCurl(curlExit: number): number {
  const code = 2300000 + curlExit;
  return code !== 2300999 && code in MESSAGES ? code : 2300999;
}

/** The device code a request failed with, or 0 when it succeeded. */
export async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}
