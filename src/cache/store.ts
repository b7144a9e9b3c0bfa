/** Something with a size in bytes. */
export interface Sized {
  readonly size: number;
}

/**
 * A least-recently-used map bounded by the total size of its values. A value larger than the
 * whole budget is refused; adding one evicts the least recently used values until it fits.
 * Iteration order is least recently used first.
 */
export class LruStore<V extends Sized> {
  readonly budget: number;
  readonly #map = new Map<string, V>();
  #bytes = 0;

  constructor(budget: number) {
    this.budget = budget;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get count(): number {
    return this.#map.size;
  }

  /** The value, marked as most recently used. */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.#map.has(key);
  }

  /** Stores `value` as most recently used; `false` (and nothing stored or evicted) when it exceeds the budget. */
  set(key: string, value: V): boolean {
    if (value.size > this.budget) return false;
    this.delete(key);
    this.#map.set(key, value);
    this.#bytes += value.size;
    for (const [oldest, old] of this.#map) {
      if (this.#bytes <= this.budget) break;
      this.#map.delete(oldest);
      this.#bytes -= old.size;
    }
    return true;
  }

  delete(key: string): boolean {
    const old = this.#map.get(key);
    if (old === undefined) return false;
    this.#map.delete(key);
    this.#bytes -= old.size;
    return true;
  }

  clear(): void {
    this.#map.clear();
    this.#bytes = 0;
  }

  /** Least recently used first. */
  entries(): IterableIterator<[string, V]> {
    return this.#map.entries();
  }
}
