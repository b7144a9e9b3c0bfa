/** JUnit XML for CI systems: one <testsuite> per hypium suite (its dotted path), one <testcase> per case. */
import type { Suite } from '../hypium/tree.js';
import { allSuites, failureOf, type Summary } from './results.js';

function esc(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five specials are escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export function junitXml(root: Suite, summary: Summary): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="ohos-test" tests="${summary.total}" failures="${summary.failure}" errors="${summary.error}" skipped="${summary.ignore}" time="${seconds(summary.durationMs)}">`,
  );
  for (const suite of allSuites(root)) {
    if (suite.specs.length === 0 && suite.hookError === undefined) continue;
    const count = (v: string): number => suite.specs.filter((s) => s.verdict === v).length;
    const file = suite.file === undefined ? '' : ` file="${esc(suite.file)}"`;
    out.push(
      `  <testsuite name="${esc(suite.path)}" tests="${suite.specs.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('ignore')}" time="${seconds(suite.duration)}"${file}>`,
    );
    for (const spec of suite.specs) {
      out.push(`    <testcase name="${esc(spec.description)}" classname="${esc(suite.path)}" time="${seconds(spec.duration)}">`);
      const info = failureOf(spec);
      if (info !== undefined) {
        const tag = spec.verdict === 'error' ? 'error' : 'failure';
        const detail = [info.expected === undefined ? '' : `expected: ${info.expected}\nactual: ${info.actual ?? ''}\n`, info.location === undefined ? '' : `at ${info.location}\n`, info.stack ?? ''].join('');
        out.push(`      <${tag} message="${esc(info.message)}">${esc(detail)}</${tag}>`);
      } else if (spec.verdict === 'ignore') {
        out.push(`      <skipped${spec.skipReason === '' ? '' : ` message="${esc(spec.skipReason)}"`}/>`);
      }
      out.push('    </testcase>');
    }
    if (suite.hookError !== undefined) {
      const error = suite.hookError;
      out.push(`    <system-err>${esc(error instanceof Error ? (error.stack ?? error.message) : String(error))}</system-err>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
