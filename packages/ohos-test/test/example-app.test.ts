// The example app's suites, unmodified, through the bin against the embedded server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { runCli } from './helpers/cli.js';
import { startExampleServer, type ExampleServer } from './helpers/example-server.js';

const APP = fileURLToPath(new URL('../../../../examples/app/', import.meta.url));
const LIST = 'entry/src/ohosTest/ets/test/List.test.ets';
let server: ExampleServer;
let home: string;

before(async () => {
  server = await startExampleServer();
  home = mkdtempSync(join(tmpdir(), 'ohos-test-example-'));
});
after(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

test('the example app passes through the bin, every case run', async () => {
  const result = await runCli([LIST], { OHOS_TEST_SERVER: server.url, HOME: home, TMPDIR: home }, APP);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  for (const name of ['requestWithCallback', 'requestWithPromise', 'appModule', 'streaming', 'cache', 'errorCode', 'errorCodeInCallback']) {
    assert.match(result.stdout, new RegExp(`✓ ${name} `));
  }
  assert.match(result.stdout, /cases 7: passed 7, failed 0, errors 0, ignored 0/);
  assert.match(result.stdout, /I A00001\/NetworkTest: server http:\/\/127\.0\.0\.1:\d+/);
});

test('-s level 0 runs the level-0 cases only', async () => {
  const result = await runCli(['-s', 'level', '0', LIST], { OHOS_TEST_SERVER: server.url, HOME: home, TMPDIR: home }, APP);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /cases 4: passed 4/);
  assert.doesNotMatch(result.stdout, /streaming/);
});
