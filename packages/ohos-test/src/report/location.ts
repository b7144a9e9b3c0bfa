/** Where a failure happened: the first stack frame in the user's sources (mapped to `.ets` lines by source maps). */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const OWN_DIR = fileURLToPath(new URL('..', import.meta.url));
const FRAME = /(?:\(|^at )((?:file:\/\/)?\/[^()]+?):(\d+):(\d+)\)?$/;

export function failureLocation(error: unknown, cwd = process.cwd()): string | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const m = FRAME.exec(line.trim());
    if (m === null) continue;
    const raw = m[1] ?? '';
    const path = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
    if (path.startsWith(OWN_DIR) || path.includes(`${sep}node_modules${sep}`)) continue;
    return `${relative(cwd, path)}:${m[2] ?? ''}:${m[3] ?? ''}`;
  }
  return undefined;
}
