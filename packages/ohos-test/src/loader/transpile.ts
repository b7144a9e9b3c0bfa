/**
 * `.ets`/`.ts` → JavaScript with an inline source map, so stack traces point into the source file.
 * esbuild is the transpiler (see the README's "Why esbuild" for the measurement); TypeScript's
 * transpileModule is kept only so the start-up benchmark can compare the two
 * (OHOS_TEST_TRANSPILER=typescript, which needs `typescript` installed).
 */
import { transform } from 'esbuild';

export type Transpile = (source: string, file: string) => Promise<string>;

const esbuildTranspile: Transpile = async (source, file) => {
  const result = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: file,
    // ArkTS decorators such as @Sendable and @Concurrent are legacy (experimental) decorators.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: true } },
  });
  return result.code;
};

interface TypeScriptApi {
  transpileModule(
    source: string,
    options: { fileName: string; compilerOptions: Record<string, unknown> },
  ): { outputText: string };
}

async function typescriptTranspiler(): Promise<Transpile> {
  const ts = ((await import('typescript')) as { default: TypeScriptApi }).default;
  return (source, file) =>
    Promise.resolve(
      ts.transpileModule(source, {
        fileName: file.replace(/\.ets$/, '.ts'),
        compilerOptions: { module: 99, target: 9, inlineSourceMap: true, inlineSources: true, experimentalDecorators: true },
      }).outputText,
    );
}

export async function pickTranspiler(name: string | undefined): Promise<Transpile> {
  return name === 'typescript' ? typescriptTranspiler() : esbuildTranspile;
}
