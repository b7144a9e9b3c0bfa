/** The device's defaults, in one place. */
import zlib from 'node:zlib';

export const DEFAULT_READ_TIMEOUT = 60_000;
export const DEFAULT_CONNECT_TIMEOUT = 60_000;
/** curl's own connect timeout, used when connectTimeout reads as 0. */
export const CURL_CONNECT_TIMEOUT = 300_000;
export const DEFAULT_MAX_LIMIT = 5 * 1024 * 1024;
export const MAX_MAX_LIMIT = 100 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 30;
export const USER_AGENT = 'libcurl-agent/1.0';
export const ACCEPT = '*/*';
/** Advertised encodings, in curl's order; zstd only where this Node can decode it. */
export const ACCEPT_ENCODING = 'createZstdDecompress' in zlib
  ? 'deflate, gzip, br, zstd'
  : 'deflate, gzip, br';
export const FORM_URLENCODED = 'application/x-www-form-urlencoded';
export const RANGE_MAX = 4294967296;
