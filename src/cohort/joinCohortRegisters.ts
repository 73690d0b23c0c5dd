import type { Session } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { SessionSlots } from '../sessions/types.js';
import { NO_RECORD } from '../sessions/tally.js';
import type { CohortRegister } from './types.js';

/** The slots of both registers in date order, and where each register's slots went. */
function unionOfSlots(
  first: SessionSlots,
  second: SessionSlots
): { slots: SessionSlots; firstTo: Int32Array; secondTo: Int32Array } {
  const dates: SessionSlots['dates'][number][] = [];
  const sessions: Session[] = [];
  const firstTo = new Int32Array(first.dates.length);
  const secondTo = new Int32Array(second.dates.length);
  let a = 0;
  let b = 0;
  while (a < first.dates.length || b < second.dates.length) {
    let order: number;
    // With the first part used up, the comparison below reads undefined for it, which is neither before nor after
    // a date nor equal to a session, so it gives 1 too: skipping this test changes nothing.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (a === first.dates.length) order = 1;
    else if (b === second.dates.length) order = -1;
    else {
      const dateA = first.dates[a]!;
      const dateB = second.dates[b]!;
      order =
        dateA < dateB
          ? -1
          : dateA > dateB
            ? 1
            : first.sessions[a] === second.sessions[b]
              ? 0
              : first.sessions[a] === 'AM'
                ? -1
                : 1;
    }
    const slot = dates.length;
    if (order <= 0) {
      dates.push(first.dates[a]!);
      sessions.push(first.sessions[a]!);
      firstTo[a] = slot;
      a += 1;
      if (order === 0) {
        secondTo[b] = slot;
        b += 1;
      }
    } else {
      dates.push(second.dates[b]!);
      sessions.push(second.sessions[b]!);
      secondTo[b] = slot;
      b += 1;
    }
  }
  let first2024Index = dates.findIndex((date) => date >= CODE_SET_2024_START);
  if (first2024Index < 0) first2024Index = dates.length;
  return { slots: { dates, sessions, first2024Index }, firstTo, secondTo };
}

/**
 * Joins the cohort registers read from two consecutive parts of one input (e.g. the two halves of a file read
 * by two threads) into the register the whole input gives: the slots of both, the pupils in order of first
 * appearance, and each pupil's marks from both parts. When both parts hold a mark for the same pupil and
 * session, which of them stands (and what is reported) is a question for the reader of the whole input, so the
 * join gives up and returns null.
 *
 * @param first - The register of the earlier part.
 * @param second - The register of the later part.
 * @returns The joined register, or null when the parts mark a session twice.
 * @example
 * const whole = joinCohortRegisters(firstHalf.register, secondHalf.register) ?? (await readWholeFile());
 */
export function joinCohortRegisters(first: CohortRegister, second: CohortRegister): CohortRegister | null {
  const { slots, firstTo, secondTo } = unionOfSlots(first.slots, second.slots);
  const pupilIds = [...first.pupilIds];
  const index = new Map<string, number>();
  // A step past the end only maps the key undefined, which no pupil id (a string) looks up.
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let pupil = 0; pupil < pupilIds.length; pupil += 1) index.set(pupilIds[pupil]!, pupil);
  // The second part's index of each joined pupil (-1 when the pupil is not in it).
  const secondPupil: number[] = new Array<number>(pupilIds.length).fill(-1);
  for (let pupil = 0; pupil < second.pupilIds.length; pupil += 1) {
    const id = second.pupilIds[pupil]!;
    const known = index.get(id);
    if (known === undefined) {
      index.set(id, pupilIds.length);
      pupilIds.push(id);
      secondPupil.push(pupil);
    } else secondPupil[known] = pupil;
  }

  // Each joined pupil's span over the joined slots.
  const pupils = pupilIds.length;
  const firstSlots = new Uint32Array(pupils);
  const lengths = new Uint32Array(pupils);
  let total = 0;
  const spanOf = (register: CohortRegister, to: Int32Array, pupil: number): [number, number] => {
    const length = register.lengths[pupil]!;
    if (length === 0) return [Number.MAX_SAFE_INTEGER, -1];
    const start = register.firstSlots[pupil]!;
    return [to[start]!, to[start + length - 1]!];
  };
  // A step past the end finds the pupil in neither part (high stays -1) and does nothing.
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    let low = Number.MAX_SAFE_INTEGER;
    let high = -1;
    if (pupil < first.pupilIds.length) [low, high] = spanOf(first, firstTo, pupil);
    const other = secondPupil[pupil]!;
    if (other >= 0) {
      const [otherLow, otherHigh] = spanOf(second, secondTo, other);
      low = Math.min(low, otherLow);
      high = Math.max(high, otherHigh);
    }
    if (high < 0) continue;
    firstSlots[pupil] = low;
    lengths[pupil] = high - low + 1;
    total += high - low + 1;
  }

  const codes = new Uint8Array(total).fill(NO_RECORD);
  const offsets = new Uint32Array(pupils);
  // Copies a part's bytes into place; false when a session is already marked.
  const place = (
    register: CohortRegister,
    to: Int32Array,
    pupil: number,
    at: number,
    base: number
  ): boolean => {
    const length = register.lengths[pupil]!;
    const from = register.offsets[pupil]!;
    const start = register.firstSlots[pupil]!;
    for (let index = 0; index < length; index += 1) {
      const byte = register.codes[from + index]!;
      if (byte === NO_RECORD) continue;
      const target = at + to[start + index]! - base;
      if (codes[target] !== NO_RECORD) return false;
      codes[target] = byte;
    }
    return true;
  };
  let used = 0;
  // A step past the end writes outside the typed arrays (ignored) and finds the pupil in neither part.
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    offsets[pupil] = used;
    // A pupil with no sessions has no bytes in either part, so placing them copies nothing.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (lengths[pupil] === 0) continue;
    const base = firstSlots[pupil]!;
    // For a pupil beyond the first part, the part's length reads undefined, so placing copies nothing: dropping
    // this guard (or letting the pupil just past the end through) changes nothing.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    if (pupil < first.pupilIds.length) place(first, firstTo, pupil, used, base);
    const other = secondPupil[pupil]!;
    // Likewise for -1 (a pupil not in the second part): placing copies nothing and succeeds, so forcing
    // other >= 0 true changes nothing.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (other >= 0 && !place(second, secondTo, other, used, base)) return null;
    used += lengths[pupil]!;
  }
  return {
    slots,
    pupilIds,
    codes,
    offsets,
    firstSlots,
    lengths,
    warnings: [...first.warnings, ...second.warnings],
  };
}
