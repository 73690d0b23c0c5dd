/**
 * Limits on the size and shape of untrusted input, shared by every importer of `school-attendance/io` and the
 * command-line tool: a line (or field, or XML text run) longer than {@link DEFAULT_MAX_LINE_BYTES}, or a JSON or
 * XML value nested deeper than {@link DEFAULT_MAX_DEPTH}, is refused with a located `too_long` or `too_deep`
 * issue instead of exhausting memory or the stack.
 *
 * @category Limits
 */
export interface InputLimits {
  /**
   * The longest line or field accepted, in bytes (UTF-8) or characters for text input.
   *
   * @defaultValue {@link DEFAULT_MAX_LINE_BYTES} (1 MiB)
   */
  readonly maxLineBytes?: number;
  /**
   * The deepest nesting of JSON arrays and objects (or XML elements) accepted.
   *
   * @defaultValue {@link DEFAULT_MAX_DEPTH} (64)
   */
  readonly maxDepth?: number;
}

/**
 * The default longest line or field, 1 MiB: no register row, pupil record or CTF element comes near it (the
 * longest row of the bundled sample is under 100 bytes), while a file with no line breaks is refused long
 * before it fills memory.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_LINE_BYTES //=> 1048576
 * ```
 *
 * @category Limits
 */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/**
 * The default deepest nesting, 64: a register export is at most a few levels deep (an envelope, a list, a
 * record), while a value nested thousands deep would overflow the stack of whatever walks it.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_DEPTH //=> 64
 * ```
 *
 * @category Limits
 */
export const DEFAULT_MAX_DEPTH = 64;
