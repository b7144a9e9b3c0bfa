// Builds dist/: declarations from tsc, code from esbuild. The layout and the reasons for it are in
// docs/packaging.md. In short: the library is one CommonJS bundle (dist/bundle/core.cjs), so
// `require` works on every supported Node and `import` and `require` share one instance; each
// entry point is a thin view of it, in .cjs for `require` and .mjs for `import`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');
const require = createRequire(import.meta.url);

/** The package's entry points that hold library code, by name → source under src/ (no extension); all live in core.cjs. */
const SOURCES = { index: 'index', node: 'node', kit: 'kit', base: 'base', connection: 'connection/index' };
const ENTRIES = Object.keys(SOURCES);
/**
 * Members of the kit that stand for whole device modules without a Node.js counterpart: the register hook
 * resolves `@ohos.net.<name>` to `ohos-net-http/device/<name>`, whose default export is the kit's member
 * (it links, and throws code 801 on use). VpnExtensionAbility's module also exports VpnExtensionContext.
 */
const DEVICE_VIEWS = ['ethernet', 'mdns', 'policy', 'sharing', 'webSocket', 'socket', 'statistics', 'vpn', 'vpnExtension',
  'networkSecurity', 'eap', 'netFirewall', 'VpnExtensionAbility'];

rmSync(join(root, 'dist'), { recursive: true, force: true });

// 1. Declarations (and the type check of src/).
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
keepReachableDeclarations(join(root, 'dist'), [...Object.values(SOURCES), 'register']);
writeCommonJsDeclarations(join(root, 'dist'));

// 2. Code.
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
// CommonJS has no import.meta: the few uses (files next to the bundle) read the bundle's own URL.
const commonJs = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__ohos_bundle_url' },
  banner: { js: "'use strict';\nconst __ohos_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...commonJs,
  stdin: {
    contents: [
      ...ENTRIES.map((name) => `import * as ${name} from './src/${SOURCES[name]}.ts';`),
      // A copy of each namespace marked as an ES module, so TypeScript's CommonJS interop finds `default`.
      'const view = (ns) => Object.defineProperty({ ...ns }, "__esModule", { value: true });',
      ...ENTRIES.map((name) => `export const ${name}View = view(${name});`),
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'core.ts',
    loader: 'ts',
  },
  outfile: join(out, 'core.cjs'),
});
await build({ ...commonJs, entryPoints: ['src/register.ts'], outfile: join(out, 'register.cjs') });
await build({ ...common, format: 'esm', entryPoints: ['src/register-hooks.ts'], outfile: join(out, 'register-hooks.mjs') });
// The worker thread and the command line run their own copy of nothing: they reach the library
// through its entry points.
await build({ ...commonJs, entryPoints: ['src/http/sync-worker.ts'], outfile: join(out, 'sync-worker.cjs'), plugins: [publicEntries('cjs')] });
await build({ ...common, format: 'esm', entryPoints: ['src/cli/main.ts'], outfile: join(out, 'main.mjs'), plugins: [publicEntries('mjs')] });

/** @type {unknown} */
const loaded = require(join(out, 'core.cjs'));
const core = /** @type {Record<string, Record<string, unknown>>} */ (loaded);
for (const name of ENTRIES) {
  const view = core[`${name}View`] ?? {};
  writeFileSync(join(out, `${name}.cjs`), `'use strict';\n// A view of core.cjs, the one copy of the library in the process.\nmodule.exports = require('./core.cjs').${name}View;\n`);
  const names = Object.keys(view).filter((key) => key !== 'default');
  writeFileSync(join(out, `${name}.mjs`), [
    `// The ES module face of ${name}.cjs: the same objects, not a second copy of the library.`,
    // require() rather than \`import\`: the same module cache, without Node scanning the whole bundle for export names.
    "import { createRequire } from 'node:module';",
    '',
    "const core = createRequire(import.meta.url)('./core.cjs');",
    ...(names.length > 0 || 'default' in view ? [`const view = core.${name}View;`] : []),
    ...('default' in view ? ['export default view.default;'] : []),
    ...(names.length > 0 ? [`export const { ${names.join(', ')} } = view;`] : ['export {};']),
    '',
  ].join('\n'));
}
mkdirSync(join(out, 'device'), { recursive: true });
for (const name of DEVICE_VIEWS) {
  const extra = name === 'VpnExtensionAbility' ? ['VpnExtensionContext'] : [];
  writeFileSync(join(out, 'device', `${name}.cjs`), `'use strict';\n// @ohos.*.${name} under the register hook: the kit's member, not available on Node.js.\nmodule.exports = require('../core.cjs').kitView.${name};\n`);
  writeFileSync(join(out, 'device', `${name}.mjs`), [
    `// @ohos.*.${name} under the register hook: the kit's member, not available on Node.js.`,
    "import { createRequire } from 'node:module';",
    '',
    "const kit = createRequire(import.meta.url)('../core.cjs').kitView;",
    `export default kit.${name};`,
    ...extra.map((member) => `export const ${member} = kit.${member};`),
    '',
  ].join('\n'));
}
writeFileSync(join(out, 'register.mjs'), "// `--import ohos-net-http/register`: the same install as `--require`.\nexport { deviceModules } from './register.cjs';\n");

/**
 * Imports of the package's entry points from src/ become imports of the built entry files.
 * @param {string} extension
 * @returns {import('esbuild').Plugin}
 */
function publicEntries(extension) {
  const files = new Map(ENTRIES.map((name) => [join(root, 'src', `${SOURCES[name]}.ts`), `./${name}.${extension}`]));
  return {
    name: 'public-entries',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = files.get(resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
        return target === undefined ? undefined : { path: target, external: true };
      });
    },
  };
}

/**
 * Deletes the declarations no entry point reaches (the command line's, the worker's, the hooks').
 * @param {string} dir
 * @param {string[]} entries
 */
function keepReachableDeclarations(dir, entries) {
  /** @type {Set<string>} */
  const keep = new Set();
  /** @param {string} file */
  const visit = (file) => {
    if (keep.has(file)) return;
    keep.add(file);
    for (const [, , spec] of readFileSync(file, 'utf8').matchAll(/(['"])(\.\.?\/[^'"]*)\.js\1/g)) {
      visit(resolve(dirname(file), `${spec}.d.ts`));
    }
  };
  for (const name of entries) visit(join(dir, `${name}.d.ts`));
  /** @param {string} d */
  const sweep = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        sweep(path);
        if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
      } else if (!keep.has(path)) rmSync(path);
    }
  };
  sweep(dir);
}

/**
 * Every dist/**.d.ts gets a .d.cts twin for `require` consumers, with relative imports renamed to match.
 * @param {string} dir
 */
function writeCommonJsDeclarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) writeCommonJsDeclarations(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8').replace(/(['"])(\.\.?\/[^'"]*)\.js\1/g, '$1$2.cjs$1');
      writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), text);
    }
  }
}
