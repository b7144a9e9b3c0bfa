// Bundles the compiled entry points into a few files: loading ~70 small modules costs more than
// the code in them, and import time matters (target < 50 ms). Types stay in dist/*.d.ts from tsc.
import { build } from 'esbuild';

await build({
  entryPoints: {
    index: 'dist/index.js',
    node: 'dist/node.js',
    register: 'dist/register.js',
    'register-hooks': 'dist/register-hooks.js',
    kit: 'dist/kit.js',
    connection: 'dist/connection/index.js',
    'unavailable-module': 'dist/unavailable-module.js',
    'vpn-extension-ability': 'dist/vpn-extension-ability.js',
    base: 'dist/base.js',
    'sync-worker': 'dist/http/sync-worker.js',
    main: 'dist/cli/main.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'shared-[hash]',
  logLevel: 'warning',
});
