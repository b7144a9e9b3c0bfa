/** The request body from curl's -d family: files, stdin, CR/LF stripping and `&` joining as curl does them. */
import { readFile } from 'node:fs/promises';
import type { DataArg } from './args.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `-d @file` drops every CR and LF byte (curl: "carriage returns and newlines will be stripped out"). */
function withoutLineBreaks(bytes: Buffer): Buffer {
  if (!bytes.includes(0x0a) && !bytes.includes(0x0d)) return bytes;
  return Buffer.from(bytes.filter((b) => b !== 0x0a && b !== 0x0d));
}

async function oneArg(arg: DataArg, warn: (line: string) => void): Promise<Buffer> {
  if (arg.kind === 'raw' || !arg.value.startsWith('@')) return Buffer.from(arg.value, 'utf8');
  const name = arg.value.slice(1);
  let bytes: Buffer;
  try {
    bytes = name === '-' ? await readStdin() : await readFile(name);
  } catch {
    // curl goes on with nothing from this argument.
    warn(`Warning: Couldn't read data from file "${name}", this makes an empty POST.`);
    return Buffer.alloc(0);
  }
  return arg.kind === 'ascii' ? withoutLineBreaks(bytes) : bytes;
}

/** The body the arguments make, or `undefined` when there is no -d at all. */
export async function readData(args: readonly DataArg[], warn: (line: string) => void): Promise<Buffer | undefined> {
  if (args.length === 0) return undefined;
  const parts: Buffer[] = [];
  for (const arg of args) {
    if (parts.length > 0) parts.push(Buffer.from('&'));
    parts.push(await oneArg(arg, warn));
  }
  return Buffer.concat(parts);
}
