/**
 * Memoises a builder: the returned function builds on its first call and hands back the same value ever after.
 *
 * @remarks
 * Schemas are built this way rather than at module top level so that importing a module constructs nothing and
 * a bundler can drop every schema that no called function reaches. Call sites annotate the call `@__PURE__`
 * (and the function itself is annotated `@__NO_SIDE_EFFECTS__`) because bundlers otherwise keep a top-level call
 * even when nothing uses its result.
 */
// @__NO_SIDE_EFFECTS__
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
