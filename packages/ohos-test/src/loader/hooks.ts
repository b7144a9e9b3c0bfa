/**
 * Module hooks (Node's loader thread) that let device sources run: `.ets`/`.ts` files are
 * transpiled, DevEco's extensionless relative imports find their `.ets`/`.ts` file, the device
 * modules this package provides resolve to src/modules/, the names ohos-net-http's hook lists
 * (`@ohos.net.http`, `@kit.NetworkKit`, `@ohos.net.connection`, …) go on to it, and any other
 * `@ohos.*`/`@kit.*` name fails with
 * an error that says it is not available on Node.js.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findOffDeviceConstruct } from './arkts-check.js';
import { pickTranspiler, type Transpile } from './transpile.js';

const here = (path: string): string => new URL(path, import.meta.url).href;

/** Device module names served by this package. */
const PROVIDED: Readonly<Record<string, string>> = {
  '@ohos/hypium': here('../hypium/index.js'),
  '@ohos.hilog': here('../modules/hilog.js'),
  '@ohos.util': here('../modules/util.js'),
  '@ohos.buffer': here('../modules/buffer.js'),
  '@ohos.url': here('../modules/url.js'),
  '@kit.ArkTS': here('../modules/arkts-kit.js'),
  '@kit.BasicServicesKit': here('../modules/basic-services-kit.js'),
  '@kit.PerformanceAnalysisKit': here('../modules/performance-analysis-kit.js'),
};
/** Served by ohos-net-http's register hook, which runs after this one: the names it lists (set by initialize). */
let fromClient: ReadonlySet<string> = new Set();
const SOURCE_EXTENSIONS = ['.ets', '.ts'];

interface ResolveContext {
  parentURL?: string | undefined;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context: ResolveContext) => ResolveResult | Promise<ResolveResult>;
type NextLoad = (url: string, context: unknown) => LoadResult | Promise<LoadResult>;

let transpile: Transpile | undefined;
let transpilerName: string | undefined;

export function initialize(data: { transpiler?: string; clientModules?: readonly string[] } | undefined): void {
  transpilerName = data?.transpiler;
  fromClient = new Set(data?.clientModules);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** `./Ability.test` → `./Ability.test.ets`, `./utils` → `./utils/index.ets`, as DevEco resolves them. */
function findSource(specifier: string, parentURL: string): string | undefined {
  const base = new URL(specifier, parentURL);
  if (base.protocol !== 'file:') return undefined;
  const path = fileURLToPath(base);
  if (isFile(path)) return undefined;
  for (const candidate of [...SOURCE_EXTENSIONS.map((ext) => path + ext), ...SOURCE_EXTENSIONS.map((ext) => `${path}/index${ext}`)]) {
    if (isFile(candidate)) return new URL(`file://${candidate}`).href;
  }
  return undefined;
}

function importer(context: ResolveContext): string {
  const parent = context.parentURL;
  return parent?.startsWith('file:') === true ? fileURLToPath(parent) : String(parent);
}

export function resolve(specifier: string, context: ResolveContext, next: NextResolve): ResolveResult | Promise<ResolveResult> {
  const provided = PROVIDED[specifier];
  if (provided !== undefined) return { url: provided, format: 'module', shortCircuit: true };
  if (fromClient.has(specifier)) return next(specifier, context);
  if (/^@(ohos|kit)\./.test(specifier)) {
    throw new Error(`${specifier} is not available on Node.js in ohos-test (imported by ${importer(context)})`);
  }
  const parent = context.parentURL;
  if (parent !== undefined && /^(\.{1,2}\/|\/|file:)/.test(specifier)) {
    const found = findSource(specifier, parent);
    if (found !== undefined) return { url: found, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url: string, context: unknown, next: NextLoad): Promise<LoadResult> {
  if (!url.startsWith('file:') || !/\.e?ts$/.test(url) || url.endsWith('.d.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const source = await readFile(file, 'utf8');
  const found = findOffDeviceConstruct(source);
  if (found !== undefined) {
    const error = new Error(`${file}:${found.line}:${found.column}: ${found.what} cannot run on Node.js; keep UI code out of the files that tests import`);
    error.name = 'OffDeviceArkTSError';
    throw error;
  }
  transpile ??= await pickTranspiler(transpilerName);
  try {
    return { format: 'module', source: await transpile(source, file), shortCircuit: true };
  } catch (error) {
    // esbuild reports "file:line:col: ERROR: ..." lines; keep them, without esbuild's own stack.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot compile ${file}: ${message}`);
  }
}
