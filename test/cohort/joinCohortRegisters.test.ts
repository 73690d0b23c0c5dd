import { describe, expect, it } from 'vitest';
import { createCohortRegister, isoDate } from '../../src/index.js';
import type { CohortRegister, SessionMark } from '../../src/index.js';
import { joinCohortRegisters } from '../../src/cohort/joinCohortRegisters.js';

const mark = (date: string, session: 'AM' | 'PM', code: string): SessionMark => ({
  date: isoDate(date),
  session,
  code,
});

/** Each pupil's marks as "date session code", in slot order. */
function marksOf(register: CohortRegister): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  register.pupilIds.forEach((pupilId, pupil) => {
    const marks: string[] = [];
    for (let index = 0; index < register.lengths[pupil]!; index += 1) {
      const byte = register.codes[register.offsets[pupil]! + index]!;
      const slot = register.firstSlots[pupil]! + index;
      if (byte !== 255) marks.push(`${register.slots.dates[slot]} ${register.slots.sessions[slot]} ${byte}`);
    }
    result[pupilId] = marks;
  });
  return result;
}

describe('joinCohortRegisters', () => {
  const first = createCohortRegister([
    ['A', [mark('2025-01-06', 'AM', '/'), mark('2025-01-06', 'PM', 'O')]],
    ['B', [mark('2025-01-07', 'PM', 'I')]],
  ]);
  const second = createCohortRegister([
    ['B', [mark('2025-01-06', 'AM', 'L'), mark('2025-01-08', 'AM', '/')]],
    ['C', [mark('2024-09-02', 'AM', 'G')]],
  ]);

  it('joins two parts into the register of the whole: slots of both, pupils in order of first sight', () => {
    const joined = joinCohortRegisters(first, second)!;
    const whole = createCohortRegister([
      ['A', [mark('2025-01-06', 'AM', '/'), mark('2025-01-06', 'PM', 'O')]],
      ['B', [mark('2025-01-07', 'PM', 'I'), mark('2025-01-06', 'AM', 'L'), mark('2025-01-08', 'AM', '/')]],
      ['C', [mark('2024-09-02', 'AM', 'G')]],
    ]);
    expect(joined.pupilIds).toEqual(['A', 'B', 'C']);
    expect(joined.slots).toEqual(whole.slots);
    expect(joined.slots.first2024Index).toBe(0);
    expect(marksOf(joined)).toEqual(marksOf(whole));
    expect(joined).toEqual(whole);
  });

  it('gives up when both parts mark the same session of a pupil', () => {
    const again = createCohortRegister([['A', [mark('2025-01-06', 'PM', '/')]]]);
    expect(joinCohortRegisters(first, again)).toBeNull();
  });
});
