/**
 * hypium's filter flags and their command-line names (hypium: src/Constant.js). A case's `filter`
 * argument ORs one bit of each family: `TestType.FUNCTION | Size.SMALLTEST | Level.LEVEL0`.
 */
export const DEFAULT = 0;

export const TestType = {
  FUNCTION: 1,
  PERFORMANCE: 1 << 1,
  POWER: 1 << 2,
  RELIABILITY: 1 << 3,
  SECURITY: 1 << 4,
  GLOBAL: 1 << 5,
  COMPATIBILITY: 1 << 6,
  USER: 1 << 7,
  STANDARD: 1 << 8,
  SAFETY: 1 << 9,
  RESILIENCE: 1 << 10,
} as const;

export const Size = {
  SMALLTEST: 1 << 16,
  MEDIUMTEST: 1 << 17,
  LARGETEST: 1 << 18,
} as const;

export const Level = {
  LEVEL0: 1 << 24,
  LEVEL1: 1 << 25,
  LEVEL2: 1 << 26,
  LEVEL3: 1 << 27,
  LEVEL4: 1 << 28,
} as const;

/** `-s testType function,performance` names. */
export const TEST_TYPE_NAMES: Readonly<Record<string, number>> = {
  function: TestType.FUNCTION,
  performance: TestType.PERFORMANCE,
  power: TestType.POWER,
  reliability: TestType.RELIABILITY,
  security: TestType.SECURITY,
  global: TestType.GLOBAL,
  compatibility: TestType.COMPATIBILITY,
  user: TestType.USER,
  standard: TestType.STANDARD,
  safety: TestType.SAFETY,
  resilience: TestType.RESILIENCE,
};

/** `-s level 0,1` names. */
export const LEVEL_NAMES: Readonly<Record<string, number>> = {
  '0': Level.LEVEL0,
  '1': Level.LEVEL1,
  '2': Level.LEVEL2,
  '3': Level.LEVEL3,
  '4': Level.LEVEL4,
};

/** `-s size small` names. */
export const SIZE_NAMES: Readonly<Record<string, number>> = {
  small: Size.SMALLTEST,
  medium: Size.MEDIUMTEST,
  large: Size.LARGETEST,
};

/** hypium's default per-case (and per-hook) timeout in ms when `-s timeout` is absent (src/service.js, processFunc). */
export const DEFAULT_TIMEOUT = 5000;
