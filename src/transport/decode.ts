import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { CodedFailure } from '../errors/business-error.js';

type Factory = () => Transform;

// Flush modes that accept truncated-but-valid prefixes the way curl's decoders do.
const FACTORIES: Record<string, Factory> = {
  gzip: () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  'x-gzip': () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: () => zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: () => zlib.createBrotliDecompress(),
};
const zstd = (zlib as unknown as { createZstdDecompress?: Factory }).createZstdDecompress;
if (zstd !== undefined) FACTORIES.zstd = () => zstd();

/** Receives decoded bytes. */
export interface DecodeSink {
  data(chunk: Buffer): void;
  end(): void;
  error(err: unknown): void;
}

/**
 * A decoder chain for a `Content-Encoding` value, or `null` when the body is not encoded.
 * Unknown codings fail with curl's 61, as libcurl does.
 */
export function decoderFor(contentEncoding: string | undefined, sink: DecodeSink): Transform | null {
  if (contentEncoding === undefined) return null;
  const codings = contentEncoding.toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return null;
  const stages: Transform[] = [];
  for (const coding of codings.reverse()) {
    const make = FACTORIES[coding];
    if (make === undefined) throw new CodedFailure(`unsupported content encoding ${coding}`, { curl: 61 });
    stages.push(make());
  }
  for (let i = 0; i < stages.length - 1; i++) (stages[i] as Transform).pipe(stages[i + 1] as Transform);
  const last = stages[stages.length - 1] as Transform;
  const fail = (err: unknown): void => {
    for (const s of stages) s.destroy();
    sink.error(new CodedFailure('bad content encoding', { curl: 61 }, err));
  };
  for (const s of stages) s.on('error', fail);
  last.on('data', (chunk: Buffer) => { sink.data(chunk); });
  last.on('end', () => { sink.end(); });
  return stages[0] as Transform;
}
