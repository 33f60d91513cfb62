/**
 * A Map that holds at most `capacity` entries: adding one more forgets the oldest insertion. For
 * in-process caches whose keys come from callers (tokens, identities), so that no caller can grow
 * them without bound.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.capacity) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
