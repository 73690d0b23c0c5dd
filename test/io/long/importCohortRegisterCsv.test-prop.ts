import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { COMPACT_CODES } from '../../../src/index.js';
import type { CohortRegister } from '../../../src/index.js';
import { importCohortRegisterCsv, importRegisterCsv } from '../../../src/io/index.js';
import type { ImportedMark } from '../../../src/io/index.js';
import { cutAt } from './fixtures.js';
import { csvishArb, groupedTextArb, optionsArb, registerTextArb } from './registerTextArbitraries.js';

// The cohort import reads clean rows its own fast way and hands everything else to the general reader. These
// properties hold the two routes to one result: for any text (well-formed registers, registers with bad rows
// mixed in, and register-shaped garbage), chunked anywhere, importCohortRegisterCsv gives the same counts and
// issues as importRegisterCsv, and a register whose every pupil has exactly the marks importRegisterCsv read.

/** Each pupil's marks in a cohort register, as "date session code" in slot order. */
function marksByPupil(register: CohortRegister): Map<string, string[]> {
  const result = new Map<string, string[]>();
  register.pupilIds.forEach((pupilId, pupil) => {
    const marks: string[] = [];
    for (let index = 0; index < register.lengths[pupil]!; index += 1) {
      const byte = register.codes[register.offsets[pupil]! + index]!;
      const slot = register.firstSlots[pupil]! + index;
      if (byte !== 255)
        marks.push(
          `${register.slots.dates[slot]!} ${register.slots.sessions[slot]!} ${COMPACT_CODES[byte]!}`
        );
    }
    result.set(pupilId, marks);
  });
  return result;
}

function expectedByPupil(marks: readonly ImportedMark[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const mark of marks) {
    const list = result.get(mark.pupilId) ?? [];
    list.push(`${mark.date} ${mark.session} ${mark.code}`);
    result.set(mark.pupilId, list);
  }
  for (const list of result.values()) list.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  return result;
}

describe('importCohortRegisterCsv agrees with importRegisterCsv', () => {
  test.prop(
    [
      fc.oneof(registerTextArb, groupedTextArb, csvishArb),
      fc.array(fc.nat({ max: 600 }), { maxLength: 8 }),
      optionsArb,
    ],
    {
      numRuns: 300,
    }
  )(
    'same counts, same issues, the same marks per pupil, however the bytes are chunked',
    async (text, cuts, options) => {
      const bytes = new TextEncoder().encode(text);
      const general = await importRegisterCsv(cutAt(bytes, cuts), options);
      const cohort = await importCohortRegisterCsv(cutAt(bytes, [...cuts].reverse()), options);
      expect(cohort.issues).toEqual(general.issues);
      expect([cohort.rowsRead, cohort.rowsUsed, cohort.rowsRejected]).toEqual([
        general.rowsRead,
        general.rowsUsed,
        general.rowsRejected,
      ]);
      // AM sorts before PM and ISO dates sort as text, so sorted strings are slot order.
      expect(marksByPupil(cohort.register)).toEqual(expectedByPupil(general.marks));
    }
  );
});
