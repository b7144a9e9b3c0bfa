// hypium's run rules: hooks, async bodies, done, timeouts, verdicts. One test per rule, each citing
// the hypium source it follows (openharmony/testfwk_arkxtest, jsunit/src/service.js unless noted).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TIMEOUT } from '../src/hypium/constants.js';
import {
  afterAll, afterEach, afterEachIt, afterItSpecified, beforeAll, beforeEach, beforeEachIt, beforeItSpecified, describe, expect, Hypium, it,
  SkipError, xdescribe, xit,
} from '../src/hypium/index.js';
import { registry } from '../src/hypium/registry.js';
import { failureMessage, runSuites, verdicts } from './helpers/hypium.js';

test('hooks run in hypium order; beforeEach stays in its suite, beforeEachIt reaches nested suites (Suite.asyncRun, asyncRunChildSuites)', async () => {
  const log: string[] = [];
  const note = (text: string) => () => {
    log.push(text);
  };
  await runSuites({}, () => {
    describe('Outer', () => {
      beforeAll(note('beforeAll'));
      beforeEach(note('beforeEach'));
      beforeEachIt(note('beforeEachIt'));
      afterEach(note('afterEach'));
      afterEachIt(note('afterEachIt'));
      afterAll(note('afterAll'));
      it('one', 0, note('one'));
      describe('Inner', () => {
        it('two', 0, note('two'));
      });
    });
  });
  assert.deepEqual(log, ['beforeAll', 'beforeEachIt', 'beforeEach', 'one', 'afterEach', 'afterEachIt', 'beforeEachIt', 'two', 'afterEachIt', 'afterAll']);
});

test('a failing body skips the after-hooks of its case (asyncRunSpecs: one try around hooks and body)', async () => {
  const log: string[] = [];
  const root = await runSuites({}, () => {
    describe('S', () => {
      afterEach(() => {
        log.push('afterEach');
      });
      it('throws', 0, () => {
        throw new Error('boom');
      });
      it('passes', 0, () => undefined);
    });
  });
  assert.deepEqual(log, ['afterEach']);
  assert.deepEqual(verdicts(root), { 'S#throws': 'error', 'S#passes': 'pass' });
});

test('a failing beforeAll marks every case below the suite and afterAll still runs (Suite.asyncRun, setSuiteResults)', async () => {
  let afterAllRan = false;
  const root = await runSuites({}, () => {
    describe('S', () => {
      beforeAll(() => {
        throw new Error('setup');
      });
      afterAll(() => {
        afterAllRan = true;
      });
      it('a', 0, () => undefined);
      describe('N', () => {
        it('b', 0, () => undefined);
      });
    });
  });
  assert.equal(afterAllRan, true);
  assert.deepEqual(verdicts(root), { 'S#a': 'error', 'S.N#b': 'error' });
  assert.equal(failureMessage(root, 'S#a'), 'setup, error in beforeAll function');
});

test('a hook error names its hook (runAsyncHookFunc)', async () => {
  const root = await runSuites({}, () => {
    describe('S', () => {
      beforeEach(() => {
        throw new Error('no fixture');
      });
      it('a', 0, () => undefined);
    });
  });
  assert.equal(failureMessage(root, 'S#a'), 'no fixture, error in beforeEach function');
});

test('an async body is awaited; its rejection is an error (getFuncWithArgsZero)', async () => {
  let finished = false;
  const root = await runSuites({}, () => {
    describe('S', () => {
      it('awaits', 0, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        finished = true;
      });
      it('rejects', 0, async () => {
        await Promise.resolve();
        throw new Error('async failure');
      });
    });
  });
  assert.equal(finished, true);
  assert.deepEqual(verdicts(root), { 'S#awaits': 'pass', 'S#rejects': 'error' });
});

test('a body that takes done ends when done() is called, not when it returns (getFuncWithArgsOne)', async () => {
  const order: string[] = [];
  await runSuites({}, () => {
    describe('S', () => {
      it('waits', 0, (done: () => void) => {
        setTimeout(() => {
          order.push('done');
          done();
        }, 10);
      });
      it('next', 0, () => {
        order.push('next');
      });
    });
  });
  assert.deepEqual(order, ['done', 'next']);
});

test("hypium's default timeout is 5000 ms, -s timeout replaces it, and a case's own positive timeout wins (processFunc)", async () => {
  assert.equal(DEFAULT_TIMEOUT, 5000);
  registry.reset((await import('../src/hypium/config.js')).EMPTY_CONFIG);
  assert.equal(registry.timeout, 5000);
  const root = await runSuites({ timeout: '30' }, () => {
    describe('S', () => {
      it('neverDone', 0, (_done: () => void) => undefined);
      it('ownTimeout', 0, (done: () => void) => setTimeout(done, 60), 200);
      it('badOwnTimeout', 0, (_done: () => void) => undefined, -1);
    });
  });
  assert.deepEqual(verdicts(root), { 'S#neverDone': 'error', 'S#ownTimeout': 'pass', 'S#badOwnTimeout': 'error' });
  assert.equal(failureMessage(root, 'S#neverDone'), 'execute timeout 30ms');
  assert.equal(failureMessage(root, 'S#badOwnTimeout'), 'execute timeout 30ms');
});

test('a failed assertion caught by the test body still fails its case (ExpectService: spec.fail set before the throw)', async () => {
  const root = await runSuites({}, () => {
    describe('S', () => {
      it('caught', 0, () => {
        try {
          expect(1).assertEqual(2);
        } catch {
          // swallowed on purpose
        }
      });
    });
  });
  assert.deepEqual(verdicts(root), { 'S#caught': 'fail' });
  assert.equal(failureMessage(root, 'S#caught'), 'expect 1 equals 2');
});

test('an assertion is a fail, anything else thrown is an error (asyncRunSpecs; traversalResults)', async () => {
  const root = await runSuites({}, () => {
    describe('S', () => {
      it('assertion', 0, () => {
        expect(true).assertFalse();
      });
      it('typeError', 0, () => {
        JSON.parse('{');
      });
    });
  });
  assert.deepEqual(verdicts(root), { 'S#assertion': 'fail', 'S#typeError': 'error' });
});

test('an assertion failing in beforeAll fails the suite\'s cases (ExpectService: suite.hookError outside a case)', async () => {
  const root = await runSuites({}, () => {
    describe('S', () => {
      beforeAll(() => {
        try {
          expect('a').assertEqual('b');
        } catch {
          // recorded anyway
        }
      });
      it('a', 0, () => undefined);
    });
  });
  assert.deepEqual(verdicts(root), { 'S#a': 'fail' });
});

test('SkipError thrown by a case marks it ignored (asyncRunSpecs)', async () => {
  const root = await runSuites({}, () => {
    describe('S', () => {
      it('skips', 0, () => {
        throw new SkipError('not on this device');
      });
    });
  });
  assert.deepEqual(verdicts(root), { 'S#skips': 'ignore' });
});

test('xdescribe and xit register nothing (SuiteService.xdescribe, SpecService.xit without skipMessage)', async () => {
  const root = await runSuites({}, () => {
    xdescribe('Skipped', () => {
      it('never', 0, () => undefined);
    });
    describe('S', () => {
      xit('skipped', 0, () => undefined);
      it('kept', 0, () => undefined);
    });
  });
  assert.deepEqual(verdicts(root), { 'S#kept': 'pass' });
});

test('-s breakOnError true stops the run at the first case that throws (Suite.isRun)', async () => {
  const root = await runSuites({ breakOnError: 'true' }, () => {
    describe('S', () => {
      it('first', 0, () => {
        throw new Error('x');
      });
      it('second', 0, () => undefined);
    });
    describe('T', () => {
      it('third', 0, () => undefined);
    });
  });
  assert.deepEqual(verdicts(root), { 'S#first': 'error', 'S#second': 'ignore', 'T#third': 'ignore' });
});

test('describe with an async function is flagged (describe: isPromiseError)', async () => {
  const root = await runSuites({}, () => {
    describe('S', async () => {
      await Promise.resolve();
    });
  });
  assert.equal(root.childSuites[0]?.isPromiseError, true);
});

test('beforeItSpecified/afterItSpecified run around the named cases; only the first registered entry is consulted (runBeforeItSpecified)', async () => {
  const log: string[] = [];
  await runSuites({}, () => {
    describe('S', () => {
      beforeItSpecified(['a', 'b'], () => {
        log.push('before');
      });
      beforeItSpecified('c', () => {
        log.push('never: second entry');
      });
      afterItSpecified('a', () => {
        log.push('after');
      });
      it('a', 0, () => {
        log.push('a');
      });
      it('b', 0, () => {
        log.push('b');
      });
      it('c', 0, () => {
        log.push('c');
      });
    });
  });
  assert.deepEqual(log, ['before', 'a', 'after', 'before', 'b', 'c']);
});

test('a done-style body that throws before done() ends at once with an error (getFuncWithArgsOne)', async () => {
  const root = await runSuites({ timeout: '10000' }, () => {
    describe('S', () => {
      it('throws', 0, (_done: () => void) => {
        throw new Error('before done');
      });
    });
  });
  assert.deepEqual(verdicts(root), { 'S#throws': 'error' });
  assert.equal(failureMessage(root, 'S#throws'), 'before done');
});

test('Hypium.registerAssert adds a matcher called with (actual, expected); unregisterAssert removes it (index.js; ExpectService)', async () => {
  function assertEven(actual: unknown): { pass: boolean; message: string } {
    return { pass: (actual as number) % 2 === 0, message: `${String(actual)} is odd` };
  }
  Hypium.registerAssert(assertEven);
  const root = await runSuites({}, () => {
    describe('S', () => {
      it('even', 0, () => {
        (expect(2).assertEven as () => void)();
      });
      it('odd', 0, () => {
        (expect(3).assertEven as () => void)();
      });
    });
  });
  Hypium.unregisterAssert('assertEven');
  assert.deepEqual(verdicts(root), { 'S#even': 'pass', 'S#odd': 'fail' });
  assert.equal(failureMessage(root, 'S#odd'), '3 is odd');
  assert.throws(() => (expect(1).assertEven as () => void)(), /assertEven is unregistered/);
});

test('.message(text) is kept on the case for the report (ExpectService.message; OhReport.specDone)', async () => {
  const root = await runSuites({}, () => {
    describe('S', () => {
      it('m', 0, () => {
        expect(1).message('status code').assertEqual(2);
      });
    });
  });
  assert.equal(root.allSpecs()[0]?.expectMsg, 'status code');
});
