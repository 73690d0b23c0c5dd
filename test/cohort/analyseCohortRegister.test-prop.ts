import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  ABSENCE_CLASSES,
  analyseCohortRegister,
  classifyAbsence,
  classifyBand,
  countRollingWindow,
  countSessions,
  createCohortRegister,
  defineSchoolCalendar,
  definePolicy,
  DFE_ABSENCE_BANDS,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_RAG_BANDS,
  isoDate,
  toSessionSlots,
} from '../../src/index.js';
import type {
  AttendancePolicy,
  CohortRegisterFigures,
  RegisterCode,
  SessionMark,
  WindowRule,
  WindowUnit,
} from '../../src/index.js';
import { codeArb } from '../_arbitraries/code.js';
import { registerArb } from '../_arbitraries/register.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// The cohort engine against the per-pupil functions: for any pupils' registers, policy, code-set options and
// window rules, every column of analyseCohortRegister equals what countSessions, classifyAbsence, classifyBand and
// countRollingWindow give pupil by pupil. Both routes share the counting pass and the window slide, so this checks
// the engine's own parts: spans, the cohort register's layout (joiners, gaps, files not grouped by pupil), the
// code-set split per pupil, the per-pupil reset of its scratch memory and the reading of the columns.

const calendar = defineSchoolCalendar(exampleCalendar);
const calendarSlots = toSessionSlots(calendar);
const UNITS: readonly WindowUnit[] = ['school-weeks', 'calendar-weeks', 'calendar-days'];
const WINDOW_CODES: readonly RegisterCode[] = ['G', 'N', 'O', 'U', 'I', 'L', 'C', 'M'];

const policyArb: fc.Arbitrary<AttendancePolicy> = fc
  .record({
    persistent: fc.integer({ min: 1, max: 60 }),
    severeAbove: fc.integer({ min: 0, max: 40 }),
    comparison: fc.constantFrom('at-least' as const, 'more-than' as const),
    minimumPossibleSessions: fc.integer({ min: 0, max: 20 }),
    bands: fc.constantFrom(
      DFE_ABSENCE_BANDS,
      HCAT_ATTENDANCE_BANDS,
      HCAT_CLASSIFICATION_BANDS,
      HCAT_RAG_BANDS
    ),
  })
  .map(({ persistent, severeAbove, comparison, minimumPossibleSessions, bands }) =>
    definePolicy({
      persistentAbsence: { percent: persistent, comparison, minimumPossibleSessions },
      severeAbsence: { percent: persistent + severeAbove, comparison, minimumPossibleSessions },
      bands,
    })
  );

const ruleArb: fc.Arbitrary<WindowRule> = fc.record(
  {
    length: fc.integer({ min: 1, max: 12 }),
    unit: fc.constantFrom(...UNITS),
    threshold: fc.integer({ min: 1, max: 12 }),
    codes: fc.uniqueArray(fc.constantFrom(...WINDOW_CODES), { minLength: 1, maxLength: 4 }),
    countFrom: fc.constantFrom(isoDate('2024-09-16'), isoDate('2025-01-06'), isoDate('2025-09-01')),
  },
  { requiredKeys: ['length', 'unit', 'threshold', 'codes'] }
);

/** A register over the calendar's open sessions: a random span (a joiner or leaver), some sessions left out. */
const calendarRegisterArb: fc.Arbitrary<SessionMark[]> = fc
  .tuple(
    fc.integer({ min: 0, max: calendarSlots.dates.length - 1 }),
    fc.integer({ min: 0, max: 200 }),
    fc.array(
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom('/', '\\') }, { weight: 4, arbitrary: codeArb() }),
      {
        maxLength: 200,
      }
    ),
    fc.integer({ min: 0, max: 20 })
  )
  .map(([start, length, codes, gapEvery]) => {
    const marks: SessionMark[] = [];
    for (let index = 0; index < Math.min(length, codes.length); index += 1) {
      const slot = start + index;
      if (slot >= calendarSlots.dates.length) break;
      if (gapEvery > 0 && index % (gapEvery + 3) === gapEvery) continue;
      marks.push({
        date: calendarSlots.dates[slot]!,
        session: calendarSlots.sessions[slot]!,
        code: codes[index]!,
      });
    }
    return marks;
  });

function expectColumnsMatch(
  figures: CohortRegisterFigures,
  pupils: readonly (readonly [string, readonly SessionMark[]])[],
  options: {
    policy: AttendancePolicy;
    codeSet?: '2024' | 'pre-2024' | 'by-date';
    unmarked?: 'unmarked' | 'as-N';
  },
  rules: readonly WindowRule[] = []
): void {
  expect([...figures.register.pupilIds]).toEqual(pupils.map(([id]) => id));
  pupils.forEach(([id, marks], pupil) => {
    const counts = countSessions(marks, {
      ...(options.codeSet === undefined ? {} : { codeSet: options.codeSet }),
      ...(options.unmarked === undefined ? {} : { unmarked: options.unmarked }),
    });
    const { byCode, warnings, ...fields } = counts;
    const columns = Object.fromEntries(
      Object.entries(figures.counts).map(([field, column]) => [field, column[pupil]])
    );
    expect(columns, id).toEqual(fields);
    expect(ABSENCE_CLASSES[figures.absenceClass[pupil]!]).toBe(classifyAbsence(counts, options.policy));
    const band = classifyBand(counts, options.policy.bands);
    expect(figures.band[pupil]).toBe(
      band.kind === 'band' ? options.policy.bands.bands.indexOf(band.band) : -1
    );
    const view = figures.pupil(pupil);
    expect(view.counts.byCode).toEqual(byCode);
    expect(view.counts.warnings.length).toBe(warnings.length);
    rules.forEach((rule, index) => {
      const expected = countRollingWindow(marks, calendar, rule);
      const window = figures.windows[index]!;
      expect(window.counted[pupil], `${id} rule ${index}`).toBe(expected.counted);
      expect(window.maximum[pupil]).toBe(expected.maximum);
      const slot = window.firstReachedSlot[pupil]!;
      const last = expected.firstReached?.marks.at(-1);
      expect(
        slot < 0 ? null : [figures.register.slots.dates[slot], figures.register.slots.sessions[slot]]
      ).toEqual(last === undefined ? null : [last.date, last.session]);
      expect(view.windows[index]!.firstReached?.date ?? null).toBe(last?.date ?? null);
    });
  });
}

test.prop(
  [
    fc.array(registerArb({ period: 'any', maxLength: 40 }), { maxLength: 8 }),
    policyArb,
    fc.constantFrom(undefined, '2024' as const, 'pre-2024' as const, 'by-date' as const),
    fc.constantFrom(undefined, 'unmarked' as const, 'as-N' as const),
  ],
  { numRuns: 150 }
)(
  'counts, absence class and band equal the per-pupil functions for any registers and policy',
  (registers, policy, codeSet, unmarked) => {
    const pupils = registers.map((marks, index) => [`P${index}`, marks] as const);
    const register = createCohortRegister(pupils);
    const options = {
      policy,
      ...(codeSet === undefined ? {} : { codeSet }),
      ...(unmarked === undefined ? {} : { unmarked }),
    };
    expectColumnsMatch(analyseCohortRegister(register, options), pupils, options);
  }
);

test.prop(
  [
    fc.array(calendarRegisterArb, { minLength: 1, maxLength: 6 }),
    fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.boolean(),
    fc.option(fc.integer({ min: 0, max: calendarSlots.dates.length - 1 }), { nil: undefined }),
  ],
  { numRuns: 120 }
)(
  'every window rule’s count, maximum and first reach equal countRollingWindow, over fixed or open slots, grouped or not, up to any date',
  (registers, rules, fixedSlots, interleave, asOfSlot) => {
    const pupils = registers.map((marks, index) => [`P${index}`, marks] as const);
    // Rows of a file not grouped by pupil: each pupil's marks handed over in two runs, the second after the others.
    const runs = interleave
      ? [
          ...pupils.map(([id, marks]) => [id, marks.slice(0, Math.ceil(marks.length / 2))] as const),
          ...pupils.map(([id, marks]) => [id, marks.slice(Math.ceil(marks.length / 2))] as const),
        ]
      : pupils;
    const register = createCohortRegister(runs, fixedSlots ? { slots: calendarSlots } : {});
    const policy = definePolicy({});
    const asOf = asOfSlot === undefined ? undefined : calendarSlots.dates[asOfSlot]!;
    const figures = analyseCohortRegister(register, {
      policy,
      calendar,
      windows: rules,
      ...(asOf === undefined ? {} : { asOf }),
    });
    expect(figures.warnings.filter((issue) => issue.severity === 'error')).toEqual([]);
    const upToAsOf = pupils.map(
      ([id, marks]) => [id, asOf === undefined ? marks : marks.filter((mark) => mark.date <= asOf)] as const
    );
    expectColumnsMatch(figures, upToAsOf, { policy }, rules);
  }
);

test.prop(
  [fc.array(registerArb({ period: 'any', maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.nat()],
  {
    numRuns: 100,
  }
)('a second mark for a session resolves as countSessions resolves it by precedence', (registers, seed) => {
  // Each pupil gets a copy of some of their marks with other codes: overlapping registers merged.
  const pupils = registers.map((marks, index) => {
    const extra = marks
      .filter((_, position) => (position + seed) % 3 === 0)
      .map((mark, position) => ({ ...mark, code: ['O', '/', 'I', 'B', 'X'][(position + seed) % 5]! }));
    return [`P${index}`, [...marks, ...extra]] as const;
  });
  const register = createCohortRegister(pupils, { duplicates: 'precedence' });
  const figures = analyseCohortRegister(register);
  pupils.forEach(([id, marks], pupil) => {
    const counts = countSessions(marks, { duplicates: 'precedence' });
    expect(figures.counts.possible[pupil], id).toBe(counts.possible);
    expect(figures.counts.attended[pupil]).toBe(counts.attended);
    expect(figures.counts.authorised[pupil]).toBe(counts.authorised);
    expect(figures.counts.notPossible[pupil]).toBe(counts.notPossible);
    expect(figures.pupil(pupil).counts.byCode).toEqual(counts.byCode);
  });
  const expectedResolutions = pupils.reduce(
    (sum, [, marks]) =>
      sum +
      countSessions(marks, { duplicates: 'precedence' }).warnings.filter(
        (w) => w.code === 'duplicate_mark_resolved'
      ).length,
    0
  );
  expect(register.warnings.length).toBe(expectedResolutions);
});
