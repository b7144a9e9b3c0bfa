/** Counting and describing results the way hypium's summary does (src/service.js, getSummary/traversalResults). */
import { inspect } from 'node:util';
import { AssertException, type Spec, type Suite } from '../hypium/tree.js';
import { failureLocation } from './location.js';

export interface Summary {
  suites: number;
  total: number;
  pass: number;
  failure: number;
  error: number;
  ignore: number;
  /** Suites whose beforeAll/afterAll failed. */
  hookErrors: Suite[];
  durationMs: number;
}

export function allSuites(root: Suite, out: Suite[] = []): Suite[] {
  for (const child of root.childSuites) {
    out.push(child);
    allSuites(child, out);
  }
  return out;
}

export function summarize(root: Suite, durationMs: number): Summary {
  const suites = allSuites(root);
  const specs = root.allSpecs();
  const count = (v: Spec['verdict']): number => specs.filter((s) => s.verdict === v).length;
  const pass = count('pass');
  const failure = count('fail');
  const error = count('error');
  return {
    suites: suites.length,
    total: specs.length,
    pass,
    failure,
    error,
    ignore: specs.length - pass - failure - error,
    hookErrors: suites.filter((s) => s.hookError !== undefined),
    durationMs,
  };
}

export function show(value: unknown): string {
  return inspect(value, { depth: 4, breakLength: Infinity });
}

export interface FailureInfo {
  message: string;
  location: string | undefined;
  expected?: string;
  actual?: string;
  stack: string | undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : show(error);
}

/** The failure of a case as hypium words it (`message: <msg>, Error in <case>, <text>` when .message() was used). */
export function failureOf(spec: Spec): FailureInfo | undefined {
  const cause: unknown = spec.error ?? spec.fail;
  if (cause === undefined) return undefined;
  const text = messageOf(cause);
  const info: FailureInfo = {
    message: spec.expectMsg === '' ? text : `message: ${spec.expectMsg}, ${text}`,
    location: failureLocation(cause),
    stack: cause instanceof Error ? cause.stack : undefined,
  };
  if (cause instanceof AssertException) {
    info.actual = show(cause.actual);
    if (cause.hasExpected) info.expected = show(cause.expected);
  }
  return info;
}

export function fullName(spec: Spec): string {
  return `${spec.suite.path}#${spec.description}`;
}
