/**
 * A map from integer-valued numbers to positive row numbers, without a JS object per entry. Keys
 * that arrive in increasing order — the usual case for a legacy export's ids — are appended to a
 * sorted run (sequential memory, no hashing, found again by binary search); any other key goes to an
 * open-addressing hash table (linear probing) in two typed arrays. Every key lives in exactly one of
 * the two. For the million keys of a large load it is several times faster than a `Map` and leaves
 * the garbage collector nothing to trace.
 */
export class NumberMap {
  private runKeys = new Float64Array(1 << 12);
  private runValues = new Float64Array(1 << 12);
  private runLength = 0;
  private hashKeys = new Float64Array(1 << 12);
  /** 0 marks a free slot, so stored values must be ≥ 1. */
  private hashValues = new Float64Array(1 << 12);
  private mask = (1 << 12) - 1;
  private hashSize = 0;

  /** The value stored for `key`, or undefined. */
  get(key: number): number | undefined {
    const n = this.runLength;
    if (n > 0 && key <= this.runKeys[n - 1]) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const k = this.runKeys[mid];
        if (k === key) return this.runValues[mid];
        if (k < key) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    if (this.hashSize === 0) return undefined;
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const v = this.hashValues[i];
      if (v === 0) return undefined;
      if (this.hashKeys[i] === key) return v;
    }
  }

  /** Stores `value` (≥ 1) for a key not yet present. */
  add(key: number, value: number): void {
    const n = this.runLength;
    if (n === 0 || key > this.runKeys[n - 1]) {
      if (n === this.runKeys.length) {
        const keys = new Float64Array(n * 2);
        const values = new Float64Array(n * 2);
        keys.set(this.runKeys);
        values.set(this.runValues);
        this.runKeys = keys;
        this.runValues = values;
      }
      this.runKeys[n] = key;
      this.runValues[n] = value;
      this.runLength = n + 1;
      return;
    }
    this.hashAdd(key, value);
  }

  private hashAdd(key: number, value: number): void {
    if ((this.hashSize + 1) * 2 > this.hashKeys.length) this.grow();
    let i = this.slot(key);
    while (this.hashValues[i] !== 0) i = (i + 1) & this.mask;
    this.hashKeys[i] = key;
    this.hashValues[i] = value;
    this.hashSize++;
  }

  private slot(key: number): number {
    const lo = key | 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    return h & this.mask;
  }

  private grow(): void {
    const keys = this.hashKeys;
    const values = this.hashValues;
    this.hashKeys = new Float64Array(keys.length * 4);
    this.hashValues = new Float64Array(keys.length * 4);
    this.mask = keys.length * 4 - 1;
    this.hashSize = 0;
    for (let i = 0; i < keys.length; i++) if (values[i] !== 0) this.hashAdd(keys[i], values[i]);
  }
}
