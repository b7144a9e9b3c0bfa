import { settings } from '../config.js';
import { codeIn, releaseNumber, textIn } from './releases.js';

/** The device's error codes and their exact messages, newest release (no trailing period, as the device prints them). */
export const ErrorMessages: Readonly<Record<number, string>> = Object.freeze({
  401: 'Parameter error',
  201: 'Permission denied',
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
  2300996: 'The request was intercepted by the HTTP global interceptor',
  2300997: 'Cleartext traffic not permitted',
  2300998: 'It is not allowed to access this domain',
  2300999: 'Internal error',
  2300801: 'Parameter type not supported by the interceptor',
  2300802: 'Duplicated interceptor type in the chain',
});

export const PARAMETER_ERROR = 401;
export const PERMISSION_DENIED = 201;
export const INTERNAL_ERROR = 2300999;
const CURL_BASE = 2300000;

/** Codes a curl failure may surface as; anything else collapses to 2300999, as on the device. */
const CURL_CODES_IN_TABLE = new Set([
  1, 3, 5, 6, 7, 8, 9, 16, 18, 23, 25, 26, 27, 28, 47, 52, 55, 56, 58, 59, 60, 61, 63, 70, 73, 77, 78, 90, 94,
]);

/** `2300000 + curlCode` when the device lists that code, else the internal error. */
export function fromCurl(curlCode: number): number {
  return CURL_CODES_IN_TABLE.has(curlCode) ? CURL_BASE + curlCode : INTERNAL_ERROR;
}

/** The text the configured device release prints for `code` (unknown codes read as 2300999). */
export function messageOf(code: number): string {
  const release = releaseNumber(settings.deviceRelease);
  const known = ErrorMessages[code] === undefined ? INTERNAL_ERROR : code;
  return textIn(release, known) ?? (ErrorMessages[known] as string);
}

/** The code the configured device release reports for `code`. */
export function releaseCode(code: number): number {
  return codeIn(releaseNumber(settings.deviceRelease), code);
}
