/**
 * Answers computed once per version of their data and shared: concurrent requests for the same key wait on one
 * computation, and a later version replaces the entry. Bounded: the least recently used keys go first.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    this.entries.delete(key);
    if (found && found.version === version) {
      this.entries.set(key, found);
      return found.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    // A failure is not kept: the next request computes again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
