import { describe, expect, test } from 'vitest';
import { createSessionSlots } from '../../src/index.js';
import type { IsoDate, SessionSlot, SessionSlots } from '../../src/index.js';
import { CODE_SET_2024_START } from '../../src/codes/codeSetDates.js';
import { CohortRegisterBuilder } from '../../src/cohort/cohortRegisterBuilder.js';
import type { DuplicateResolver } from '../../src/cohort/cohortRegisterBuilder.js';
import type { CohortRegister } from '../../src/cohort/types.js';
import { addIsoDays } from '../../src/_internal/dates.js';

// The builder behind createCohortRegister and the long-format importers (src/cohort/cohortRegisterBuilder.ts),
// driven directly: marks in any order (grouped by pupil, by date, shuffled, pupils coming back, dates out of
// order), open and fixed slots, duplicates, pupils with no marks, more pupils than its first tables hold and rows
// longer than its first buffer. Every register is checked against a plain model of the marks: its slots, each
// pupil's span and bytes, and the layout the CohortRegister contract gives (spans one after another, no slack
// beyond a tenth kept in the buffer). The live queries (has, forEachMark, marksBefore, slotOf) are checked too.

const NO_RECORD = 255;

/** A small deterministic random source (mulberry32). */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Consecutive days from a start. */
function daysFrom(start: string, count: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let day = 0; day < count; day += 1) dates.push(addIsoDays(start as IsoDate, day));
  return dates;
}

/** One step of an importer: a pupil seen (no date), or a mark. */
interface Op {
  readonly pupil: string;
  readonly date?: IsoDate;
  readonly pm?: boolean;
  readonly byte?: number;
}

const keyOf = (date: string, pm: boolean): string => `${date}|${pm ? 'PM' : 'AM'}`;

/** The marks as a plain model: which pupils, which sessions, which byte each keeps. */
class Model {
  readonly pupilIds: string[] = [];
  readonly marks = new Map<string, Map<string, number>>();
  readonly duplicates: [number, IsoDate, boolean, number, number][] = [];

  constructor(private readonly allowed: ((date: IsoDate, pm: boolean) => boolean) | undefined) {}

  accepts(date: IsoDate, pm: boolean): boolean {
    return this.allowed === undefined || this.allowed(date, pm);
  }

  apply(op: Op, resolve: (kept: number, incoming: number) => number): void {
    let marks = this.marks.get(op.pupil);
    if (marks === undefined) {
      marks = new Map();
      this.marks.set(op.pupil, marks);
      this.pupilIds.push(op.pupil);
    }
    if (op.date === undefined || !this.accepts(op.date, op.pm!)) return;
    const key = keyOf(op.date, op.pm!);
    const kept = marks.get(key);
    if (kept === undefined) marks.set(key, op.byte!);
    else {
      this.duplicates.push([this.pupilIds.indexOf(op.pupil), op.date, op.pm!, kept, op.byte!]);
      marks.set(key, resolve(kept, op.byte!));
    }
  }

  get size(): number {
    let size = 0;
    for (const marks of this.marks.values()) size += marks.size;
    return size;
  }

  /** The slots the register should have: the fixed ones, or every marked session in date order. */
  slots(fixed: SessionSlots | undefined): { dates: string[]; sessions: string[]; first2024Index: number } {
    if (fixed !== undefined)
      return { dates: [...fixed.dates], sessions: [...fixed.sessions], first2024Index: fixed.first2024Index };
    const keys = new Set<string>();
    for (const marks of this.marks.values()) for (const key of marks.keys()) keys.add(key);
    const sorted = [...keys].sort();
    const dates = sorted.map((key) => key.slice(0, 10));
    const sessions = sorted.map((key) => key.slice(11));
    const first = dates.findIndex((date) => date >= CODE_SET_2024_START);
    return { dates, sessions, first2024Index: first < 0 ? dates.length : first };
  }
}

interface PupilSpan {
  readonly first?: number;
  readonly length: number;
  readonly bytes: number[];
}

/** Each pupil's span and bytes as the model says they should be. */
function expectedSpans(model: Model, slots: { dates: string[]; sessions: string[] }): PupilSpan[] {
  const slotOfKey = new Map<string, number>();
  slots.dates.forEach((date, slot) => slotOfKey.set(keyOf(date, slots.sessions[slot] === 'PM'), slot));
  return model.pupilIds.map((id) => {
    const marks = [...model.marks.get(id)!].map(([key, byte]) => [slotOfKey.get(key)!, byte] as const);
    if (marks.length === 0) return { length: 0, bytes: [] };
    const first = Math.min(...marks.map(([slot]) => slot));
    const last = Math.max(...marks.map(([slot]) => slot));
    const bytes = new Array<number>(last - first + 1).fill(NO_RECORD);
    for (const [slot, byte] of marks) bytes[slot - first] = byte;
    return { first, length: bytes.length, bytes };
  });
}

/** Each pupil's span and bytes as the register has them. */
function actualSpans(register: CohortRegister): PupilSpan[] {
  return register.pupilIds.map((_, pupil) => {
    const length = register.lengths[pupil]!;
    if (length === 0) return { length: 0, bytes: [] };
    const offset = register.offsets[pupil]!;
    return {
      first: register.firstSlots[pupil]!,
      length,
      bytes: Array.from(register.codes.subarray(offset, offset + length)),
    };
  });
}

/** The register against the model, with the layout the CohortRegister contract promises. */
function expectRegisterOf(register: CohortRegister, model: Model, fixed?: SessionSlots): void {
  const slots = model.slots(fixed);
  expect({
    dates: [...register.slots.dates],
    sessions: [...register.slots.sessions],
    first2024Index: register.slots.first2024Index,
  }).toStrictEqual(slots);
  expect([...register.pupilIds]).toStrictEqual(model.pupilIds);
  const pupils = model.pupilIds.length;
  expect([register.offsets.length, register.firstSlots.length, register.lengths.length]).toStrictEqual([
    pupils,
    pupils,
    pupils,
  ]);
  expect(actualSpans(register)).toStrictEqual(expectedSpans(model, slots));
  // Every pupil's bytes one after another: the spans tile the codes in pupil order, with nothing left over.
  let next = 0;
  const misplaced: number[] = [];
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    const length = register.lengths[pupil]!;
    if (length > 0 && register.offsets[pupil] !== next) misplaced.push(pupil);
    if (register.offsets[pupil]! > register.codes.length) misplaced.push(pupil);
    next += length;
  }
  expect(misplaced).toStrictEqual([]);
  expect(register.codes.length).toBe(next);
  // Little slack is kept as it is; much is copied away.
  expect(register.codes.byteOffset).toBe(0);
  expect(register.codes.length).toBeGreaterThanOrEqual(register.codes.buffer.byteLength * 0.9);
}

/** A resolver that keeps the higher byte, and the model's view of it. */
const higher = (kept: number, incoming: number): number => Math.max(kept, incoming);

interface Built {
  readonly builder: CohortRegisterBuilder;
  readonly model: Model;
  readonly register: CohortRegister;
  readonly calls: [number, IsoDate, boolean, number, number][];
}

/**
 * Feeds the ops to a builder (as an importer does: pupil, dateIndex, hasSession, add) and to the model, checking
 * the live queries against the model every `probeEvery` ops.
 */
function build(
  ops: readonly Op[],
  options: { slots?: SessionSlots; probeEvery?: number; seed?: number; expectMarks?: number } = {}
): Built {
  const calls: [number, IsoDate, boolean, number, number][] = [];
  const resolve: DuplicateResolver = (pupil, dateIndex, pm, kept, incoming) => {
    calls.push([pupil, builder.dateOf(dateIndex), pm, kept, incoming]);
    return higher(kept, incoming);
  };
  const builder = new CohortRegisterBuilder(
    options.slots === undefined ? { resolve } : { slots: options.slots, resolve }
  );
  if (options.expectMarks !== undefined) builder.expectMarks(options.expectMarks);
  const fixed = options.slots;
  const allowed =
    fixed === undefined
      ? undefined
      : ((): ((date: IsoDate, pm: boolean) => boolean) => {
          const keys = new Set(fixed.dates.map((date, slot) => keyOf(date, fixed.sessions[slot] === 'PM')));
          return (date, pm) => keys.has(keyOf(date, pm));
        })();
  const model = new Model(allowed);
  const random = randomSource(options.seed ?? 1);
  const misjudged: Op[] = [];
  ops.forEach((op, step) => {
    const pupil = builder.pupil(op.pupil);
    model.apply(op, higher);
    if (op.date !== undefined) {
      const dateIndex = builder.dateIndex(op.date);
      const placed = dateIndex >= 0 && builder.hasSession(dateIndex, op.pm!);
      if (placed !== model.accepts(op.date, op.pm!)) misjudged.push(op);
      if (placed) builder.add(pupil, dateIndex, op.pm!, op.byte!);
    }
    if (options.probeEvery !== undefined && step % options.probeEvery === 0) {
      probe(builder, model, model.pupilIds[Math.floor(random() * model.pupilIds.length)]!);
    }
  });
  expect(misjudged).toStrictEqual([]);
  expect(builder.size).toBe(model.size);
  expect(calls).toStrictEqual(model.duplicates);
  const register = builder.finish();
  return { builder, model, register, calls };
}

/** has, forEachMark and marksBefore for one pupil, against the model. */
function probe(builder: CohortRegisterBuilder, model: Model, id: string): void {
  const pupil = builder.findPupil(id);
  expect(pupil).toBe(model.pupilIds.indexOf(id));
  const working = [...model.marks.get(id)!.keys()]
    .map((key) => builder.dateIndex(key.slice(0, 10) as IsoDate) * 2 + (key.endsWith('PM') ? 1 : 0))
    .sort((a, b) => a - b);
  const visited: number[] = [];
  builder.forEachMark(pupil, (slot) => visited.push(slot));
  expect(visited).toStrictEqual(working);
  const marked = new Set(working);
  const top = Math.max(8, ...working) + 80;
  const wrong: number[] = [];
  for (let slot = 0; slot <= top; slot += 1) {
    if (builder.has(pupil, slot >> 1, (slot & 1) === 1) !== marked.has(slot)) wrong.push(slot);
  }
  expect(wrong).toStrictEqual([]);
  for (const slot of [0, working[0] ?? 0, (working[0] ?? 0) + 1, working.at(-1) ?? 0, top]) {
    expect(builder.marksBefore(pupil, slot)).toBe(working.filter((mark) => mark < slot).length);
  }
}

interface Scenario {
  readonly pupils: number;
  readonly dates: readonly IsoDate[];
  /** The chance that a pupil has a mark on a session within their span. */
  readonly density: number;
  readonly order: 'grouped' | 'by-date' | 'shuffled' | 'returning';
  /** Pupils seen (e.g. a roll row) with no marks at all, one in this many. */
  readonly emptyEvery?: number;
  /** The chance of a second mark for a session just marked. */
  readonly duplicateChance?: number;
}

/** Marks for a scenario: each pupil over a span of the dates (joiners and leavers), in the scenario's order. */
function opsOf(scenario: Scenario, seed: number): Op[] {
  const random = randomSource(seed);
  const byPupil: Op[][] = [];
  const days = scenario.dates.length;
  for (let index = 0; index < scenario.pupils; index += 1) {
    const pupil = `P${String(index).padStart(4, '0')}`;
    if (scenario.emptyEvery !== undefined && index % scenario.emptyEvery === 1) {
      byPupil.push([{ pupil }]);
      continue;
    }
    const start = Math.floor(random() * days * 0.3);
    const end = days - 1 - Math.floor(random() * days * 0.3);
    const ops: Op[] = [];
    for (let day = start; day <= end; day += 1) {
      for (const pm of [false, true]) {
        if (random() >= scenario.density) continue;
        const date = scenario.dates[day]!;
        ops.push({ pupil, date, pm, byte: 1 + Math.floor(random() * 38) });
        if (random() < (scenario.duplicateChance ?? 0))
          ops.push({ pupil, date, pm, byte: 1 + Math.floor(random() * 38) });
      }
    }
    if (ops.length === 0) ops.push({ pupil, date: scenario.dates[start]!, pm: false, byte: 1 });
    byPupil.push(ops);
  }
  const all = byPupil.flat();
  switch (scenario.order) {
    case 'grouped':
      return all;
    case 'by-date':
      return [...all].sort((a, b) =>
        (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0
      );
    case 'shuffled': {
      const shuffled = [...all];
      for (let index = shuffled.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
      }
      return shuffled;
    }
    case 'returning': {
      // Grouped, but every fifth pupil's later marks come again after the next pupil's.
      const ops: Op[] = [];
      byPupil.forEach((pupilOps, index) => {
        if (index % 5 === 4 && pupilOps.length > 2) {
          const half = Math.ceil(pupilOps.length / 2);
          ops.push(...pupilOps.slice(0, half));
          byPupil[index + 1]?.unshift(...pupilOps.slice(half));
        } else ops.push(...pupilOps);
      });
      return ops;
    }
  }
}

const YEAR = daysFrom('2024-07-22', 120);

describe('CohortRegisterBuilder lays out marks that arrive in any order', () => {
  const cases: [string, Scenario][] = [
    ['grouped by pupil, dates in order', { pupils: 40, dates: YEAR, density: 0.9, order: 'grouped' }],
    [
      'grouped, with pupils that have no marks and second marks',
      { pupils: 40, dates: YEAR, density: 0.7, order: 'grouped', emptyEvery: 3, duplicateChance: 0.1 },
    ],
    ['sorted by date (every pupil comes back)', { pupils: 90, dates: YEAR, density: 0.6, order: 'by-date' }],
    [
      'in no order at all, with pupils that have no marks',
      { pupils: 120, dates: YEAR, density: 0.3, order: 'shuffled', emptyEvery: 7, duplicateChance: 0.05 },
    ],
    [
      'grouped, with a few pupils coming back later',
      { pupils: 60, dates: YEAR, density: 0.8, order: 'returning', emptyEvery: 9 },
    ],
    ['sparse marks in no order', { pupils: 30, dates: YEAR, density: 0.05, order: 'shuffled' }],
  ];
  for (const [name, scenario] of cases) {
    for (const seed of [1, 2, 3]) {
      test(`${name} (seed ${seed}): the register holds every mark, once, in its slot`, () => {
        const { register, model } = build(opsOf(scenario, seed), { probeEvery: 97, seed });
        expectRegisterOf(register, model);
      });
    }
  }

  test('dates that arrive out of order are laid out in date order, sessions AM before PM', () => {
    const [d1, d2, d3] = daysFrom('2024-09-02', 3) as [IsoDate, IsoDate, IsoDate];
    const ops: Op[] = [
      { pupil: 'A', date: d3, pm: true, byte: 3 },
      { pupil: 'A', date: d1, pm: false, byte: 1 },
      { pupil: 'B', date: d2, pm: true, byte: 2 },
      { pupil: 'B', date: d2, pm: false, byte: 4 },
    ];
    const { register, model, builder } = build(ops, { probeEvery: 1 });
    expectRegisterOf(register, model);
    expect([...register.slots.dates]).toStrictEqual([d1, d2, d2, d3]);
    expect([...register.slots.sessions]).toStrictEqual(['AM', 'AM', 'PM', 'PM']);
    // The register's slot of each date index (d3 was seen first, so it is date index 0).
    expect(builder.slotOf(0, true)).toBe(3);
    expect(builder.slotOf(1, false)).toBe(0);
    expect(builder.slotOf(2, false)).toBe(1);
    expect(builder.slotOf(2, true)).toBe(2);
    // Sessions nobody marked, and date indexes the builder never gave, have no slot.
    expect(builder.slotOf(0, false)).toBe(-1);
    expect(builder.slotOf(1, true)).toBe(-1);
    expect(builder.slotOf(7, false)).toBe(-1);
  });

  test('marks in date order give each date index its own working slot as the register slot', () => {
    const [d1, d2] = daysFrom('2024-09-02', 2) as [IsoDate, IsoDate];
    const ops: Op[] = [
      { pupil: 'A', date: d1, pm: false, byte: 1 },
      { pupil: 'A', date: d1, pm: true, byte: 1 },
      { pupil: 'A', date: d2, pm: false, byte: 2 },
      { pupil: 'A', date: d2, pm: true, byte: 2 },
    ];
    const { register, model, builder } = build(ops);
    expectRegisterOf(register, model);
    expect([
      builder.slotOf(0, false),
      builder.slotOf(0, true),
      builder.slotOf(1, false),
      builder.slotOf(1, true),
    ]).toStrictEqual([0, 1, 2, 3]);
  });

  test('first2024Index is the first slot on or after the 2024 code set start, or the slot count when none is', () => {
    const before = addIsoDays(CODE_SET_2024_START, -1);
    const ops: Op[] = [
      { pupil: 'A', date: CODE_SET_2024_START, pm: false, byte: 1 },
      { pupil: 'A', date: before, pm: true, byte: 1 },
    ];
    expect(build(ops).register.slots.first2024Index).toBe(1);
    const old: Op[] = [
      { pupil: 'A', date: before, pm: false, byte: 1 },
      { pupil: 'A', date: addIsoDays(before, -1), pm: true, byte: 1 },
    ];
    const { register } = build(old);
    expect(register.slots.first2024Index).toBe(2);
    expect(register.slots.dates.length).toBe(2);
  });

  test('a date with only morning marks has only a morning slot', () => {
    const [d1, d2] = daysFrom('2024-09-02', 2) as [IsoDate, IsoDate];
    const { register, model } = build([
      { pupil: 'A', date: d1, pm: false, byte: 1 },
      { pupil: 'A', date: d2, pm: true, byte: 2 },
    ]);
    expectRegisterOf(register, model);
    expect([...register.slots.sessions]).toStrictEqual(['AM', 'PM']);
  });

  test('with no marks at all the register has the pupils and no slots', () => {
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    builder.pupil('A');
    builder.pupil('B');
    const register = builder.finish();
    expect([...register.pupilIds]).toStrictEqual(['A', 'B']);
    expect([...register.lengths]).toStrictEqual([0, 0]);
    expect(register.codes.length).toBe(0);
    expect(register.slots).toStrictEqual({ dates: [], sessions: [], first2024Index: 0 });
  });

  test('a session is marked by anyone once a mark lands there, however late its date index', () => {
    // 300 dates are interned before any mark: the one mark falls on working slot 598.
    const dates = daysFrom('2024-01-01', 300);
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    for (const date of dates) builder.dateIndex(date);
    const pupil = builder.pupil('A');
    builder.add(pupil, builder.dateIndex(dates[299]!), false, 7);
    const register = builder.finish();
    expect([...register.slots.dates]).toStrictEqual([dates[299]]);
    expect([...register.slots.sessions]).toStrictEqual(['AM']);
    expect(Array.from(register.codes)).toStrictEqual([7]);
    expect([register.firstSlots[0], register.lengths[0]]).toStrictEqual([0, 1]);
  });
});

describe('CohortRegisterBuilder grows past its first tables and buffer', () => {
  test('more than 1024 pupils (its first table size) are all laid out', () => {
    const scenario: Scenario = {
      pupils: 1100,
      dates: daysFrom('2024-09-02', 6),
      density: 0.5,
      order: 'grouped',
    };
    const { register, model } = build(opsOf(scenario, 5), { probeEvery: 401 });
    expectRegisterOf(register, model);
    expect(register.pupilIds.length).toBe(1100);
  });

  test('more than 1024 pupils in no order are all laid out', () => {
    const scenario: Scenario = {
      pupils: 1100,
      dates: daysFrom('2024-09-02', 4),
      density: 0.4,
      order: 'shuffled',
      emptyEvery: 50,
    };
    const { register, model } = build(opsOf(scenario, 6));
    expectRegisterOf(register, model);
  });

  test('a pupil whose row is longer than twice the first buffer is appended whole', () => {
    // Marks on the first and the 65,601st date: a span of 131,202 working slots, more than twice 65,536 bytes.
    const dates = daysFrom('1900-01-01', 65_601);
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    for (const date of dates) builder.dateIndex(date);
    const a = builder.pupil('A');
    builder.add(a, 0, false, 1);
    builder.add(a, 65_600, true, 2);
    const b = builder.pupil('B');
    builder.add(b, 3, false, 3);
    expect(builder.has(a, 0, false)).toBe(true);
    expect(builder.has(a, 65_600, true)).toBe(true);
    expect(builder.marksBefore(a, 131_201)).toBe(1);
    const register = builder.finish();
    expect([...register.slots.dates]).toStrictEqual([dates[0], dates[3], dates[65_600]]);
    expect([...register.slots.sessions]).toStrictEqual(['AM', 'AM', 'PM']);
    expect(actualSpans(register)).toStrictEqual([
      { first: 0, length: 3, bytes: [1, NO_RECORD, 2] },
      { first: 1, length: 1, bytes: [3] },
    ]);
  });

  test('a mark far beyond a pupil’s first mark on the first working slot keeps the first mark', () => {
    const dates = daysFrom('2024-09-02', 200);
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    for (const date of dates) builder.dateIndex(date);
    const a = builder.pupil('A');
    builder.add(a, 0, false, 4);
    builder.add(a, 150, false, 5);
    const visited: number[] = [];
    builder.forEachMark(a, (slot) => visited.push(slot));
    expect(visited).toStrictEqual([0, 300]);
    const register = builder.finish();
    expect(actualSpans(register)).toStrictEqual([{ first: 0, length: 2, bytes: [4, 5] }]);
  });

  test('a row filled to its last byte and then reopened keeps every byte', () => {
    // The first pupil's row starts 8 slots before its first mark and is 72 bytes long; marks at both ends fill
    // it, and the pupil comes back after another pupil.
    const dates = daysFrom('2024-09-02', 60);
    const ops: Op[] = [
      { pupil: 'A', date: dates[4]!, pm: false, byte: 1 },
      { pupil: 'A', date: dates[0]!, pm: false, byte: 2 },
      { pupil: 'A', date: dates[35]!, pm: true, byte: 3 },
      { pupil: 'B', date: dates[10]!, pm: false, byte: 4 },
      { pupil: 'A', date: dates[20]!, pm: false, byte: 5 },
      { pupil: 'B', date: dates[11]!, pm: false, byte: 6 },
      { pupil: 'A', date: dates[2]!, pm: true, byte: 7 },
    ];
    // Dates are interned in order first, so the working slots are the register's slots.
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    for (const date of dates) builder.dateIndex(date);
    const model = new Model(undefined);
    for (const op of ops) {
      model.apply(op, higher);
      builder.add(builder.pupil(op.pupil), builder.dateIndex(op.date!), op.pm!, op.byte!);
    }
    expectRegisterOf(builder.finish(), model);
  });

  test('a file sorted by date whose pupils have one mark each on the first working slot', () => {
    // Seventy pupils each with one mark on slot 0, then each looked at again: the builder stops appending.
    const date = '2024-09-02' as IsoDate;
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    const model = new Model(undefined);
    model.apply({ pupil: 'none' }, higher);
    builder.pupil('none');
    for (let index = 1; index <= 70; index += 1) {
      const op: Op = { pupil: `P${index}`, date, pm: false, byte: 1 + (index % 30) };
      model.apply(op, higher);
      builder.add(builder.pupil(op.pupil), builder.dateIndex(date), false, op.byte!);
    }
    expect(builder.has(0, 0, false)).toBe(false);
    for (let index = 1; index <= 70; index += 1) expect(builder.has(index, 0, false)).toBe(true);
    for (let index = 1; index <= 70; index += 1) {
      const visited: number[] = [];
      builder.forEachMark(index, (slot) => visited.push(slot));
      expect(visited).toStrictEqual([0]);
    }
    expectRegisterOf(builder.finish(), model);
  });
});

describe('CohortRegisterBuilder with fixed slots', () => {
  const [d1, d2, d3, d4] = daysFrom('2024-09-02', 4) as [IsoDate, IsoDate, IsoDate, IsoDate];

  test('refuses dates and sessions the slots do not have, and places the rest by slot', () => {
    // d1 both sessions, d2 morning only, d3 both: the working slots are not the register's slots.
    const slots = createSessionSlots([
      { date: d1, session: 'AM' },
      { date: d1, session: 'PM' },
      { date: d2, session: 'AM' },
      { date: d3, session: 'AM' },
      { date: d3, session: 'PM' },
    ]);
    const builder = new CohortRegisterBuilder({ slots, resolve: (_p, _d, _pm, kept) => kept });
    expect(builder.dateIndex(d4)).toBe(-1);
    expect(builder.dateIndex(d1)).toBe(0);
    expect(builder.dateIndex(d3)).toBe(2);
    expect(builder.dateOf(2)).toBe(d3);
    expect(builder.hasSession(1, false)).toBe(true);
    expect(builder.hasSession(1, true)).toBe(false);
    expect(builder.hasSession(2, true)).toBe(true);
    const ops: Op[] = [
      { pupil: 'A', date: d3, pm: false, byte: 5 },
      { pupil: 'A', date: d2, pm: true, byte: 9 },
      { pupil: 'A', date: d4, pm: false, byte: 9 },
      { pupil: 'B', date: d2, pm: false, byte: 6 },
      { pupil: 'B', date: d3, pm: true, byte: 7 },
      { pupil: 'C', date: d1, pm: true, byte: 8 },
    ];
    const { register, model, builder: used } = build(ops, { slots, probeEvery: 1 });
    expectRegisterOf(register, model, slots);
    expect(actualSpans(register)).toStrictEqual([
      { first: 3, length: 1, bytes: [5] },
      { first: 2, length: 3, bytes: [6, NO_RECORD, 7] },
      { first: 1, length: 1, bytes: [8] },
    ]);
    expect(used.slotOf(2, false)).toBe(3);
    expect(used.slotOf(1, false)).toBe(2);
    expect(used.slotOf(1, true)).toBe(-1);
    // A date index past the slots' dates has no slot.
    expect(used.slotOf(3, false)).toBe(-1);
  });

  test('slots that are morning only on their one date leave the afternoon and later dates without a slot', () => {
    const slots = createSessionSlots([{ date: d1, session: 'AM' }]);
    const builder = new CohortRegisterBuilder({ slots, resolve: (_p, _d, _pm, kept) => kept });
    expect(builder.hasSession(0, true)).toBe(false);
    builder.add(builder.pupil('A'), 0, false, 3);
    const register = builder.finish();
    expect(actualSpans(register)).toStrictEqual([{ first: 0, length: 1, bytes: [3] }]);
    expect(builder.slotOf(0, false)).toBe(0);
    expect(builder.slotOf(0, true)).toBe(-1);
    expect(builder.slotOf(1, false)).toBe(-1);
  });

  test('slots whose first sessions match the working slots but later ones do not are still mapped', () => {
    const slots = createSessionSlots([
      { date: d1, session: 'AM' },
      { date: d1, session: 'PM' },
      { date: d2, session: 'AM' },
      { date: d3, session: 'AM' },
      { date: d3, session: 'PM' },
    ]);
    const ops: Op[] = [
      { pupil: 'A', date: d1, pm: false, byte: 1 },
      { pupil: 'A', date: d3, pm: false, byte: 2 },
      { pupil: 'B', date: d3, pm: true, byte: 3 },
    ];
    const { register, model } = build(ops, { slots });
    expectRegisterOf(register, model, slots);
    expect(actualSpans(register)).toStrictEqual([
      { first: 0, length: 4, bytes: [1, NO_RECORD, NO_RECORD, 2] },
      { first: 4, length: 1, bytes: [3] },
    ]);
  });

  test('slots that start with an afternoon are mapped', () => {
    const slots = createSessionSlots([
      { date: d1, session: 'PM' },
      { date: d2, session: 'AM' },
      { date: d2, session: 'PM' },
    ]);
    const ops: Op[] = [
      { pupil: 'A', date: d2, pm: false, byte: 1 },
      { pupil: 'A', date: d1, pm: true, byte: 2 },
      { pupil: 'B', date: d2, pm: true, byte: 3 },
    ];
    const { register, model } = build(ops, { slots });
    expectRegisterOf(register, model, slots);
    expect(actualSpans(register)).toStrictEqual([
      { first: 0, length: 2, bytes: [2, 1] },
      { first: 2, length: 1, bytes: [3] },
    ]);
  });

  test('fixed slots over a school year, marks in no order, with pupils that have no marks', () => {
    const dates = daysFrom('2024-08-12', 40);
    const slotList = dates.flatMap((date, day): SessionSlot[] =>
      day % 5 === 2
        ? [{ date, session: 'AM' }]
        : [
            { date, session: 'AM' },
            { date, session: 'PM' },
          ]
    );
    const slots = createSessionSlots(slotList.filter((_, index) => index % 11 !== 7));
    const scenario: Scenario = {
      pupils: 50,
      dates: daysFrom('2024-08-10', 45),
      density: 0.6,
      order: 'shuffled',
      emptyEvery: 6,
      duplicateChance: 0.05,
    };
    const { register, model } = build(opsOf(scenario, 9), { slots, probeEvery: 53 });
    expectRegisterOf(register, model, slots);
  });
});

describe('CohortRegisterBuilder reports what it was given', () => {
  test('size counts each session once, however many marks it had', () => {
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    expect(builder.size).toBe(0);
    const a = builder.pupil('A');
    const day = builder.dateIndex('2024-09-02' as IsoDate);
    builder.add(a, day, false, 1);
    builder.add(a, day, false, 2);
    builder.add(a, day, true, 2);
    expect(builder.size).toBe(2);
  });

  test('pupils keep the index of their first sighting; findPupil gives -1 for a stranger', () => {
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    expect(builder.findPupil('A')).toBe(-1);
    expect(builder.pupil('A')).toBe(0);
    expect(builder.pupil('B')).toBe(1);
    expect(builder.pupil('A')).toBe(0);
    expect(builder.findPupil('B')).toBe(1);
    expect(builder.findPupil('C')).toBe(-1);
    expect(builder.pupilIds).toStrictEqual(['A', 'B']);
  });

  test('the first date seen is date index 0, and dateOf gives each date back', () => {
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    expect(builder.dateIndex('2024-09-03' as IsoDate)).toBe(0);
    expect(builder.dateIndex('2024-09-02' as IsoDate)).toBe(1);
    expect(builder.dateIndex('2024-09-03' as IsoDate)).toBe(0);
    expect(builder.dateOf(1)).toBe('2024-09-02');
    expect(builder.dateOf(0)).toBe('2024-09-03');
    expect(builder.hasSession(0, true)).toBe(true);
  });

  test('a second mark goes to the resolver with the pupil, date index, session and both bytes; its answer is kept', () => {
    const calls: unknown[][] = [];
    const builder = new CohortRegisterBuilder({
      resolve: (...args) => {
        calls.push(args);
        return 9;
      },
    });
    builder.pupil('X');
    const a = builder.pupil('A');
    builder.dateIndex('2024-09-02' as IsoDate);
    const day = builder.dateIndex('2024-09-03' as IsoDate);
    builder.add(a, day, true, 4);
    builder.add(a, day, true, 6);
    expect(calls).toStrictEqual([[1, 1, true, 4, 6]]);
    expect(builder.has(a, day, true)).toBe(true);
    expect(builder.has(a, day, false)).toBe(false);
    expect(builder.has(0, day, true)).toBe(false);
    const register = builder.finish();
    expect(Array.from(register.codes)).toStrictEqual([9]);
  });

  test('has, forEachMark and marksBefore on a pupil with no marks', () => {
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    const a = builder.pupil('A');
    const b = builder.pupil('B');
    expect(builder.has(a, 0, false)).toBe(false);
    const visited: number[] = [];
    builder.forEachMark(a, (slot) => visited.push(slot));
    expect(visited).toStrictEqual([]);
    expect(builder.marksBefore(a, 10)).toBe(0);
    // Switching from a pupil with no row to one with marks, and back.
    builder.add(b, builder.dateIndex('2024-09-02' as IsoDate), false, 1);
    expect(builder.has(a, 0, false)).toBe(false);
    expect(builder.has(b, 0, false)).toBe(true);
    expect(builder.marksBefore(b, 0)).toBe(0);
    expect(builder.marksBefore(b, 1)).toBe(1);
    const register = builder.finish();
    expect(actualSpans(register)).toStrictEqual([
      { length: 0, bytes: [] },
      { first: 0, length: 1, bytes: [1] },
    ]);
  });
});

/** A grouped file of `pupils` pupils, each marked on every session of `days` dates in order. */
function fullOps(pupils: number, days: number): Op[] {
  const dates = daysFrom('2024-08-12', days);
  const ops: Op[] = [];
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    for (const date of dates) {
      ops.push({ pupil: `P${pupil}`, date, pm: false, byte: 1 + (pupil % 37) });
      ops.push({ pupil: `P${pupil}`, date, pm: true, byte: 2 + (pupil % 37) });
    }
  }
  return ops;
}

describe('CohortRegisterBuilder lays out a file grouped by pupil as it is read', () => {
  // The contract: spans one after another, and the buffer kept as it is when little of it is slack (the bytes
  // are not copied again), copied away when much is.
  const keptAsRead = (register: CohortRegister): void => {
    expect(register.codes.byteOffset).toBe(0);
    expect(register.codes.buffer.byteLength).toBeGreaterThan(register.codes.length);
    expect(register.codes.length).toBeGreaterThanOrEqual(register.codes.buffer.byteLength * 0.9);
  };

  test('open slots: a grouped file is not copied at the end', () => {
    // A pupil with one mark on the first slot, a pupil with none, then 100 pupils over 300 dates: 60,001 bytes.
    const first2 = daysFrom('2024-08-12', 1)[0]!;
    const ops: Op[] = [
      { pupil: 'first', date: first2, pm: false, byte: 3 },
      { pupil: 'none' },
      ...fullOps(100, 300),
    ];
    const { register, model } = build(ops);
    expectRegisterOf(register, model);
    keptAsRead(register);
  });

  test('fixed slots over every session of the dates: a grouped file is laid out whole', () => {
    const dates = daysFrom('2024-08-12', 300);
    const slots = createSessionSlots(
      dates.flatMap((date) => [
        { date, session: 'AM' },
        { date, session: 'PM' },
      ])
    );
    const ops: Op[] = [{ pupil: 'none' }, ...fullOps(100, 300)];
    const { register, model } = build(ops, { slots });
    expectRegisterOf(register, model, slots);
  });

  test('the expected number of marks sizes the buffer once, and asking again changes nothing', () => {
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    builder.expectMarks(132_000);
    builder.expectMarks(132_000);
    const model = new Model(undefined);
    for (const op of fullOps(220, 300)) {
      model.apply(op, higher);
      builder.add(builder.pupil(op.pupil), builder.dateIndex(op.date!), op.pm!, op.byte!);
    }
    const register = builder.finish();
    expectRegisterOf(register, model);
    keptAsRead(register);
  });

  test('a buffer exactly a tenth slack is kept as it is', () => {
    // 137,254 expected marks make a buffer of 140,000 bytes; 126,000 marks fill nine tenths of it.
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    builder.expectMarks(137_254);
    for (const op of fullOps(210, 300))
      builder.add(builder.pupil(op.pupil), builder.dateIndex(op.date!), op.pm!, op.byte!);
    const register = builder.finish();
    expect(register.codes.length).toBe(126_000);
    keptAsRead(register);
  });

  test('a pupil who comes back in a file otherwise grouped, with dates in order, is laid out once', () => {
    const ops = fullOps(5, 10);
    // P1's afternoons come after P2's marks.
    const back = ops.filter((op) => op.pupil === 'P1' && op.pm === true);
    const rest = ops.filter((op) => !back.includes(op));
    const at = rest.findIndex((op) => op.pupil === 'P3');
    const { register, model } = build([...rest.slice(0, at), ...back, ...rest.slice(at)]);
    expectRegisterOf(register, model);
    expect(register.codes.length).toBe(100);
  });

  test('asking about the pupil being read does not stop the file being laid out as read', () => {
    // Importers ask has / forEachMark / marksBefore about the pupil whose marks they are reading.
    const builder = new CohortRegisterBuilder({ resolve: (_p, _d, _pm, kept) => kept });
    const model = new Model(undefined);
    let asked = 0;
    for (const op of fullOps(100, 300)) {
      model.apply(op, higher);
      const pupil = builder.pupil(op.pupil);
      const dateIndex = builder.dateIndex(op.date!);
      if (builder.has(pupil, dateIndex, op.pm!)) asked += 1;
      builder.add(pupil, dateIndex, op.pm!, op.byte!);
      if (dateIndex === 299 && op.pm === true) {
        builder.forEachMark(pupil, () => (asked += 1));
        asked += builder.marksBefore(pupil, 600);
      }
    }
    expect(asked).toBe(100 * 600 * 2);
    const register = builder.finish();
    expectRegisterOf(register, model);
    keptAsRead(register);
  });

  test('a small register is copied out of the larger buffer', () => {
    const { register, model } = build(fullOps(3, 5));
    expectRegisterOf(register, model);
    expect(register.codes.buffer.byteLength).toBe(register.codes.length);
  });
});
