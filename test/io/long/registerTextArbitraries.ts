import { fc } from '@fast-check/vitest';
import { COMPACT_CODES } from '../../../src/index.js';
import { REGISTER_COLUMN_PRESETS, toRegisterCsv } from '../../../src/io/index.js';
import type { ImportedMark, RegisterColumnPresetName, RegisterCsvOptions } from '../../../src/io/index.js';
import { isoDateArb } from '../../_arbitraries/isoDate.js';

// Register CSV texts for the importers' agreement properties: registers the library wrote with bad rows spliced
// in, registers grouped by pupil as exports write them, and register-shaped garbage.

const PRESETS = Object.keys(REGISTER_COLUMN_PRESETS) as RegisterColumnPresetName[];

export const BAD_ROWS = [
  'P1,2025-09-02,AM,/,,\n',
  'P1,2025-09-02,AM,O,,\n',
  ' P1 ,2025-09-02,PM,"/",,\n',
  'P2,02/09/2025,PM,L,5,"late, ""bus"""\n',
  'P2,31/02/2025,Morning,Q9,-1,x\r\n',
  'P3,2025-09-03, am ,C1, 7 ,\n',
  'P3,2025-09-03,PM,,,\n',
  'P3,2025-09-04,AM,9,,\n',
  ',,,,,\n',
  'P4,2025-09-04,AM\n',
  '\n',
  '\r\n',
  'P5,2025-09-05,AM,"G\n',
  'P5,2025-09-05,AM,G,,"a\r\nb"\r\n',
  'P\uFFFD6,2025-09-05,AM,/,,\n',
];

const markArb: fc.Arbitrary<ImportedMark> = fc
  .record(
    {
      pupilId: fc.constantFrom('P1', 'P2', 'P3', 'Ω4', 'pupil five', 'P6'),
      date: isoDateArb(),
      session: fc.constantFrom('AM' as const, 'PM' as const),
      code: fc.constantFrom(...COMPACT_CODES),
      minutesLate: fc.nat({ max: 600 }),
      comment: fc.constantFrom('ill', 'said "bus", late', 'two\nlines'),
    },
    { requiredKeys: ['pupilId', 'date', 'session', 'code'] }
  )
  .map((mark) => mark as ImportedMark);

/** A register written by the library, with bad and blank rows spliced in at random. */
export const registerTextArb = fc
  .tuple(
    fc.array(markArb, { maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_ROWS)), { maxLength: 6 }),
    fc.constantFrom('\r\n' as const, '\n' as const)
  )
  .map(([marks, bad, lineEnding]) => {
    const lines = toRegisterCsv(marks, { lineEnding }).split(/(?<=\n)/);
    for (const [at, row] of bad) lines.splice(1 + (at % lines.length), 0, row);
    return lines.join('');
  });

/**
 * A register as exports write it, grouped by pupil in date order, with some rows repeated (the same session
 * again, with another code) and some rejected rows among them: the pattern the cohort reader's line recovery
 * relies on, and the ways it can break.
 */
export const groupedTextArb = fc
  .tuple(
    fc.array(markArb, { maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('O', 'I', '/', 'Q9')), { maxLength: 6 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_ROWS)), { maxLength: 3 })
  )
  .map(([marks, repeats, bad]) => {
    const sorted = [...marks].sort((left, right) =>
      left.pupilId !== right.pupilId
        ? left.pupilId < right.pupilId
          ? -1
          : 1
        : `${left.date}${left.session}` < `${right.date}${right.session}`
          ? -1
          : 1
    );
    const rows = toRegisterCsv(sorted, { lineEnding: '\n' }).split(/(?<=\n)/);
    for (const [from, to, code] of repeats) {
      if (sorted.length === 0) break;
      const mark = sorted[from % sorted.length]!;
      rows.splice(1 + (to % rows.length), 0, toRegisterCsv([{ ...mark, code }]).split('\r\n')[1]! + '\n');
    }
    for (const [at, row] of bad) rows.splice(1 + (at % rows.length), 0, row);
    return rows.join('');
  });

/** Register-shaped garbage, as the general importer's own fuzz test uses. */
export const csvishArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'pupil_id,date,session,code,minutes_late,comment\n',
        'student_id,session_date,session_name,attendance_mark\r\n',
        ...BAD_ROWS,
        '"',
        ',',
        ';',
        '\t',
        ' ',
        'é',
        '\uFEFF'
      ),
      fc.string({ maxLength: 8 })
    ),
    { maxLength: 40 }
  )
  .map((parts) => parts.join(''));

export const optionsArb: fc.Arbitrary<RegisterCsvOptions> = fc.record(
  {
    mapping: fc.constantFrom(...PRESETS),
    dateFormat: fc.constantFrom('auto' as const, 'iso' as const, 'dmy' as const),
    delimiter: fc.constantFrom(',', ';', '\t', '::'),
    source: fc.constant('x.csv'),
    codeList: fc.constant({ '9': 'Y1', '1': '/' }),
    encoding: fc.constantFrom('auto' as const, 'utf-8' as const, 'latin1' as const),
    // Small limits make some rows, and some headers, too long (issue 12 §3).
    maxLineBytes: fc.constantFrom(24, 40, 1 << 20),
  },
  { requiredKeys: ['source'] }
);
