// Summarises a V8 .cpuprofile: self time per function, the share of each code area, and for the
// functions in ohos-net-http's dist/ also their inclusive time.
// Usage: node .build/bench/profile-summary.js <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface FunctionTime { readonly key: string; readonly area: string; readonly selfMs: number; readonly totalMs: number }
export interface ProfileSummary {
  readonly totalMs: number;
  readonly areas: readonly { area: string; ms: number }[];
  readonly top: readonly FunctionTime[];
  readonly ours: readonly FunctionTime[];
}

/** Which body of code a frame belongs to. */
function areaOf(url: string, name: string): string {
  if (url.includes('/node_modules/undici/')) return 'undici';
  if (url.includes('/node_modules/')) return 'other packages';
  if (url.includes('/dist/')) return 'ohos-net-http (dist/)';
  if (url.includes('/.build/bench/')) return 'bench harness';
  if (url.startsWith('node:')) return 'node internals';
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'native / program';
  return url === '' ? 'native / builtins' : 'other';
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\/.*\/\.build\//, '');
}

function keyOf(f: CallFrame): string {
  const name = f.functionName === '' ? '(anonymous)' : f.functionName;
  return f.url === '' ? name : `${name}  ${shortUrl(f.url)}:${f.lineNumber + 1}`;
}

export function summarise(path: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) byId.set(n.id, n);
  const selfById = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfById.set(id, (selfById.get(id) ?? 0) + dt);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const area = new Map<string, string>();
  const areas = new Map<string, number>();
  // Inclusive time per node, then per function counting each function once per stack.
  const inclusive = new Map<number, number>();
  const inclusiveOf = (id: number): number => {
    const node = byId.get(id) as ProfileNode;
    let sum = selfById.get(id) ?? 0;
    for (const c of node.children ?? []) sum += inclusiveOf(c);
    inclusive.set(id, sum);
    return sum;
  };
  const root = profile.nodes[0] as ProfileNode;
  inclusiveOf(root.id);
  const walk = (id: number, onStack: Set<string>): void => {
    const node = byId.get(id) as ProfileNode;
    const key = keyOf(node.callFrame);
    area.set(key, areaOf(node.callFrame.url, node.callFrame.functionName));
    const s = selfById.get(id) ?? 0;
    self.set(key, (self.get(key) ?? 0) + s);
    const a = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + s);
    const fresh = !onStack.has(key);
    if (fresh) {
      total.set(key, (total.get(key) ?? 0) + (inclusive.get(id) ?? 0));
      onStack.add(key);
    }
    for (const c of node.children ?? []) walk(c, onStack);
    if (fresh) onStack.delete(key);
  };
  walk(root.id, new Set());
  const rows: FunctionTime[] = [...self.entries()].map(([key, selfMs]) => ({
    key, area: area.get(key) ?? 'other', selfMs, totalMs: total.get(key) ?? 0,
  }));
  const busy = [...areas.entries()].filter(([a]) => a !== 'idle').reduce((s, [, ms]) => s + ms, 0);
  return {
    totalMs: busy,
    areas: [...areas.entries()].map(([a, ms]) => ({ area: a, ms })).sort((x, y) => y.ms - x.ms),
    top: rows.filter((r) => r.area !== 'idle').sort((x, y) => y.selfMs - x.selfMs).slice(0, top),
    ours: rows.filter((r) => r.area === 'ohos-net-http (dist/)').sort((x, y) => y.selfMs - x.selfMs).slice(0, top),
  };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const pct = (ms: number): string => `${((100 * ms) / s.totalMs).toFixed(1)}%`;
  const lines = [`### ${title}`, '', `Busy (non-idle) CPU time: ${s.totalMs.toFixed(0)} ms`, '', '| area | self ms | share |', '| --- | ---: | ---: |'];
  for (const a of s.areas) if (a.area !== 'idle') lines.push(`| ${a.area} | ${a.ms.toFixed(0)} | ${pct(a.ms)} |`);
  lines.push('', '| top self time | area | self ms | share |', '| --- | --- | ---: | ---: |');
  for (const r of s.top) lines.push(`| \`${r.key}\` | ${r.area} | ${r.selfMs.toFixed(1)} | ${pct(r.selfMs)} |`);
  lines.push('', '| ohos-net-http function | self ms | self share | inclusive ms | inclusive share |', '| --- | ---: | ---: | ---: | ---: |');
  for (const r of s.ours) lines.push(`| \`${r.key}\` | ${r.selfMs.toFixed(1)} | ${pct(r.selfMs)} | ${r.totalMs.toFixed(1)} | ${pct(r.totalMs)} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: profile-summary.js <file.cpuprofile> [top]');
  console.log(formatSummary(file, summarise(file, Number(process.argv[3] ?? 25))));
}
