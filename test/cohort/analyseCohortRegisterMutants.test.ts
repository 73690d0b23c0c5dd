import { describe, expect, test } from 'vitest';
import {
  analyseCohortRegister,
  createCohortRegister,
  defineSchoolCalendar,
  DFE_POLICY,
  isoDate,
} from '../../src/index.js';
import type { CohortRegister, Session, SessionMark, WindowRule } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// The cohort engine (src/cohort/analyseCohortRegister.ts), pinned where its results were not yet asserted
// exactly: the argument errors, where the issues for odd bytes and unplaceable window sessions point (pupil, date,
// session, path into the code buffer), which sessions are reported, and the per-pupil view of the columns.

const calendar = defineSchoolCalendar(exampleCalendar);

function mark(date: string, session: Session, code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

/** A rule counting unauthorised absence in 10 school weeks (the national penalty-notice shape). */
const UNAUTHORISED_RULE: WindowRule = {
  length: 10,
  unit: 'school-weeks',
  threshold: 10,
  codes: ['G', 'N', 'O', 'U'],
};

/** The register with the byte at `index` of its code buffer replaced. */
function withByte(register: CohortRegister, index: number, byte: number): CohortRegister {
  const codes = Uint8Array.from(register.codes);
  codes[index] = byte;
  return { ...register, codes };
}

/** The message of an issue for a counted session the rule's unit cannot place. */
function unplacedMessage(code: string, pupilId: string, date: string, session: Session): string {
  return `Counted mark "${code}" (pupil ${pupilId}, ${date} ${session}) cannot be placed in the rule's school-weeks: it is outside the calendar or in a week without school sessions, so it is left out of the window.`;
}

describe('analyseCohortRegister refuses rules it cannot apply, with the exact issue', () => {
  const register = createCohortRegister([['P', [mark('2024-09-02', 'AM', '/')]]]);

  test('window rules without a calendar name the missing calendar option', () => {
    const error = attendanceErrorOf(() => analyseCohortRegister(register, { windows: [UNAUTHORISED_RULE] }));
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Window rules need the calendar that places sessions in weeks; pass options.calendar.',
        path: ['calendar'],
        field: 'calendar',
        expected: 'a school calendar',
        received: 'undefined',
      },
    ]);
  });

  test('33 window rules are one more than a pass can carry', () => {
    const rules = Array.from({ length: 33 }, () => UNAUTHORISED_RULE);
    const error = attendanceErrorOf(() => analyseCohortRegister(register, { calendar, windows: rules }));
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'At most 32 window rules can be applied in one pass; received 33.',
        path: ['windows'],
        field: 'windows',
        expected: 'at most 32 rules',
        received: '33 rules',
      },
    ]);
  });

  test('32 window rules are applied, each to every pupil', () => {
    const rules = Array.from({ length: 32 }, (_, index) => ({ ...UNAUTHORISED_RULE, threshold: index + 1 }));
    const oneAbsence = createCohortRegister([
      ['P', [mark('2024-09-02', 'AM', 'O'), mark('2024-09-02', 'PM', '/'), mark('2024-09-03', 'AM', 'N')]],
    ]);
    const figures = analyseCohortRegister(oneAbsence, { calendar, windows: rules });
    expect(figures.windows).toHaveLength(32);
    expect(figures.windows.map((window) => window.counted[0])).toEqual(rules.map(() => 2));
    expect(figures.windows[1]!.firstReachedSlot[0]).toBe(2);
    expect(figures.windows[2]!.firstReachedSlot[0]).toBe(-1);
    expect(figures.warnings).toEqual([]);
  });
});

describe('analyseCohortRegister locates odd bytes by pupil, date, session and buffer index', () => {
  // A fills slots 0–2; B starts at slot 4 (2024-09-04 AM) but at byte 3 of the buffer.
  const register = createCohortRegister([
    ['A', [mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'PM', '/'), mark('2024-09-03', 'AM', '/')]],
    [
      'B',
      [
        mark('2024-09-04', 'AM', '/'),
        mark('2024-09-04', 'PM', '/'),
        mark('2024-09-05', 'AM', 'F'),
        mark('2024-09-05', 'PM', '/'),
      ],
    ],
    ['C', [mark('2024-09-03', 'PM', '/')]],
  ]);

  test('the register is laid out as the test assumes', () => {
    expect(register.pupilIds).toEqual(['A', 'B', 'C']);
    expect([...register.offsets]).toEqual([0, 3, 7]);
    expect([...register.firstSlots]).toEqual([0, 4, 3]);
    expect(register.slots.dates[4]).toBe('2024-09-04');
  });

  test('a code of the other set is a warning at its own date and session, with its path into the buffer', () => {
    const figures = analyseCohortRegister(register);
    expect(figures.warnings).toEqual([
      {
        code: 'code_outside_code_set',
        severity: 'warning',
        message:
          'Code "F" (pupil B, 2024-09-05, AM) is not in the 2024 code set; counted by the pre-2024 table as authorised.',
        path: ['codes', 5],
        pupilId: 'B',
        date: '2024-09-05',
        session: 'AM',
        field: 'code',
        expected: 'a code of the 2024 code set',
        received: 'F',
      },
    ]);
    expect(figures.counts.authorised[1]).toBe(1);
  });

  test('an unknown byte is an error naming the byte, the pupil and its session', () => {
    const figures = analyseCohortRegister(withByte(register, 6, 200));
    expect(figures.warnings).toEqual([
      expect.objectContaining({ code: 'code_outside_code_set', path: ['codes', 5] }),
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "byte 200" (pupil B, 2024-09-05, PM): it is in neither the 2024 nor the pre-2024 code set.',
        path: ['codes', 6],
        pupilId: 'B',
        date: '2024-09-05',
        session: 'PM',
        field: 'code',
        expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
        received: 'byte 200',
      },
    ]);
    // The unknown byte is no session at all.
    expect(figures.counts.possible[1]).toBe(3);
  });

  test('an unknown byte of the first pupil, whose bytes start at its first slot, is located too', () => {
    const figures = analyseCohortRegister(withByte(register, 1, 99));
    expect(figures.warnings.map((issue) => [issue.code, issue.pupilId, issue.date, issue.session])).toEqual([
      ['unknown_code', 'A', '2024-09-02', 'PM'],
      ['code_outside_code_set', 'B', '2024-09-05', 'AM'],
    ]);
  });
});

describe('analyseCohortRegister checks each pupil’s bytes against the code set afresh', () => {
  test('a gap in one pupil’s pre-2024 span does not hide the next pupil’s code of the other set', () => {
    // A has no record for 2024-07-16 AM (a gap inside its span); B's only mark, that session, is K: a 2024 code
    // in the summer of 2024, read against the pre-2024 set.
    const register = createCohortRegister([
      ['A', [mark('2024-07-15', 'AM', '/'), mark('2024-07-17', 'AM', '/')]],
      ['B', [mark('2024-07-16', 'AM', 'K')]],
    ]);
    expect(register.lengths[0]).toBe(3);
    const figures = analyseCohortRegister(register);
    expect(figures.warnings).toEqual([
      expect.objectContaining({
        code: 'code_outside_code_set',
        pupilId: 'B',
        date: '2024-07-16',
        session: 'AM',
        received: 'K',
        path: ['codes', 3],
      }),
    ]);
    expect([...figures.counts.possible]).toEqual([2, 1]);
    expect([...figures.counts.approvedEducationalActivity]).toEqual([0, 1]);
  });

  test('a gap in the 2024 part of a span is no odd code either, and the next pupil’s odd code is still found', () => {
    const register = createCohortRegister([
      ['A', [mark('2024-09-02', 'AM', '/'), mark('2024-09-04', 'AM', '/')]],
      ['B', [mark('2024-09-03', 'AM', 'H')]],
    ]);
    const figures = analyseCohortRegister(register);
    expect(figures.warnings.map((issue) => [issue.code, issue.pupilId, issue.received])).toEqual([
      ['code_outside_code_set', 'B', 'H'],
    ]);
  });
});

describe('analyseCohortRegister reports exactly the counted sessions a rule’s unit cannot place', () => {
  // Slots (from the marks): 0 A 2023-05-31 AM; 1–4 B 2023-06-01 AM … 2023-06-02 PM; 5 B 2024-09-02 AM (in the
  // calendar); 6 B 2024-09-02 PM. B's bytes start at 1.
  const register = createCohortRegister([
    ['A', [mark('2023-05-31', 'AM', 'O')]],
    [
      'B',
      [
        mark('2023-06-01', 'AM', '/'),
        mark('2023-06-01', 'PM', 'O'),
        mark('2023-06-02', 'AM', 'I'),
        mark('2023-06-02', 'PM', 'N'),
        mark('2024-09-02', 'AM', 'O'),
        mark('2024-09-02', 'PM', 'F'),
      ],
    ],
  ]);

  test('only counted codes outside the calendar are reported, each at its own session and buffer index', () => {
    expect([...register.offsets]).toEqual([0, 1]);
    expect([...register.firstSlots]).toEqual([0, 1]);
    const figures = analyseCohortRegister(register, { calendar, windows: [UNAUTHORISED_RULE] });
    expect(figures.warnings).toEqual([
      {
        code: 'mark_on_closed_session',
        severity: 'error',
        message: unplacedMessage('O', 'A', '2023-05-31', 'AM'),
        path: ['codes', 0],
        pupilId: 'A',
        date: '2023-05-31',
        session: 'AM',
        field: 'date',
        expected: 'a date in a school week of the calendar',
        received: '2023-05-31',
      },
      expect.objectContaining({ code: 'code_outside_code_set', pupilId: 'B', path: ['codes', 6] }),
      {
        code: 'mark_on_closed_session',
        severity: 'error',
        message: unplacedMessage('O', 'B', '2023-06-01', 'PM'),
        path: ['codes', 2],
        pupilId: 'B',
        date: '2023-06-01',
        session: 'PM',
        field: 'date',
        expected: 'a date in a school week of the calendar',
        received: '2023-06-01',
      },
      {
        code: 'mark_on_closed_session',
        severity: 'error',
        message: unplacedMessage('N', 'B', '2023-06-02', 'PM'),
        path: ['codes', 4],
        pupilId: 'B',
        date: '2023-06-02',
        session: 'PM',
        field: 'date',
        expected: 'a date in a school week of the calendar',
        received: '2023-06-02',
      },
    ]);
    // The placed O is the only session B's window counts.
    expect([...figures.windows[0]!.counted]).toEqual([0, 1]);
  });

  test('a session before the rule’s countFrom is not the rule’s, so it is not reported', () => {
    const rule: WindowRule = { ...UNAUTHORISED_RULE, countFrom: isoDate('2023-06-02') };
    const figures = analyseCohortRegister(register, { calendar, windows: [rule] });
    expect(
      figures.warnings
        .filter((issue) => issue.code === 'mark_on_closed_session')
        .map((issue) => [issue.pupilId, issue.date, issue.session, issue.path])
    ).toEqual([['B', '2023-06-02', 'PM', ['codes', 4]]]);
  });

  test('a session after asOf is not read, so it is not reported', () => {
    const figures = analyseCohortRegister(register, {
      calendar,
      windows: [UNAUTHORISED_RULE],
      asOf: isoDate('2023-06-01'),
    });
    expect(figures.warnings.map((issue) => [issue.pupilId, issue.date, issue.session])).toEqual([
      ['A', '2023-05-31', 'AM'],
      ['B', '2023-06-01', 'PM'],
    ]);
    expect([...figures.counts.possible]).toEqual([1, 2]);
  });

  test('a pupil’s report stops at the end of its span, before the next pupil’s bytes', () => {
    // C's first byte, right after B's last one, is an unplaced O at the very next slot.
    const adjacent = createCohortRegister([
      ['B', [mark('2023-06-01', 'AM', 'O')]],
      ['C', [mark('2023-06-01', 'PM', 'O')]],
    ]);
    const figures = analyseCohortRegister(adjacent, { calendar, windows: [UNAUTHORISED_RULE] });
    expect(figures.warnings.map((issue) => [issue.pupilId, issue.date, issue.session, issue.path])).toEqual([
      ['B', '2023-06-01', 'AM', ['codes', 0]],
      ['C', '2023-06-01', 'PM', ['codes', 1]],
    ]);
  });

  test('a pupil’s figures carry its own warnings, not its errors nor other pupils’ issues', () => {
    const figures = analyseCohortRegister(register, { calendar, windows: [UNAUTHORISED_RULE] });
    const pupil = figures.pupil(1);
    expect(pupil.pupilId).toBe('B');
    expect(pupil.counts.warnings).toEqual([
      expect.objectContaining({ code: 'code_outside_code_set', severity: 'warning', pupilId: 'B' }),
    ]);
    expect(figures.pupil(0).counts.warnings).toEqual([]);
    expect(pupil.counts.byCode.O).toBe(2);
    expect(pupil.counts.authorised).toBe(2);
  });
});

describe('analyseCohortRegister’s per-pupil view', () => {
  test('band 0 of the table is a band, not “no band”', () => {
    const register = createCohortRegister([
      ['ALL', [mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'PM', '/')]],
      ['NONE', [mark('2024-09-02', 'AM', 'X')]],
    ]);
    const figures = analyseCohortRegister(register);
    expect(figures.band[0]).toBe(0);
    expect(figures.pupil(0).band).toBe(DFE_POLICY.bands.bands[0]);
    expect(figures.band[1]).toBe(-1);
    expect(figures.pupil(1).band).toBeNull();
  });

  test('a pupil who never reached a rule’s threshold has no firstReached, one who did has its session', () => {
    const rule: WindowRule = { ...UNAUTHORISED_RULE, threshold: 2 };
    const register = createCohortRegister([
      ['NEVER', [mark('2024-09-02', 'AM', 'O'), mark('2024-09-02', 'PM', '/')]],
      ['TWICE', [mark('2024-09-02', 'AM', 'O'), mark('2024-09-02', 'PM', 'G')]],
    ]);
    const figures = analyseCohortRegister(register, { calendar, windows: [rule] });
    expect(figures.pupil(0).windows).toEqual([{ rule, counted: 1, maximum: 1, firstReached: null }]);
    expect(figures.pupil(1).windows).toEqual([
      { rule, counted: 2, maximum: 2, firstReached: { date: '2024-09-02', session: 'PM' } },
    ]);
  });

  test('a pupil’s counts read the byCode of its own bytes, with late marks', () => {
    const register = createCohortRegister([
      ['A', [mark('2024-09-02', 'AM', 'L'), mark('2024-09-02', 'PM', 'U')]],
      ['B', [mark('2024-09-03', 'AM', 'L')]],
    ]);
    const figures = analyseCohortRegister(register);
    expect(figures.pupil(1).counts.byCode.L).toBe(1);
    expect(figures.pupil(1).counts.byCode.U).toBe(0);
    expect([...figures.counts.late]).toEqual([1, 1]);
    expect([...figures.counts.lateAfterRegisterClosed]).toEqual([1, 0]);
  });
});
