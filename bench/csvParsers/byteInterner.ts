/**
 * Interns byte strings as small integer ids, without building a string per lookup: the key is hashed and
 * compared straight from the bytes (e.g. a field range that `CsvByteScanner` (src/io/long/_internal/csvByteScanner.ts) reports), and only a key
 * seen for the first time is copied and decoded. Ids are given in order of first appearance, from 0, so two
 * interners fed the same keys in the same order agree, and agree with a `Map<string, number>` filled the same
 * way.
 *
 * @example
 * const dates = new ByteInterner();
 * const id = dates.intern(row.bytes, row.starts[1], row.ends[1]); // 0 for the first date, 1 for the next…
 * dates.values[id]; //=> '2024-09-02'
 */
const EMPTY_SLOT = -1;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A hash of a byte range: a shift-and-add step per byte (short dependency chain, so cheap for the short keys
 * of a register), then one multiply to spread the bits over the table's mask.
 */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = end - start;
  for (let index = start; index < end; index += 1) hash = ((hash << 5) + hash + bytes[index]!) | 0;
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) ^ (hash >>> 12);
}

/** Byte strings to dense ids; see the module comment. */
export class ByteInterner {
  /** Each id's key, decoded as UTF-8 once, when it was first seen. */
  readonly values: string[] = [];
  /** Open addressing: slot → id, or {@link EMPTY_SLOT}. */
  private slots = new Int32Array(1024).fill(EMPTY_SLOT);
  private hashes = new Int32Array(256);
  /** Key `id` is `pool[offsets[id] .. offsets[id + 1])`. */
  private offsets = new Int32Array(257);
  private pool = new Uint8Array(4096);
  /** One-byte keys (e.g. most register codes) skip the hash table. */
  private readonly oneByte = new Int32Array(256).fill(EMPTY_SLOT);

  /** How many distinct keys have been seen. */
  get size(): number {
    return this.values.length;
  }

  /** The id of the key `bytes[start .. end)`, given the next id if it is new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length === 1) {
      const id = this.oneByte[bytes[start]!]!;
      if (id !== EMPTY_SLOT) return id;
    }
    const hash = hashBytes(bytes, start, end);
    const mask = this.slots.length - 1;
    const pool = this.pool;
    const offsets = this.offsets;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) return this.insert(bytes, start, end, hash, slot);
      if (this.hashes[id] !== hash) continue;
      const from = offsets[id]!;
      if (offsets[id + 1]! - from !== length) continue;
      let index = 0;
      while (index < length && pool[from + index] === bytes[start + index]) index += 1;
      if (index === length) return id;
    }
  }

  /** Whether key `id` is `bytes[start .. end)`: a cheap check for a key that repeats row after row. */
  equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[id]!;
    const length = end - start;
    if (this.offsets[id + 1]! - from !== length) return false;
    const pool = this.pool;
    for (let index = 0; index < length; index += 1) {
      if (pool[from + index] !== bytes[start + index]) return false;
    }
    return true;
  }

  private insert(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const id = this.values.length;
    const length = end - start;
    if (id + 2 > this.offsets.length) {
      this.offsets = grow(this.offsets, this.offsets.length * 2);
      this.hashes = grow(this.hashes, this.hashes.length * 2);
    }
    const from = this.offsets[id]!;
    if (from + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(from + length, this.pool.length * 2));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), from);
    this.offsets[id + 1] = from + length;
    this.hashes[id] = hash;
    this.values.push(utf8.decode(bytes.subarray(start, end)));
    this.slots[slot] = id;
    if (length === 1) this.oneByte[bytes[start]!] = id;
    // Keep the table at most half full.
    if (this.values.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity).fill(EMPTY_SLOT);
    const mask = capacity - 1;
    for (let id = 0; id < this.values.length; id += 1) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}
