import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CodedFailure } from '../errors/business-error.js';
import type { MultipartSpec } from '../options/multipart.js';

/** Reports bytes handed to the connection so far, of `total`. */
export type SendProgress = (sent: number, total: number) => void;

/** A request body that can be sent again (307/308 redirects): a length and a fresh chunk stream each time. */
export interface BodySource {
  readonly length: number;
  open(progress: SendProgress | undefined): Iterable<Buffer> | AsyncIterable<Buffer>;
}

const SLICE = 64 * 1024;

function* slices(buf: Buffer, progress: SendProgress | undefined): Generator<Buffer> {
  for (let at = 0; at < buf.length; at += SLICE) {
    const chunk = buf.subarray(at, at + SLICE);
    yield chunk;
    // Runs when the transport asks for more: the chunk has been handed to the socket.
    progress?.(at + chunk.length, buf.length);
  }
}

/** A buffered body streamed in slices, so upload progress can be reported. */
export function bufferSource(buf: Buffer): BodySource {
  return { length: buf.length, open: (progress) => slices(buf, progress) };
}

/** A multipart body: memory pieces as they are, files streamed from disk (never read whole). */
export async function multipartSource(spec: MultipartSpec): Promise<BodySource> {
  let length = 0;
  for (const piece of spec.pieces) {
    if (Buffer.isBuffer(piece)) {
      length += piece.length;
      continue;
    }
    try {
      length += (await stat(piece.path)).size;
    } catch (cause) {
      throw new CodedFailure(`cannot read multipart file ${piece.path}`, { curl: 26 }, cause);
    }
  }
  const total = length;
  return {
    length: total,
    async *open(progress) {
      let sent = 0;
      for (const piece of spec.pieces) {
        const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(piece)
          ? [piece]
          : (createReadStream(piece.path, { highWaterMark: SLICE }) as AsyncIterable<Buffer>);
        try {
          for await (const chunk of chunks) {
            yield chunk;
            sent += chunk.length;
            progress?.(sent, total);
          }
        } catch (cause) {
          throw new CodedFailure('reading a multipart file failed', { curl: 26 }, cause);
        }
      }
    },
  };
}
