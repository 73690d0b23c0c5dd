// Seeded randomness for the synthetic register generator. Each pupil draws from streams of its own, derived from
// the run's seed and the pupil's position, so a pupil's attributes and marks do not depend on how many pupils came
// before it or on which function asked for them.

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny 32-bit generator, fast, and fully reproducible from its 32-bit state. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one well-spread 32-bit seed (a murmur3-style finaliser over each part). */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** A whole number from 0 to `limit - 1`. */
export function randomInt(random: Random, limit: number): number {
  return Math.floor(random() * limit);
}

/** A number between `range[0]` and `range[1]`. */
export function randomBetween(random: Random, range: readonly [number, number]): number {
  return range[0] + random() * (range[1] - range[0]);
}

/** A whole number from `range[0]` to `range[1]`, both included. */
export function randomIntBetween(random: Random, range: readonly [number, number]): number {
  return range[0] + randomInt(random, range[1] - range[0] + 1);
}
