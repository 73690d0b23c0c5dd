// Writes examples/data/sample-register.json: a synthetic register for 30 pupils over the 2024/25 school year in
// England. Every pupil has a profile chosen so that the sample report shows each outcome the library knows
// about, including the two boundary cases of persistent absence (exactly 10 % and 9.97 %).
//
// The output is deterministic: a seeded PRNG (mulberry32) places the absences, so every run writes the same
// bytes. Regenerate with `npx tsx examples/generate-sample-register.ts`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { countSessions, isoDate } from '../src/index.js';
import type { Session, SessionCounts, SessionMark } from '../src/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny 32-bit PRNG, good enough to scatter absences and fully reproducible from its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20240902;

// ---------------------------------------------------------------------------------------------------------------
// The 2024/25 calendar

interface DateRange {
  readonly first: string;
  readonly last: string;
}

const TERMS: readonly DateRange[] = [
  { first: '2024-09-02', last: '2024-12-20' },
  { first: '2025-01-06', last: '2025-04-04' },
  { first: '2025-04-22', last: '2025-07-22' },
];

const HALF_TERMS: readonly DateRange[] = [
  { first: '2024-10-28', last: '2024-11-01' },
  { first: '2025-02-17', last: '2025-02-21' },
  { first: '2025-05-26', last: '2025-05-30' },
];

/** The early May bank holiday falls in the summer term; schools are closed, so it is not a school day. */
const BANK_HOLIDAYS: readonly string[] = ['2025-05-05'];

/** A planned training day: the school is closed to pupils and every pupil is marked `#`. */
const INSET_DAY = '2024-09-02';

/** An unplanned whole-site closure (snow): every pupil is marked `Y4`. */
const SNOW_DAY = '2025-01-09';

// Calendar arithmetic runs on UTC midnights only, so no local time zone can move a day.
function toDayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function inRange(date: string, range: DateRange): boolean {
  return date >= range.first && date <= range.last;
}

function schoolDays(): string[] {
  const days: string[] = [];
  for (const term of TERMS) {
    for (let dayNumber = toDayNumber(term.first); dayNumber <= toDayNumber(term.last); dayNumber += 1) {
      const date = fromDayNumber(dayNumber);
      const weekday = new Date(dayNumber * 86_400_000).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      if (HALF_TERMS.some((range) => inRange(date, range))) continue;
      if (BANK_HOLIDAYS.includes(date)) continue;
      days.push(date);
    }
  }
  return days;
}

const DAYS = schoolDays();
const SLOT_COUNT = DAYS.length * 2;
const SESSIONS: readonly Session[] = ['AM', 'PM'];

function dayIndex(date: string): number {
  const index = DAYS.indexOf(date);
  if (index < 0) throw new Error(`${date} is not a school day in the sample calendar.`);
  return index;
}

// ---------------------------------------------------------------------------------------------------------------
// Building one pupil's register

interface Expectation {
  readonly possible?: number;
  readonly absent?: number;
  readonly attended?: number;
  readonly unmarked?: number;
}

/** One pupil's year: a code per session slot (slot 2d is day d's AM, 2d + 1 its PM), then filled with presence. */
class RegisterBuilder {
  readonly codes: (string | undefined)[] = new Array<string | undefined>(SLOT_COUNT).fill(undefined);
  readonly minutesLate = new Map<number, number>();

  constructor(private readonly random: () => number) {
    this.fillDays('#', INSET_DAY, INSET_DAY);
    this.fillDays('Y4', SNOW_DAY, SNOW_DAY);
  }

  private int(limit: number): number {
    return Math.floor(this.random() * limit);
  }

  private isFree(slot: number): boolean {
    return this.codes[slot] === undefined;
  }

  private isFreeDay(day: number): boolean {
    return this.isFree(day * 2) && this.isFree(day * 2 + 1);
  }

  /** Marks every session of the school days from `first` to `last` (inclusive) with `code`. */
  fillDays(code: string, first: string, last: string): this {
    for (let day = dayIndex(first); day <= dayIndex(last); day += 1) {
      for (const slot of [day * 2, day * 2 + 1]) {
        if (!this.isFree(slot)) throw new Error(`Slot ${slot} (${DAYS[day]}) is already marked.`);
        this.codes[slot] = code;
      }
    }
    return this;
  }

  /** Marks one session. */
  fillSession(code: string, date: string, session: Session): this {
    const slot = dayIndex(date) * 2 + (session === 'AM' ? 0 : 1);
    if (!this.isFree(slot)) throw new Error(`Slot ${slot} (${date} ${session}) is already marked.`);
    this.codes[slot] = code;
    return this;
  }

  /**
   * Places `sessions` sessions of `code` as spells of whole consecutive school days (1 to `longestSpell` days)
   * at random free places; an odd session left over becomes a single afternoon (sent home at lunchtime).
   */
  spells(code: string, sessions: number, longestSpell: number): this {
    let remainingDays = Math.floor(sessions / 2);
    while (remainingDays > 0) {
      const length = 1 + this.int(Math.min(longestSpell, remainingDays));
      const start = this.findFreeRun(length);
      for (let day = start; day < start + length; day += 1) {
        this.codes[day * 2] = code;
        this.codes[day * 2 + 1] = code;
      }
      remainingDays -= length;
    }
    if (sessions % 2 === 1) this.scatter(code, 1, 'PM');
    return this;
  }

  /** Places `count` single sessions of `code` at random free slots, optionally only mornings or afternoons. */
  scatter(code: string, count: number, session?: Session): this {
    for (let placed = 0; placed < count;) {
      const day = this.int(DAYS.length);
      const which = session ?? SESSIONS[this.int(2)]!;
      const slot = day * 2 + (which === 'AM' ? 0 : 1);
      if (!this.isFree(slot)) continue;
      this.codes[slot] = code;
      if (code === 'L') this.minutesLate.set(slot, 2 + this.int(26));
      placed += 1;
    }
    return this;
  }

  private findFreeRun(length: number): number {
    for (let attempt = 0; attempt < 10_000; attempt += 1) {
      const start = this.int(DAYS.length - length + 1);
      let free = true;
      for (let day = start; day < start + length && free; day += 1) free = this.isFreeDay(day);
      if (free) return start;
    }
    throw new Error(`No free run of ${length} school days left.`);
  }

  toMarks(pupilId: string): SessionMark[] {
    return this.codes.map((code, slot) => {
      const session = slot % 2 === 0 ? 'AM' : 'PM';
      const minutes = this.minutesLate.get(slot);
      const mark: SessionMark = {
        pupilId,
        date: isoDate(DAYS[Math.floor(slot / 2)]!),
        session,
        code: code ?? (session === 'AM' ? '/' : '\\'),
      };
      return minutes === undefined ? mark : { ...mark, minutesLate: minutes };
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The cohort

interface Profile {
  readonly id: string;
  /** What the profile is for; printed when the file is written. */
  readonly summary: string;
  readonly build: (register: RegisterBuilder) => void;
  /** Totals the generator checks with the library before writing, so that a profile cannot drift. */
  readonly expect?: Expectation;
}

const PROFILES: readonly Profile[] = [
  { id: 'P01', summary: 'full attendance', build: () => undefined, expect: { possible: 386, absent: 0 } },
  { id: 'P02', summary: 'one day ill', build: (r) => r.spells('I', 2, 1), expect: { absent: 2 } },
  {
    id: 'P03',
    summary: 'short illness and a dental appointment',
    build: (r) => r.spells('I', 4, 2).scatter('M', 1),
    expect: { absent: 5 },
  },
  {
    id: 'P04',
    summary: 'illness, a few late marks',
    build: (r) => r.spells('I', 6, 3).scatter('L', 3, 'AM'),
    expect: { absent: 6 },
  },
  {
    id: 'P05',
    summary: 'appointments, illness and a day of religious observance (Eid al-Fitr)',
    build: (r) => r.fillDays('R', '2025-03-31', '2025-03-31').scatter('M', 3).spells('I', 2, 1),
    expect: { absent: 7 },
  },
  { id: 'P06', summary: 'illness', build: (r) => r.spells('I', 8, 3), expect: { absent: 8 } },
  {
    id: 'P07',
    summary: 'illness and appointments',
    build: (r) => r.spells('I', 8, 2).scatter('M', 2),
    expect: { absent: 10 },
  },
  { id: 'P08', summary: 'illness', build: (r) => r.spells('I', 12, 4), expect: { absent: 12 } },
  {
    id: 'P09',
    summary: 'approved educational activity: residential trip (V), fixtures (P), LA provision (K)',
    build: (r) =>
      r
        .fillDays('V', '2025-06-11', '2025-06-13')
        .scatter('P', 4, 'PM')
        .fillDays('K', '2025-02-03', '2025-02-07')
        .spells('I', 3, 1),
    expect: { absent: 3, attended: 383 },
  },
  {
    id: 'P10',
    summary: 'frequent lateness: L before the register closed, U after it',
    build: (r) => r.scatter('L', 34, 'AM').scatter('U', 12, 'AM').spells('I', 4, 2),
    expect: { absent: 16 },
  },
  {
    id: 'P11',
    summary: 'a week of term-time holiday taken without leave (G)',
    build: (r) => r.fillDays('G', '2025-05-19', '2025-05-23').spells('I', 4, 2),
    expect: { absent: 14 },
  },
  {
    id: 'P12',
    summary: 'illness (I) and medical appointments (M)',
    build: (r) => r.spells('I', 18, 5).scatter('M', 8),
    expect: { absent: 26 },
  },
  {
    id: 'P13',
    summary: 'the last three sessions not yet marked (-)',
    build: (r) =>
      r
        .fillSession('-', '2025-07-21', 'PM')
        .fillDays('-', '2025-07-22', '2025-07-22')
        .spells('I', 6, 3)
        .scatter('O', 2),
    expect: { possible: 383, absent: 8, unmarked: 3 },
  },
  {
    id: 'P14',
    summary: 'joined on 6 September (Z before); absent exactly 10 % (38 of 380): persistent',
    build: (r) =>
      r
        .fillDays('Z', '2024-09-03', '2024-09-05')
        .spells('I', 20, 3)
        .scatter('M', 4)
        .scatter('O', 8)
        .scatter('N', 2)
        .scatter('U', 4, 'AM'),
    expect: { possible: 380, absent: 38 },
  },
  {
    id: 'P15',
    summary:
      'joined on 5 September, one session without transport (Y1); absent 38 of 381 (9.97 %): not persistent',
    build: (r) =>
      r
        .fillDays('Z', '2024-09-03', '2024-09-04')
        .fillSession('Y1', '2024-11-14', 'AM')
        .spells('I', 24, 3)
        .scatter('M', 2)
        .scatter('O', 10)
        .scatter('U', 2, 'AM'),
    expect: { possible: 381, absent: 38 },
  },
  {
    id: 'P16',
    summary: 'persistent absentee: illness and unauthorised absence',
    build: (r) => r.spells('I', 30, 4).spells('O', 14, 2).scatter('N', 6),
    expect: { absent: 50 },
  },
  {
    id: 'P17',
    summary: 'persistent absentee: about a fifth of sessions missed, including holiday',
    build: (r) =>
      r.fillDays('G', '2025-07-14', '2025-07-18').spells('I', 40, 5).spells('O', 24, 3).scatter('U', 4, 'AM'),
    expect: { absent: 78 },
  },
  {
    id: 'P18',
    summary: 'severely absent: part-time timetable (C2), suspension (E), long unauthorised absence',
    build: (r) =>
      r
        .fillDays('E', '2024-11-18', '2024-11-22')
        .spells('O', 80, 10)
        .spells('I', 60, 5)
        .scatter('N', 20)
        .scatter('C2', 40, 'PM'),
    expect: { absent: 210 },
  },
  {
    id: 'P19',
    summary: 'illness and some unauthorised absence',
    build: (r) => r.spells('I', 14, 3).scatter('M', 2).scatter('O', 4),
    expect: { absent: 20 },
  },
  {
    id: 'P20',
    summary: 'illness, appointments and a funeral (C, exceptional leave)',
    build: (r) => r.spells('I', 11, 3).scatter('M', 2).fillDays('C', '2025-03-13', '2025-03-13'),
    expect: { absent: 15 },
  },
  {
    id: 'P21',
    summary: 'illness and unauthorised absence',
    build: (r) => r.spells('I', 20, 4).scatter('O', 6).scatter('N', 2),
    expect: { absent: 28 },
  },
  {
    id: 'P22',
    summary: 'at risk of persistent absence',
    build: (r) => r.spells('I', 24, 4).spells('O', 10, 2),
    expect: { absent: 34 },
  },
  {
    id: 'P23',
    summary: 'Year 11: study leave (S) in June, a college interview (J1)',
    build: (r) =>
      r
        .fillDays('S', '2025-06-16', '2025-06-20')
        .fillDays('S', '2025-06-23', '2025-06-23')
        .fillSession('J1', '2025-03-05', 'AM')
        .fillSession('J1', '2025-03-05', 'PM')
        .spells('I', 4, 2),
    expect: { absent: 18 },
  },
  {
    id: 'P24',
    summary: 'licensed performances (C1), exceptional leave (C)',
    build: (r) => r.scatter('C1', 4, 'PM').fillDays('C', '2024-12-05', '2024-12-05').spells('I', 4, 2),
    expect: { absent: 10 },
  },
  {
    id: 'P25',
    summary: 'mobile child: parent travelling for work (T)',
    build: (r) => r.fillDays('T', '2025-04-22', '2025-05-02').spells('I', 4, 2),
    expect: { absent: 22 },
  },
  {
    id: 'P26',
    summary: 'Year 10 work experience week (W)',
    build: (r) => r.fillDays('W', '2025-07-07', '2025-07-11').spells('I', 5, 2),
    expect: { absent: 5, attended: 381 },
  },
  {
    id: 'P27',
    summary: 'joined in January: not on roll (Z) for the autumn term',
    build: (r) => r.fillDays('Z', '2024-09-03', '2024-12-20').spells('I', 6, 2),
    expect: { possible: 238, absent: 6 },
  },
  {
    id: 'P28',
    summary: 'one day without LA transport arrangements (Q)',
    build: (r) => r.fillDays('Q', '2025-03-20', '2025-03-20').spells('I', 4, 2).scatter('M', 1),
    expect: { possible: 384, absent: 5 },
  },
  {
    id: 'P29',
    summary: 'a few late marks, one appointment',
    build: (r) => r.scatter('L', 6, 'AM').scatter('M', 1),
    expect: { absent: 1 },
  },
  {
    id: 'P30',
    summary: 'an approved off-site music course (B), a little illness',
    build: (r) => r.scatter('B', 4, 'PM').spells('I', 2, 1).scatter('M', 1),
    expect: { absent: 3, attended: 383 },
  },
];

function check(id: string, counts: SessionCounts, expectation: Expectation): void {
  for (const key of ['possible', 'absent', 'attended', 'unmarked'] as const) {
    const expected = expectation[key];
    if (expected !== undefined && counts[key] !== expected) {
      throw new Error(`${id}: expected ${key} ${expected}, counted ${counts[key]}.`);
    }
  }
  if (counts.warnings.length > 0) throw new Error(`${id}: ${counts.warnings[0]!.message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing the file

const random = mulberry32(SEED);
const lines: string[] = [];
for (const profile of PROFILES) {
  const register = new RegisterBuilder(random);
  profile.build(register);
  const marks = register.toMarks(profile.id);
  check(profile.id, countSessions(marks), { possible: 386, ...profile.expect });
  for (const mark of marks) lines.push(JSON.stringify(mark));
}

// One mark per line keeps the file readable and its diffs small; the bytes depend only on the seed.
const output = `[\n${lines.join(',\n')}\n]\n`;
const directory = new URL('./data/', import.meta.url);
mkdirSync(directory, { recursive: true });
writeFileSync(new URL('sample-register.json', directory), output);

console.log(
  `Wrote ${lines.length} marks for ${PROFILES.length} pupils over ${DAYS.length} school days ` +
    `(${SLOT_COUNT} sessions each) to examples/data/sample-register.json (${output.length} bytes).`
);
for (const profile of PROFILES) console.log(`  ${profile.id}  ${profile.summary}`);
