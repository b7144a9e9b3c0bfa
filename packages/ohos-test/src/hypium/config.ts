/**
 * hypium's run parameters (`-s class X`, `-s level 0`, ...) and their validation
 * (hypium: src/module/config/configService.js, setConfig/basicParamValidCheck/filterParamValidCheck/parseParams).
 */
import { LEVEL_NAMES, SIZE_NAMES, TEST_TYPE_NAMES } from './constants.js';

/** Keys hypium reads; the ones this runner cannot honour are refused by name rather than ignored. */
const SUPPORTED = new Set(['class', 'notClass', 'suite', 'itName', 'level', 'size', 'testType', 'timeout', 'breakOnError', 'dryRun']);
const KNOWN_UNSUPPORTED = new Set(['random', 'stress', 'coverage', 'skipMessage', 'runSkipped', 'tag', 'snapshotWhenFail']);
const NAME_RULE = /^[A-Za-z][\w#,.]*$/;

export interface HypiumConfig {
  readonly class: string | undefined;
  readonly notClass: string | undefined;
  readonly suite: string | undefined;
  readonly itName: string | undefined;
  /** OR of the level/size/testType bits asked for; 0 = no flag filter. */
  readonly filter: number;
  /** Per-case timeout in ms (hypium's 5000 unless `-s timeout`). */
  readonly timeout: number | undefined;
  readonly breakOnError: boolean;
  readonly dryRun: boolean;
}

export interface ParsedConfig {
  readonly config: HypiumConfig;
  /** hypium's `filterValid` entries, e.g. `level:5`: the run stops with "this param level:5 is invalid". */
  readonly invalid: readonly string[];
  /** Keys hypium knows that this runner does not implement. */
  readonly unsupported: readonly string[];
}

function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function isNormalInteger(text: string): boolean {
  const n = Math.floor(Number(text));
  return n !== Infinity && String(n) === text && n >= 0;
}

function bits(list: string | undefined, names: Readonly<Record<string, number>>): number {
  if (list === undefined) return 0;
  return list.split(',').reduce((acc, item) => acc | (names[item] ?? 0), 0);
}

/** Builds the config from `{ class: 'Suite#case', level: '0', ... }` (keys without the `-s `). */
export function parseConfig(params: Readonly<Record<string, string>>): ParsedConfig {
  const invalid: string[] = [];
  const unsupported: string[] = [];
  for (const key of Object.keys(params)) {
    if (KNOWN_UNSUPPORTED.has(key)) unsupported.push(key);
    else if (!SUPPORTED.has(key)) invalid.push(`${key}:${params[key] ?? ''}`);
  }
  const { size, level, testType, timeout } = params;
  // hypium validates one value per flag: `-s level 0,1` is rejected.
  if (present(size) && !(size in SIZE_NAMES)) invalid.push(`size:${size}`);
  if (present(level) && !(level in LEVEL_NAMES)) invalid.push(`level:${level}`);
  if (present(testType) && !(testType in TEST_TYPE_NAMES)) invalid.push(`testType:${testType}`);
  if (present(timeout) && !isNormalInteger(timeout)) invalid.push(`timeout:${timeout}`);
  for (const key of ['dryRun', 'breakOnError'] as const) {
    const value = params[key];
    if (value !== undefined && value !== 'true' && value !== 'false') invalid.push(`${key}:${value}`);
  }
  for (const key of ['class', 'notClass'] as const) {
    const value = params[key];
    if (present(value) && value.split(',').some((item) => !NAME_RULE.test(item))) invalid.push(`${key}:${value}`);
  }
  const config: HypiumConfig = {
    class: params.class,
    notClass: params.notClass,
    suite: params.suite,
    itName: params.itName,
    filter: bits(testType, TEST_TYPE_NAMES) | bits(size, SIZE_NAMES) | bits(level, LEVEL_NAMES),
    timeout: present(timeout) ? Number(timeout) : undefined,
    breakOnError: params.breakOnError === 'true',
    dryRun: params.dryRun === 'true',
  };
  return { config, invalid, unsupported };
}

export const EMPTY_CONFIG: HypiumConfig = parseConfig({}).config;
