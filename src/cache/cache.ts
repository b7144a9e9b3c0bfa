import { join } from 'node:path';
import { settings } from '../config.js';
import type { RequestPlan } from '../options/plan.js';
import { parseTarget } from '../options/url.js';
import { withJarCookies, type Jar } from '../response/cookies.js';
import { trustContext } from './context.js';
import type { CacheEntry } from './entry.js';
import { CacheExchange, type EntrySink } from './exchange.js';
import { cacheKey, effectiveMethod } from './key.js';
import { FILE_NAME, encodeFile, loadFile, removeFile, removeOrphans, writeFileAtomic } from './persist.js';
import { decide, methodUsesCache } from './policy.js';
import { LruStore } from './store.js';
import { varyMatches } from './vary.js';

/** Background persistence period, as on the device. */
export const FLUSH_INTERVAL_MS = 60_000;

/**
 * The one process-wide response cache. Off until start(); delete() turns it off again. Entries
 * live in memory (an LRU bounded in bytes) and are persisted to one file in `settings.cacheDir`:
 * loaded at start, written by flush(), every 60 s (unref'd timer) and once when the process is
 * about to exit by itself with unwritten changes.
 */
class ResponseCache implements EntrySink {
  #store: LruStore<CacheEntry> | undefined;
  #file = '';
  #timer: NodeJS.Timeout | undefined;
  /** Bumped by start() and delete(): work begun in an earlier generation must not touch the current one. */
  #generation = 0;
  /** Bumped on every change of the entries; `#written` is the version on disk. */
  #version = 0;
  #written = 0;
  /** The version the exit hook last tried to write (so a failing disk cannot loop the process). */
  #exitTried = -1;
  #writing: Promise<void> = Promise.resolve();
  readonly #beforeExit = (): void => {
    if (this.#store === undefined || this.#version === this.#written || this.#exitTried === this.#version) return;
    this.#exitTried = this.#version;
    this.#persist().catch(() => undefined);
  };

  get running(): boolean {
    return this.#store !== undefined;
  }

  /** Starts the cache with a budget in bytes, loading the file; no effect while it runs. */
  start(budget: number): void {
    if (this.#store !== undefined) return;
    this.#generation++;
    const store = new LruStore<CacheEntry>(budget);
    this.#file = join(settings.cacheDir, FILE_NAME);
    removeOrphans(this.#file);
    const loaded = loadFile(this.#file);
    this.#version = this.#written = 0;
    this.#exitTried = -1;
    if (loaded.state === 'invalid') {
      this.#version = 1; // replace the bad file at the next write, even with nothing in it
    } else if (loaded.state === 'ok') {
      for (const [key, entry] of loaded.entries) store.set(key, entry);
      if (store.count < loaded.entries.length) this.#version = 1;
    }
    this.#store = store;
    this.#timer = setInterval(() => {
      this.#persist().catch(() => undefined);
    }, FLUSH_INTERVAL_MS);
    this.#timer.unref();
    process.on('beforeExit', this.#beforeExit);
  }

  /**
   * What the cache does for a request() about to be sent: `undefined` when it takes no part
   * (off, or a method it never handles); else an exchange that is a fresh hit, a revalidation or
   * a plain request whose response may be stored (also with `usingCache: false`, as on the device).
   * `jar` is the requesting object's cookie jar: its cookies are part of the request as sent.
   */
  lookup(plan: RequestPlan, start: number, jar: Jar | undefined): CacheExchange | undefined {
    const store = this.#store;
    if (store === undefined || !methodUsesCache(effectiveMethod(plan), plan.headers)) return undefined;
    let sent: Readonly<Record<string, string>>;
    try {
      sent = withJarCookies(plan.headers, jar, parseTarget(plan.url).href);
    } catch {
      return undefined; // a URL the transfer refuses: nothing to look up or store
    }
    const context = trustContext(plan);
    const key = cacheKey(plan, sent, context.text);
    const exchange = (outcome: ConstructorParameters<typeof CacheExchange>[5]): CacheExchange =>
      new CacheExchange(this, this.#generation, key, context.volatile, plan, outcome);
    const entry = plan.usingCache ? store.get(key) : undefined;
    if (entry === undefined || !varyMatches(entry.vary, sent)) return exchange({ kind: 'store' });
    const decision = decide(plan.headers, entry, Date.now());
    switch (decision.kind) {
      case 'fresh':
        return exchange({ kind: 'fresh', entry, warnings: decision.warnings, start });
      case 'stale':
        return exchange({ kind: 'stale', entry, conditional: decision.conditional });
      case 'network':
        return exchange({ kind: 'store' });
    }
  }

  put(generation: number, key: string, entry: CacheEntry): void {
    const store = this.#store;
    if (store === undefined || generation !== this.#generation) return;
    // An entry too large for the budget is not stored, and the older one it replaces goes too.
    if (!store.set(key, entry)) store.delete(key);
    this.#version++;
  }

  remove(generation: number, key: string): void {
    if (generation === this.#generation && this.#store?.delete(key) === true) this.#version++;
  }

  /** Writes the entries now, if anything changed since the last write; a no-op when the cache is off. */
  flush(): Promise<void> {
    return this.#store === undefined ? Promise.resolve() : this.#persist();
  }

  /** Turns the cache off: stops the timer, forgets every entry and removes the file. A no-op when off. */
  delete(): void {
    if (this.#store === undefined) return;
    this.#generation++;
    clearInterval(this.#timer);
    this.#timer = undefined;
    process.off('beforeExit', this.#beforeExit);
    this.#store.clear();
    this.#store = undefined;
    removeFile(this.#file);
  }

  /** Writes are queued one after another, each writing the entries as they are when its turn comes. */
  #persist(): Promise<void> {
    const generation = this.#generation;
    const write = this.#writing.then(async () => {
      const store = this.#store;
      const version = this.#version;
      if (store === undefined || generation !== this.#generation || version === this.#written) return;
      await writeFileAtomic(this.#file, encodeFile(store.entries()), () => generation === this.#generation);
      if (generation === this.#generation && version > this.#written) this.#written = version;
    });
    this.#writing = write.catch(() => undefined);
    return write;
  }
}

export const responseCache = new ResponseCache();
