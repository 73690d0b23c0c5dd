import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import {
  createSyntheticPupils,
  generateSyntheticMarks,
} from '../../../examples/synthetic/syntheticRegister.js';
import type { SyntheticRegisterOptions } from '../../../examples/synthetic/syntheticRegister.js';
import exampleCalendar from '../../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { importRegisterCsv, parseRegisterCsv, toRegisterCsv } from '../../../src/io/index.js';
import type { ImportedMark } from '../../../src/io/index.js';
import {
  checkMarksAgainstCalendar,
  countSessions,
  defineSchoolCalendar,
  groupMarksByPupil,
} from '../../../src/index.js';

// The seeded generator feeds the benchmarks and the sample register, so it is held to what a real register
// export must be: reproducible, one mark per pupil and open session, nothing on a closed day, and readable back
// through the importers unchanged.
const calendar = defineSchoolCalendar(exampleCalendar);
const year = calendar.years[0]!;
const options: SyntheticRegisterOptions = {
  pupils: 40,
  seed: 7,
  calendar,
  from: year.halfTerms[0]!.start,
  to: year.halfTerms[5]!.end,
};
const marks = [...generateSyntheticMarks(options)];

/** An imported mark without the file line it came from, to compare with what was written. */
function withoutLine(mark: ImportedMark): Omit<ImportedMark, 'line'> {
  const copy: { -readonly [K in keyof ImportedMark]?: ImportedMark[K] } = { ...mark };
  delete copy.line;
  return copy as Omit<ImportedMark, 'line'>;
}

describe('the synthetic register generator', () => {
  test('the same seed gives the same pupils and marks; another seed does not', () => {
    expect([...generateSyntheticMarks(options)]).toEqual(marks);
    expect(createSyntheticPupils(options)).toEqual(createSyntheticPupils(options));
    expect([...generateSyntheticMarks({ ...options, seed: 8 })]).not.toEqual(marks);
  });

  test('every pupil has one mark per session of the same days, and none on a day the calendar closes', () => {
    const keys = new Set(marks.map((mark) => `${mark.pupilId} ${mark.date} ${mark.session}`));
    expect(keys.size).toBe(marks.length);
    const byPupil = groupMarksByPupil(marks);
    expect(byPupil.size).toBe(40);
    const sizes = new Set([...byPupil.values()].map((register) => register.length));
    expect(sizes.size).toBe(1);
    expect(checkMarksAgainstCalendar(marks, calendar).filter((issue) => issue.severity === 'error')).toEqual(
      []
    );
    for (const register of byPupil.values()) expect(countSessions(register).warnings).toEqual([]);
  });

  test('written as a long-format CSV, it reads back to the same marks, whole or streamed', async () => {
    const text = toRegisterCsv(marks);
    const read = parseRegisterCsv(text);
    expect(read.rowsRead).toBe(marks.length);
    expect(read.rowsRejected).toBe(0);
    expect(read.marks.map(withoutLine)).toEqual(marks);
    const chunks = text.match(/[\s\S]{1,4093}/g) ?? [];
    const streamed = await importRegisterCsv(Readable.from(chunks));
    expect(streamed.issues).toEqual([]);
    expect(streamed.marks).toEqual(read.marks);
  });
});
