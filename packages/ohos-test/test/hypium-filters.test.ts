// hypium's filter rules: one test per rule, each citing the hypium source it follows
// (openharmony/testfwk_arkxtest, jsunit/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../src/hypium/config.js';
import { describe, it, Level, Size, TestType, DEFAULT } from '../src/hypium/index.js';
import { runSuites, verdicts } from './helpers/hypium.js';

const nothing = (): void => undefined;

function flagged(): void {
  describe('Flags', () => {
    it('level0', Level.LEVEL0, nothing);
    it('level1', Level.LEVEL1, nothing);
    it('level0small', Level.LEVEL0 | Size.SMALLTEST, nothing);
    it('performance', TestType.PERFORMANCE, nothing);
    it('none', DEFAULT, nothing);
  });
}

test('flag values are hypium bit masks (src/Constant.js)', () => {
  assert.equal(TestType.FUNCTION, 1);
  assert.equal(TestType.RESILIENCE, 1 << 10);
  assert.equal(Size.SMALLTEST, 1 << 16);
  assert.equal(Size.LARGETEST, 1 << 18);
  assert.equal(Level.LEVEL0, 1 << 24);
  assert.equal(Level.LEVEL4, 1 << 28);
  assert.equal(DEFAULT, 0);
});

test('-s level keeps cases with that bit and cases with filter 0 (src/module/config/Filter.js, TestTypesFilter)', async () => {
  const root = await runSuites({ level: '0' }, flagged);
  assert.deepEqual(Object.keys(verdicts(root)), ['Flags#level0', 'Flags#level0small', 'Flags#none']);
});

test('flags from several families must all be present on the case (Filter.js, TestTypesFilter)', async () => {
  const root = await runSuites({ level: '0', size: 'small' }, flagged);
  assert.deepEqual(Object.keys(verdicts(root)), ['Flags#level0small', 'Flags#none']);
});

test('-s testType selects by test type (src/module/config/configService.js, parseParams)', async () => {
  const root = await runSuites({ testType: 'performance' }, flagged);
  assert.deepEqual(Object.keys(verdicts(root)), ['Flags#performance', 'Flags#none']);
});

function twoSuites(): void {
  describe('A', () => {
    it('a1', 0, nothing);
    it('a2', 0, nothing);
    describe('Inner', () => {
      it('i1', 0, nothing);
    });
  });
  describe('B', () => {
    it('b1', 0, nothing);
  });
}

test('-s class Suite runs that suite and its nested suites only (src/service.js describe; Filter.js NestFilter)', async () => {
  const root = await runSuites({ class: 'A' }, twoSuites);
  assert.deepEqual(Object.keys(verdicts(root)), ['A#a1', 'A#a2', 'A.Inner#i1']);
});

test('-s class Suite#case runs that one case (Filter.js, ClassFilter / NestFilter.filterNestName)', async () => {
  const root = await runSuites({ class: 'A#a2,B' }, twoSuites);
  assert.deepEqual(Object.keys(verdicts(root)), ['A#a2', 'B#b1']);
});

test('-s notClass drops suites and cases (Filter.js, NotClassFilter / NestFilter.filterNotClass)', async () => {
  const root = await runSuites({ notClass: 'B,A#a1' }, twoSuites);
  assert.deepEqual(Object.keys(verdicts(root)), ['A#a2', 'A.Inner#i1']);
});

test('-s suite alone narrows nothing: describe drops a suite only when -s class also misses it (service.js describe, analyzeConfigServiceClass)', async () => {
  const root = await runSuites({ suite: 'B' }, twoSuites);
  assert.deepEqual(Object.keys(verdicts(root)), ['A#a1', 'A#a2', 'A.Inner#i1', 'B#b1']);
});

test('invalid parameter values are refused as hypium refuses them (configService.js, basicParamValidCheck/filterParamValidCheck)', () => {
  assert.deepEqual(parseConfig({ level: '5' }).invalid, ['level:5']);
  assert.deepEqual(parseConfig({ level: '0,1' }).invalid, ['level:0,1']);
  assert.deepEqual(parseConfig({ size: 'huge' }).invalid, ['size:huge']);
  assert.deepEqual(parseConfig({ timeout: '-1' }).invalid, ['timeout:-1']);
  assert.deepEqual(parseConfig({ breakOnError: 'yes' }).invalid, ['breakOnError:yes']);
  assert.deepEqual(parseConfig({ class: '1bad' }).invalid, ['class:1bad']);
  assert.deepEqual(parseConfig({ random: 'true' }).unsupported, ['random']);
  assert.deepEqual(parseConfig({ level: '0', timeout: '100' }).invalid, []);
});

test('a describe nested under a suite of the same name is ignored (src/service.js, describe: loop nesting)', async () => {
  const root = await runSuites({}, () => {
    describe('Same', () => {
      it('outer', 0, nothing);
      describe('Same', () => {
        it('inner', 0, nothing);
      });
    });
  });
  assert.deepEqual(Object.keys(verdicts(root)), ['Same#outer']);
});

test('-s itName alone narrows nothing either: the case filter applies only to runs narrowed by -s class (SpecService.it, filterDesc)', async () => {
  const root = await runSuites({ itName: 'a1' }, twoSuites);
  assert.deepEqual(Object.keys(verdicts(root)), ['A#a1', 'A#a2', 'A.Inner#i1', 'B#b1']);
});
