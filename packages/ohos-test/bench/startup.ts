// Start-up of a 50-file suite (and of a 1-file suite, the fixed cost): the bin run end to end (spawn, load, transpile, register, run 250 trivial
// cases, report) with esbuild and with TypeScript's transpileModule. Prints the median of several runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const FILES = 50;
const RUNS = 7;

function writeSuite(dir: string, files: number): void {
  const names = Array.from({ length: files }, (_, i) => `Suite${i}`);
  for (const name of names) {
    const cases = Array.from({ length: 5 }, (_, j) => `    it('case${j}', TestType.FUNCTION | Level.LEVEL0, () => {\n      const p: Point = { x: ${j}, y: 2 }\n      expect(p.x + p.y).assertEqual(${j + 2})\n    })`).join('\n');
    writeFileSync(
      join(dir, `${name}.test.ets`),
      `import { describe, it, expect, TestType, Level } from '@ohos/hypium'\nimport http from '@ohos.net.http'\n\ninterface Point { x: number; y: number }\n\nexport default function ${name.toLowerCase()}() {\n  describe('${name}', () => {\n${cases}\n    it('http', 0, () => { expect(typeof http.createHttp).assertEqual('function') })\n  })\n}\n`,
    );
  }
  writeFileSync(
    join(dir, 'List.test.ets'),
    `${names.map((n) => `import ${n.toLowerCase()} from './${n}.test'`).join('\n')}\n\nexport default function testsuite() {\n${names.map((n) => `  ${n.toLowerCase()}()`).join('\n')}\n}\n`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(dir: string, transpiler: string | undefined): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [BIN, join(dir, 'List.test.ets')], {
      env: { ...process.env, ...(transpiler === undefined ? {} : { OHOS_TEST_TRANSPILER: transpiler }) },
      stdio: 'ignore',
    });
    times.push(performance.now() - start);
  }
  return median(times);
}

function measureNode(): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - start);
  }
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), 'ohos-test-bench-'));
const single = mkdtempSync(join(tmpdir(), 'ohos-test-bench-1-'));
try {
  writeSuite(dir, FILES);
  writeSuite(single, 1);
  const node = measureNode();
  const one = measure(single, undefined);
  const esbuild = measure(dir, undefined);
  let typescript: number | undefined;
  try {
    typescript = measure(dir, 'typescript');
  } catch {
    typescript = undefined;
  }
  console.log(`start-up of a ${FILES}-file suite (${FILES * 6} cases), median of ${RUNS} runs, Node ${process.version}:`);
  console.log(`  node -e 0 (process start only)   ${node.toFixed(0)} ms`);
  console.log(`  ohos-test, 1-file suite, esbuild ${one.toFixed(0)} ms`);
  console.log(`  ohos-test, esbuild               ${esbuild.toFixed(0)} ms`);
  console.log(`  ohos-test, typescript            ${typescript === undefined ? 'n/a (typescript not installed)' : `${typescript.toFixed(0)} ms`}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(single, { recursive: true, force: true });
}
