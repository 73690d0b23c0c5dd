import { describe, expect, it } from 'vitest';
import {
  analyseCohortRegister,
  AttendanceError,
  createCohortRegister,
  defineSchoolCalendar,
  DFE_POLICY,
  HCAT_POLICY,
  isoDate,
  NATIONAL_PENALTY_NOTICE_RULE,
  toSessionSlots,
} from '../../src/index.js';
import type { IsoDate, SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

const calendar = defineSchoolCalendar(exampleCalendar);
const slots = toSessionSlots(calendar);

/** A pupil's marks over consecutive open sessions from `start`, one code per session. */
function marksFrom(start: number, codes: readonly string[]): SessionMark[] {
  return codes.map((code, index) => ({
    date: slots.dates[start + index]!,
    session: slots.sessions[start + index]!,
    code,
  }));
}

function repeat(code: string, times: number): string[] {
  return Array.from({ length: times }, () => code);
}

describe('analyseCohortRegister', () => {
  it('applies the DfE boundary exactly: 38 absences in 380 sessions is persistent absence, 38 in 381 is not', () => {
    const register = createCohortRegister([
      ['A', marksFrom(0, [...repeat('I', 38), ...repeat('/', 342)])],
      ['B', marksFrom(0, [...repeat('I', 38), ...repeat('/', 343)])],
      ['C', marksFrom(0, [...repeat('O', 190), ...repeat('/', 190)])],
    ]);
    const figures = analyseCohortRegister(register);
    expect([...figures.counts.possible]).toEqual([380, 381, 380]);
    expect([...figures.counts.absent]).toEqual([38, 38, 190]);
    // 190 of 380 is 50 %: severe absence, which is also persistent absence.
    expect([...figures.absenceClass]).toEqual([1, 0, 2]);
    expect(figures.pupil(2).absenceClass).toBe('severe');
  });

  it('gives a joiner their own span and leaves sessions the source did not record out of every count', () => {
    // A pupil who joined at slot 100 and has no record for slots 102 and 103 (another school's INSET day, say).
    const joiner = [...marksFrom(100, ['/', '/']), ...marksFrom(104, ['N', 'I'])];
    const register = createCohortRegister([
      ['FULL', marksFrom(0, repeat('/', 110))],
      ['JOINER', joiner],
    ]);
    expect(register.firstSlots[1]).toBe(100);
    expect(register.lengths[1]).toBe(6);
    const figures = analyseCohortRegister(register);
    expect(figures.counts.possible[1]).toBe(4);
    expect(figures.counts.unmarked[1]).toBe(0);
    expect(figures.counts.unauthorised[1]).toBe(1);
    // One byte per mark plus the gaps within a span.
    expect(register.codes.length).toBe(110 + 6);
  });

  it('finds the national penalty-notice threshold at the tenth unauthorised session within 10 school weeks', () => {
    // One O a week for ten school weeks, then present: the tenth O reaches the threshold.
    const codes: string[] = [];
    for (let week = 0; week < 12; week += 1) codes.push('O', ...repeat('/', 9));
    const register = createCohortRegister([['P', marksFrom(0, codes)]]);
    const figures = analyseCohortRegister(register, { calendar, windows: [NATIONAL_PENALTY_NOTICE_RULE] });
    const window = figures.windows[0]!;
    expect(window.counted[0]).toBe(12);
    expect(window.maximum[0]).toBe(10);
    const slot = window.firstReachedSlot[0]!;
    expect(slot).toBe(90);
    expect(figures.pupil(0).windows[0]!.firstReached).toEqual({
      date: slots.dates[90],
      session: slots.sessions[90],
    });
  });

  it('bands each pupil by the policy’s table', () => {
    const register = createCohortRegister([
      ['ALL', marksFrom(0, repeat('/', 20))],
      ['NONE', marksFrom(0, repeat('X', 20))],
    ]);
    const figures = analyseCohortRegister(register, { policy: HCAT_POLICY });
    expect(figures.pupil(0).band?.id).toBe(HCAT_POLICY.bands.bands[figures.band[0]!]!.id);
    expect(figures.band[1]).toBe(-1);
    expect(figures.pupil(1).band).toBeNull();
  });

  it('reports a legacy code after the 2024 cut-over as a warning naming the pupil, and still counts it', () => {
    const register = createCohortRegister([['P', marksFrom(0, ['F', '/'])]]);
    const figures = analyseCohortRegister(register);
    expect(figures.counts.authorised[0]).toBe(1);
    expect(figures.warnings).toHaveLength(1);
    expect(figures.warnings[0]).toMatchObject({
      code: 'code_outside_code_set',
      pupilId: 'P',
      date: slots.dates[0],
      session: 'AM',
    });
  });

  it('leaves a counted session the calendar cannot place out of the window, with an error naming it', () => {
    const beforeTheCalendar = isoDate('2023-06-01');
    const register = createCohortRegister([['P', [{ date: beforeTheCalendar, session: 'AM', code: 'O' }]]]);
    const rule = { length: 10, unit: 'school-weeks', threshold: 10, codes: ['G', 'N', 'O', 'U'] } as const;
    const figures = analyseCohortRegister(register, { calendar, windows: [rule] });
    expect(figures.windows[0]!.counted[0]).toBe(0);
    expect(figures.warnings).toEqual([
      expect.objectContaining({ severity: 'error', pupilId: 'P', date: beforeTheCalendar, session: 'AM' }),
    ]);
  });

  it('needs a calendar for window rules', () => {
    const register = createCohortRegister([['P', marksFrom(0, ['/'])]]);
    expect(() => analyseCohortRegister(register, { windows: [DFE_POLICY.penaltyNotice] })).toThrow(
      AttendanceError
    );
  });
});

describe('createCohortRegister', () => {
  it('rejects unknown codes, impossible dates, unknown sessions and marks outside fixed slots, each located', () => {
    const bad = [
      { date: '2024-09-03' as IsoDate, session: 'AM', code: 'Q9' },
      { date: '2024-02-30' as IsoDate, session: 'AM', code: '/' },
      { date: 'banana' as IsoDate, session: 'PM', code: '/' },
      { date: '2024-09-04' as IsoDate, session: 'XX', code: '/' },
      { date: '2024-09-07' as IsoDate, session: 'AM', code: '/' },
    ] as unknown as SessionMark[];
    let error: unknown;
    try {
      createCohortRegister([['P1', bad]], { slots });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AttendanceError);
    const issues = (error as AttendanceError).issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown_code', ['P1', 0, 'code']],
      ['invalid_date', ['P1', 1, 'date']],
      ['invalid_date', ['P1', 2, 'date']],
      ['invalid_session', ['P1', 3, 'session']],
      ['invalid_value', ['P1', 4, 'date']],
    ]);
    expect(issues.every((issue) => issue.pupilId === 'P1')).toBe(true);
  });

  it('reports a second mark for a session as an error by default, naming both marks', () => {
    const marks = [...marksFrom(0, ['/']), ...marksFrom(0, ['O'])];
    expect(() => createCohortRegister([['P1', marks]])).toThrow(/Two marks for the same session/);
  });

  it('builds a register from marks sorted by date then pupil as from marks grouped by pupil', () => {
    // 300 pupils, 40 sessions each: by date, every mark comes from a different pupil than the one before.
    const pupils = Array.from({ length: 300 }, (_, pupil) => {
      const codes = Array.from({ length: 40 }, (_, index) => ((pupil + index) % 7 === 0 ? 'O' : '/'));
      return [`P${pupil}`, marksFrom(pupil % 5, codes)] as const;
    });
    const byDate = [...Array(45).keys()].flatMap((slot) =>
      pupils.flatMap(([pupilId, marks]) => {
        const mark = marks.find(
          (each) => each.date === slots.dates[slot] && each.session === slots.sessions[slot]
        );
        return mark === undefined ? [] : [[pupilId, [mark]] as const];
      })
    );
    const grouped = analyseCohortRegister(createCohortRegister(pupils), {
      calendar,
      windows: [NATIONAL_PENALTY_NOTICE_RULE],
    });
    const sorted = analyseCohortRegister(createCohortRegister(byDate), {
      calendar,
      windows: [NATIONAL_PENALTY_NOTICE_RULE],
    });
    // Pupils come in the order of their first mark, so compare them by id.
    expect([...sorted.register.pupilIds].sort()).toEqual([...grouped.register.pupilIds].sort());
    const view = (figures: typeof grouped, pupilId: string): unknown => {
      const pupil = figures.register.pupilIds.indexOf(pupilId);
      return [
        figures.pupil(pupil).counts,
        figures.windows[0]!.maximum[pupil],
        figures.register.lengths[pupil],
      ];
    };
    for (const [pupilId] of pupils) expect(view(sorted, pupilId)).toEqual(view(grouped, pupilId));
  });

  it('merges a pupil whose marks come in two runs, as in a file not grouped by pupil', () => {
    const register = createCohortRegister([
      ['A', marksFrom(0, ['/', '/'])],
      ['B', marksFrom(0, ['O', 'O'])],
      ['A', marksFrom(2, ['I', 'I'])],
    ]);
    expect(register.pupilIds).toEqual(['A', 'B']);
    const figures = analyseCohortRegister(register);
    expect([...figures.counts.possible]).toEqual([4, 2]);
    expect([...figures.counts.authorised]).toEqual([2, 0]);
  });
});
