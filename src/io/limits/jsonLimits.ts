/** A value the limits refuse: what was over which limit, and where, relative to the value checked. */
export interface JsonLimitProblem {
  /**
   * `depth`: an array or object deeper than the depth limit; `circular`: a value that contains itself; `text`:
   * a string longer than the length limit; `key`: an object key longer than it (the path is then the object's).
   */
  readonly kind: 'depth' | 'circular' | 'text' | 'key';
  /** The keys and indexes from the value checked to the problem. */
  readonly path: readonly (string | number)[];
  /** For `text` and `key`: the text that is too long. */
  readonly text?: string;
}

/** An array or an object whose prototype is `Object.prototype` or `null`: the containers of parsed JSON. */
function isContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The length of text in bytes of UTF-8 (a lone surrogate counted as 2, not the 3 of the U+FFFD it would become).
 *
 * @param text - The text.
 * @returns Its length in bytes.
 * @example
 * utf8Length('é😀') //=> 6
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Each UTF-16 unit is one byte at least: a unit from U+0080 adds one, from U+0800 two (a surrogate pair,
    // four bytes in all, is two units that add one each).
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Whether text is longer than `max` bytes of UTF-8, counting them only when its length leaves it open. */
function longerThan(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Length(text) > max;
}

/** One array or object being walked. */
interface Frame {
  readonly value: object;
  /** The object's keys, or null for an array (walked by index). */
  readonly keys: readonly string[] | null;
  readonly length: number;
  index: number;
  readonly depth: number;
  /** The key or index it was reached by. */
  readonly key: string | number;
}

/**
 * Checks untrusted values (parsed JSON, or values built in code) against the input limits before anything
 * recurses into them or quotes them: arrays and objects nested deeper than `maxDepth`, values that contain
 * themselves, and strings and keys longer than `maxLineBytes`. The walk uses its own stack, so no depth
 * overflows it, and it remembers the containers it has passed, so a value shared many times over (possible in
 * values built in code, never in parsed JSON) is walked again only when met deeper than before: the work stays
 * at most `maxDepth` times the size of the value.
 */
export class JsonLimitCheck {
  private readonly maxDepth: number;
  private readonly maxLineBytes: number;
  /**
   * Containers met so far: the depth they passed at (any shallower meeting passes too), or minus the depth while
   * they are being walked, so that meeting one again inside itself is a cycle.
   */
  private readonly seen = new Map<object, number>();

  constructor(maxDepth: number, maxLineBytes: number) {
    this.maxDepth = maxDepth;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The first problem in a value, or undefined when it is within the limits.
   *
   * @param value - The value, e.g. one record.
   * @param depth - The depth of the value itself, when it is an array or object (the top of the input is 1).
   * @returns The problem, its path relative to `value`.
   */
  check(value: unknown, depth: number): JsonLimitProblem | undefined {
    if (typeof value === 'string') {
      return longerThan(value, this.maxLineBytes) ? { kind: 'text', path: [], text: value } : undefined;
    }
    if (!isContainer(value)) return undefined;
    const passed = this.seen.get(value);
    if (passed !== undefined && passed >= depth) return undefined;
    if (depth > this.maxDepth) return { kind: 'depth', path: [] };
    if (!Array.isArray(value)) {
      const flat = this.checkFlat(value as Record<string, unknown>);
      if (flat !== false) return flat;
    }
    const frames: Frame[] = [];
    this.enter(frames, value, depth, 0);
    const problem = this.walk(frames);
    // A walk cut short leaves containers marked that were never finished: forget them all (problems are rare).
    if (problem !== undefined) this.seen.clear();
    return problem;
  }

  /**
   * A record that holds no array or object (the usual case: texts, numbers and nulls) checked without the walk's
   * bookkeeping, since it can hold no cycle and no depth: its problem, undefined when it has none, or false when
   * it holds an array or object and must be walked.
   */
  private checkFlat(record: Record<string, unknown>): JsonLimitProblem | undefined | false {
    const maxLineBytes = this.maxLineBytes;
    // `for...in` reads the keys without copying them; a record's prototype is Object.prototype or null.
    for (const key in record) {
      if (longerThan(key, maxLineBytes)) return { kind: 'key', path: [], text: key };
      const child = record[key];
      if (typeof child === 'string') {
        if (longerThan(child, maxLineBytes)) return { kind: 'text', path: [key], text: child };
      } else if (typeof child === 'object' && child !== null) return false;
    }
    return undefined;
  }

  private enter(frames: Frame[], value: object, depth: number, key: string | number): void {
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const length = keys === null ? (value as unknown[]).length : keys.length;
    frames.push({ value, keys, length, index: 0, depth, key });
    this.seen.set(value, -depth);
  }

  private walk(frames: Frame[]): JsonLimitProblem | undefined {
    const maxDepth = this.maxDepth;
    const maxLineBytes = this.maxLineBytes;
    const at = (key?: string | number): (string | number)[] => {
      const path = frames.slice(1).map((frame) => frame.key);
      if (key !== undefined) path.push(key);
      return path;
    };
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.index === frame.length) {
        frames.pop();
        this.seen.set(frame.value, frame.depth);
        continue;
      }
      const index = frame.index;
      frame.index += 1;
      const key = frame.keys === null ? index : frame.keys[index]!;
      if (typeof key === 'string' && longerThan(key, maxLineBytes))
        return { kind: 'key', path: at(), text: key };
      const child: unknown = (frame.value as Record<string | number, unknown>)[key];
      if (typeof child === 'string') {
        if (longerThan(child, maxLineBytes)) return { kind: 'text', path: at(key), text: child };
        continue;
      }
      if (!isContainer(child)) continue;
      const depth = frame.depth + 1;
      const passed = this.seen.get(child);
      if (passed !== undefined) {
        if (passed < 0) return { kind: 'circular', path: at(key) };
        if (passed >= depth) continue;
      }
      if (depth > maxDepth) return { kind: 'depth', path: at(key) };
      this.enter(frames, child, depth, key);
    }
    return undefined;
  }
}
