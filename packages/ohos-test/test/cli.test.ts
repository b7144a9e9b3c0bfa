// The bin end to end: loading .ets/.ts, reports, exit codes, and clear errors for what cannot run on Node.js.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './helpers/cli.js';

test('a List.test.ets entry loads .ets and .ts modules through extensionless imports; failures show the .ets line', async () => {
  const result = await runCli(['reporting/List.test.ets']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /I A00001\/report: sum 3\n {2}✓ passes/);
  assert.match(result.stdout, /1\) ReportTest#fails\n {3}message: sum of two and two, expect 4 equals 5\n {3}expected: 5\n {3}actual: {3}4\n {3}at reporting\/Report\.test\.ets:15:/);
  assert.match(result.stdout, /2\) ReportTest#throws \(error\)\n {3}broken\n {3}at reporting\/Report\.test\.ets:18:/);
  assert.match(result.stdout, /suites 1, cases 3: passed 1, failed 1, errors 1, ignored 0/);
});

test('a directory stands for its List.test.ets', async () => {
  const result = await runCli(['reporting']);
  assert.match(result.stdout, /cases 3: passed 1/);
});

test('--reporter junit prints JUnit XML', async () => {
  const result = await runCli(['--reporter', 'junit', 'reporting']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ohos-test" tests="3" failures="1" errors="1" skipped="0"/);
  assert.match(result.stdout, /<testcase name="fails" classname="ReportTest" time="[\d.]+">\n {6}<failure message="message: sum of two and two, expect 4 equals 5">expected: 5\nactual: 4\nat reporting\/Report\.test\.ets:15:/);
  assert.match(result.stdout, /<error message="broken">/);
  assert.match(result.stdout, /<\/testsuites>\n$/);
  assert.match(result.stderr, /I A00001\/report: sum 3\n/);
  assert.doesNotMatch(result.stdout, /A00001/);
});

test('--ohos-report prints the device result lines (OhReport.js)', async () => {
  const result = await runCli(['--ohos-report', 'reporting']);
  assert.match(result.stdout, /OHOS_REPORT_SUM: 3\nOHOS_REPORT_STATUS: class=ReportTest\n/);
  assert.match(result.stdout, /OHOS_REPORT_STATUS: test=passes\nOHOS_REPORT_STATUS_CODE: 0\n/);
  assert.match(result.stdout, /OHOS_REPORT_STATUS: stream=message: sum of two and two, Error in fails, expect 4 equals 5\nOHOS_REPORT_STATUS: test=fails\nOHOS_REPORT_STATUS_CODE: -2\n/);
  assert.match(result.stdout, /OHOS_REPORT_STATUS_CODE: -1\n/);
  assert.match(result.stdout, /OHOS_REPORT_RESULT: stream=Tests run: 3, Failure: 1, Error: 1, Pass: 1, Ignore: 0\nOHOS_REPORT_CODE: -1\n/);
  assert.doesNotMatch(result.stdout, /✓ passes/);
  assert.match(result.stderr, /✓ passes/);
});

test('-s dryRun true lists the cases without running them', async () => {
  const result = await runCli(['-s', 'dryRun', 'true', 'reporting']);
  assert.equal(result.code, 0);
  assert.deepEqual(JSON.parse(result.stdout), { suites: [{ ReportTest: [{ itName: 'passes' }, { itName: 'fails' }, { itName: 'throws' }] }] });
});

test('an invalid hypium parameter stops the run with hypium\'s message', async () => {
  const result = await runCli(['-s', 'level', '9', 'reporting']);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, 'this param level:9 is invalid\n');
});

test('UI ArkTS names its file and line', async () => {
  const result = await runCli(['offdevice/Ui.test.ets']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /offdevice\/Ui\.test\.ets:4:1: the ArkUI decorator @Entry cannot run on Node\.js/);
});

test('a device module that Node.js lacks fails clearly, naming the importer', async () => {
  const result = await runCli(['unavailable/Router.test.ets']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /@ohos\.router is not available on Node\.js in ohos-test \(imported by .*unavailable\/Router\.test\.ets\)/);
});

test('every device module the client serves loads through its hook: connection and the kit\'s unavailable modules', async () => {
  const result = await runCli(['network-kit/Kit.test.ets']);
  assert.equal(result.code, 0, result.stderr + result.stdout);
  assert.match(result.stdout, /✓ connectionIsTheKitsConnection/);
  assert.match(result.stdout, /✓ webSocketThrows801/);
});

test('usage errors exit 2 with the usage text', async () => {
  const result = await runCli([]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no test file or directory given/);
  assert.match(result.stderr, /Usage: ohos-test/);
});

test('an assertion that throws inside a callback is recorded on its case, which then waits for done until its timeout', async () => {
  const result = await runCli(['-s', 'timeout', '300', 'callback']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /✗ assertionInCallback \(\d+ ms\) \[error\]/);
  assert.match(result.stdout, /✓ next/);
  assert.match(result.stdout, /1\) CallbackTest#assertionInCallback \(error\)\n {3}execute timeout 300ms\n {3}after a failed assertion: expect 1 equals 2 at callback\/Callback\.test\.ets:7:\d+/);
});

test('a directory import finds its index.ets; enums compile; suites may register at module top level', async () => {
  const result = await runCli(['loading']);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /cases 2: passed 2/);
});

test('a syntax error names the file and line', async () => {
  const result = await runCli(['broken']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /broken\/Broken\.test\.ets:5:0: ERROR: Unexpected "\}"/);
});
