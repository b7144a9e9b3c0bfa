/**
 * The declared type of `http.AddressFamily`, with the values the device SDK declares. The runtime object
 * in enums.ts carries the device's run-time values instead (`'ONLY_V4'` …): the native module exports
 * those, and only those select a family. Declaring the type apart keeps it assignable to and from the
 * SDK's enum.
 * @module
 */

/**
 * Which IP family host names are resolved to. Unset: both.
 * At run time the members hold `'DEFAULT'`, `'ONLY_V4'` and `'ONLY_V6'`, as on the device; the
 * declared values are the SDK's, and both spellings are accepted as `addressFamily`.
 * @since 15
 */
export declare enum AddressFamily {
  /** Resolve to IPv4 and IPv6 addresses. Run-time value `'DEFAULT'`. @since 15 */
  DEFAULT = 'CURL_IPRESOLVE_WHATEVER',
  /** Resolve to IPv4 addresses only. Run-time value `'ONLY_V4'`. @since 15 */
  ONLY_V4 = 'CURL_IPRESOLVE_V4',
  /** Resolve to IPv6 addresses only. Run-time value `'ONLY_V6'`. @since 15 */
  ONLY_V6 = 'CURL_IPRESOLVE_V6',
}
