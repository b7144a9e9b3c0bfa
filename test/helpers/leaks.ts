// Handle-leak check: after a test file has closed its servers, no socket, server or timer may remain beyond
// what was active when leakBaseline() was taken.
import assert from 'node:assert/strict';
import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises';

const WATCHED = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'] as const;
type Watched = (typeof WATCHED)[number];
type Counts = Record<Watched, number>;

function snapshot(): Counts {
  const counts: Counts = { TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 };
  for (const name of process.getActiveResourcesInfo()) {
    if ((WATCHED as readonly string[]).includes(name)) counts[name as Watched]++;
  }
  return counts;
}

let baseline: Counts = snapshot();

/** Records the currently active sockets/servers/timers as allowed. Call in `before()`. */
export function leakBaseline(): void {
  baseline = snapshot();
}

function excess(): Partial<Counts> {
  const now = snapshot();
  const over: Partial<Counts> = {};
  for (const k of WATCHED) if (now[k] > baseline[k]) over[k] = now[k] - baseline[k];
  return over;
}

/**
 * Waits a few event-loop turns (and up to `timeoutMs` for sockets still closing), then fails if more
 * TCPSocketWrap / TCPServerWrap / Timeout resources are active than at the baseline.
 */
export async function assertNoLeaks(opts: { timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 1000);
  for (;;) {
    await immediate();
    await immediate();
    const over = excess();
    if (Object.keys(over).length === 0) return;
    if (Date.now() >= deadline) {
      assert.fail(`leaked handles beyond baseline: ${JSON.stringify(over)}; active: ${process.getActiveResourcesInfo().join(', ')}`);
    }
    // The sleep's own Timeout is gone again by the time the immediates above have run.
    await sleep(10);
  }
}
