// A seeded generator of synthetic registers of any size, for examples, tests and benchmarks. Nothing it produces
// is real: pupils, UPNs, dates of birth and marks are made up from the seed.
//
// The default mix of profiles is calibrated roughly to the DfE's national figures for England (overall attendance
// about 93 %, persistent absence about 18–20 % of pupils, illness the main authorised reason, O the main
// unauthorised one). Pupils are generated one at a time from streams seeded by their position, so memory does not
// grow with the number of pupils and any pupil's marks can be reproduced on their own.

import { eachSessionSlot } from '../../src/index.js';
import type { IsoDate } from '../../src/index.js';
import { addIsoDays, differenceInIsoDays, isoWeekdayOf } from '../../src/_internal/dates.js';
import { DEFAULT_PROFILE_MIX, PROFILE_PARAMETERS } from './profiles.js';
import type { ProfileParameters } from './profiles.js';
import { mixSeed, mulberry32, randomBetween, randomInt, randomIntBetween } from './random.js';
import type { Random } from './random.js';
import type {
  SyntheticMark,
  SyntheticProfile,
  SyntheticProfileMix,
  SyntheticPupil,
  SyntheticRegisterOptions,
} from './types.js';

export { DEFAULT_PROFILE_MIX } from './profiles.js';
export type {
  SyntheticMark,
  SyntheticProfile,
  SyntheticProfileMix,
  SyntheticPupil,
  SyntheticRegisterOptions,
} from './types.js';

/** Every profile, in a fixed order (the order weights are read in). */
export const SYNTHETIC_PROFILES: readonly SyntheticProfile[] = [
  'good-attender',
  'typical',
  'persistent-absentee',
  'severe-absentee',
  'term-time-holiday',
  'persistent-late',
  'monday-friday',
  'improving',
  'declining',
];

// ---------------------------------------------------------------------------------------------------------------
// The days to mark

/** What a session of a day gets: nothing (a bank holiday), a mark, or `#` for a planned closure. */
const NO_MARK = 0;
const OPEN = 1;
const CLOSED = 2;

interface RegisterDays {
  readonly dates: readonly IsoDate[];
  /** ISO weekday, 1 (Monday) to 5 (Friday). */
  readonly weekdays: Uint8Array;
  /** 1 in December, January and February, when illness peaks. */
  readonly winter: Uint8Array;
  readonly am: Uint8Array;
  readonly pm: Uint8Array;
  /**
   * The holidays around and between the half-terms in range, as the last day before (-1 at the start of the
   * range) and the first day after (the day count at its end).
   */
  readonly breaks: readonly { readonly before: number; readonly after: number }[];
  /** The calendar year the first school year in range begins in, e.g. 2024 for 2024/25. */
  readonly schoolYearStart: number;
}

function layOutDays(options: SyntheticRegisterOptions): RegisterDays {
  const { calendar } = options;
  const halfTerms = calendar.years.flatMap((year) => year.halfTerms);
  const from = options.from ?? halfTerms[0]?.start;
  const to = options.to ?? halfTerms[halfTerms.length - 1]?.end;
  const range = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  const openSessions = new Map<IsoDate, number>();
  for (const slot of eachSessionSlot(calendar, range)) {
    openSessions.set(slot.date, (openSessions.get(slot.date) ?? 0) | (slot.session === 'AM' ? 1 : 2));
  }
  // Planned closures are marked `#` for every pupil, as registers do; bank holidays are not school days at all.
  const closures = new Map(
    calendar.closures
      .filter(
        (closure) =>
          closure.reason !== 'bank-holiday' &&
          (from === undefined || closure.date >= from) &&
          (to === undefined || closure.date <= to)
      )
      .map((closure) => [closure.date, closure])
  );
  const dates = [...new Set([...openSessions.keys(), ...closures.keys()])].sort();
  const count = dates.length;
  const weekdays = new Uint8Array(count);
  const winter = new Uint8Array(count);
  const am = new Uint8Array(count);
  const pm = new Uint8Array(count);
  const halfTerm = new Int32Array(count);
  const breaks: { before: number; after: number }[] = [{ before: -1, after: 0 }];
  dates.forEach((date, day) => {
    const open = openSessions.get(date) ?? 0;
    const closed = closures.get(date)?.sessions ?? ['AM', 'PM'];
    const month = Number(date.slice(5, 7));
    weekdays[day] = isoWeekdayOf(date);
    winter[day] = month === 12 || month <= 2 ? 1 : 0;
    am[day] = (open & 1) !== 0 ? OPEN : closures.has(date) && closed.includes('AM') ? CLOSED : NO_MARK;
    pm[day] =
      calendar.sessionsPerDay === 1
        ? NO_MARK
        : (open & 2) !== 0
          ? OPEN
          : closures.has(date) && closed.includes('PM')
            ? CLOSED
            : NO_MARK;
    halfTerm[day] = halfTerms.findIndex((term) => term.start <= date && date <= term.end);
    if (day > 0 && halfTerm[day] !== halfTerm[day - 1]) breaks.push({ before: day - 1, after: day });
  });
  breaks.push({ before: count - 1, after: count });
  const first = dates[0] ?? from ?? '2024-09-01';
  const schoolYearStart = Number(first.slice(0, 4)) - (Number(first.slice(5, 7)) >= 8 ? 0 : 1);
  return { dates, weekdays, winter, am, pm, breaks, schoolYearStart };
}

// ---------------------------------------------------------------------------------------------------------------
// Pupils

interface Context {
  readonly options: SyntheticRegisterOptions;
  readonly days: RegisterDays;
  readonly prefix: string;
  readonly idWidth: number;
  readonly profiles: readonly SyntheticProfile[];
  readonly cumulativeWeights: readonly number[];
  readonly yearGroups: readonly number[];
  readonly joinerShare: number;
}

/** A pupil with the first day the generator marks (later than day 0 for a pupil who joined mid-year). */
interface PupilPlan {
  readonly pupil: SyntheticPupil;
  readonly firstDay: number;
}

function createContext(options: SyntheticRegisterOptions): Context {
  if (!Number.isSafeInteger(options.pupils) || options.pupils < 0) {
    throw new RangeError(`pupils must be a whole number of 0 or more; received ${options.pupils}.`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be a whole number; received ${options.seed}.`);
  }
  const mix: SyntheticProfileMix = options.profileMix ?? DEFAULT_PROFILE_MIX;
  const unknown = Object.keys(mix).filter(
    (name) => !(SYNTHETIC_PROFILES as readonly string[]).includes(name)
  );
  if (unknown.length > 0) throw new RangeError(`profileMix names unknown profiles: ${unknown.join(', ')}.`);
  const profiles = SYNTHETIC_PROFILES.filter((profile) => (mix[profile] ?? 0) > 0);
  const total = profiles.reduce((sum, profile) => sum + (mix[profile] ?? 0), 0);
  if (profiles.length === 0 || !Number.isFinite(total)) {
    throw new RangeError('profileMix must give at least one profile a positive, finite weight.');
  }
  let running = 0;
  const cumulativeWeights = profiles.map((profile) => (running += (mix[profile] ?? 0) / total));
  const yearGroups = options.yearGroups ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  if (yearGroups.length === 0) throw new RangeError('yearGroups must list at least one year group.');
  return {
    options,
    days: layOutDays(options),
    prefix: options.pupilIdPrefix ?? 'P',
    idWidth: Math.max(4, String(options.pupils).length),
    profiles,
    cumulativeWeights,
    yearGroups,
    joinerShare: options.midYearJoinerShare ?? 0.03,
  };
}

// UPN-style letters (no I, O or S), for the made-up first character.
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function pickProfile(context: Context, draw: number): SyntheticProfile {
  const index = context.cumulativeWeights.findIndex((weight) => draw < weight);
  return context.profiles[index < 0 ? context.profiles.length - 1 : index]!;
}

function planPupil(context: Context, index: number): PupilPlan {
  const random = mulberry32(mixSeed(context.options.seed, index, 1));
  const profile = pickProfile(context, random());
  const parameters = PROFILE_PARAMETERS[profile];
  const yearGroup = context.yearGroups[randomInt(random, context.yearGroups.length)]!;
  // Year N in a school year beginning in September of year Y: born 1 September Y-N-5 to 31 August Y-N-4.
  const bornFrom =
    `${String(context.days.schoolYearStart - yearGroup - 5).padStart(4, '0')}-09-01` as IsoDate;
  const bornBefore =
    `${String(context.days.schoolYearStart - yearGroup - 4).padStart(4, '0')}-09-01` as IsoDate;
  const dateOfBirth = addIsoDays(bornFrom, randomInt(random, differenceInIsoDays(bornBefore, bornFrom)));
  const fsm = random() < parameters.fsmChance;
  const senDraw = random();
  const sen =
    senDraw < parameters.ehcPlanChance
      ? 'E'
      : senDraw < parameters.ehcPlanChance + parameters.senSupportChance
        ? 'K'
        : 'none';
  const letter = UPN_LETTERS[randomInt(random, UPN_LETTERS.length)]!;
  const entryYear = String((context.days.schoolYearStart - yearGroup + 100) % 100).padStart(2, '0');
  const upn = `${letter}999${String(Math.floor(index / 1000) % 10000).padStart(4, '0')}${entryYear}${String(index % 1000).padStart(3, '0')}`;
  const joins = random() < context.joinerShare;
  const joinDraw = random();
  const dayCount = context.days.dates.length;
  let firstDay = joins && dayCount > 0 ? Math.floor(dayCount * (0.05 + 0.65 * joinDraw)) : 0;
  // A pupil joins on a day the school is open, not on a training day.
  while (
    firstDay > 0 &&
    firstDay < dayCount &&
    context.days.am[firstDay] !== OPEN &&
    context.days.pm[firstDay] !== OPEN
  ) {
    firstDay += 1;
  }
  const joinedOn = firstDay > 0 ? context.days.dates[firstDay] : undefined;
  const pupil: SyntheticPupil = {
    pupilId: `${context.prefix}${String(index + 1).padStart(context.idWidth, '0')}`,
    upn,
    yearGroup,
    dateOfBirth,
    fsm,
    sen,
    profile,
    ...(joinedOn === undefined ? {} : { joinedOn }),
  };
  return { pupil, firstDay };
}

/**
 * Creates the synthetic pupils for a set of options: the same pupils, in the same order, whose marks
 * {@link generateSyntheticMarks} yields.
 *
 * @param options - The number of pupils, seed, calendar and mix.
 * @returns The pupils in id order.
 * @example
 * const pupils = createSyntheticPupils({ pupils: 3, seed: 1, calendar });
 * pupils.map((pupil) => pupil.pupilId) //=> ['P0001', 'P0002', 'P0003']
 */
export function createSyntheticPupils(options: SyntheticRegisterOptions): SyntheticPupil[] {
  const context = createContext(options);
  return Array.from({ length: options.pupils }, (_, index) => planPupil(context, index).pupil);
}

// ---------------------------------------------------------------------------------------------------------------
// One pupil's register

/** A pupil's register while it is filled: one code per slot (slot 2d is day d's AM, 2d + 1 its PM). */
class RegisterBuffer {
  readonly codes: (string | undefined)[];
  readonly minutes: Uint8Array;
  firstDay = 0;
  random: Random = () => 0;

  constructor(readonly days: RegisterDays) {
    this.codes = new Array<string | undefined>(days.dates.length * 2).fill(undefined);
    this.minutes = new Uint8Array(days.dates.length * 2);
  }

  get dayCount(): number {
    return this.days.dates.length;
  }

  reset(firstDay: number, random: Random): void {
    this.firstDay = firstDay;
    this.random = random;
    this.minutes.fill(0);
    for (let day = 0; day < this.dayCount; day += 1) {
      const before = day < firstDay;
      this.codes[day * 2] = this.initial(this.days.am[day]!, before);
      this.codes[day * 2 + 1] = this.initial(this.days.pm[day]!, before);
    }
  }

  private initial(state: number, beforeJoining: boolean): string | undefined {
    if (state === CLOSED) return '#';
    return state === OPEN && beforeJoining ? 'Z' : undefined;
  }

  isOpen(slot: number): boolean {
    return ((slot & 1) === 0 ? this.days.am : this.days.pm)[slot >> 1] === OPEN;
  }

  isFree(slot: number): boolean {
    return this.isOpen(slot) && this.codes[slot] === undefined;
  }

  hasOpenSession(day: number): boolean {
    return this.days.am[day] === OPEN || this.days.pm[day] === OPEN;
  }

  setSlot(slot: number, code: string, minutesLate = 0): void {
    if (!this.isFree(slot)) return;
    this.codes[slot] = code;
    this.minutes[slot] = minutesLate;
  }

  setDay(day: number, code: string): void {
    this.setSlot(day * 2, code);
    this.setSlot(day * 2 + 1, code);
  }

  /** A random day on roll with an open session, or -1 when there is none. */
  randomDay(): number {
    const span = this.dayCount - this.firstDay;
    if (span <= 0) return -1;
    const start = this.firstDay + randomInt(this.random, span);
    for (let offset = 0; offset < span; offset += 1) {
      const day = this.firstDay + ((start - this.firstDay + offset) % span);
      if (this.hasOpenSession(day)) return day;
    }
    return -1;
  }

  /** Marks `length` school days with `code`, walking forwards (or backwards) from `day`; closed days are skipped. */
  setRun(day: number, length: number, code: string, step: 1 | -1 = 1, session?: 'AM' | 'PM'): void {
    let marked = 0;
    for (
      let current = day;
      marked < length && current >= this.firstDay && current < this.dayCount;
      current += step
    ) {
      if (!this.hasOpenSession(current)) continue;
      if (session === undefined) this.setDay(current, code);
      else this.setSlot(current * 2 + (session === 'AM' ? 0 : 1), code);
      marked += 1;
    }
  }
}

const AUTHORISED_SPELL_CODE = 'I';

/** Places one block of term-time holiday against a break: the last days before it or the first days after it. */
function placeHoliday(register: RegisterBuffer, days: number): void {
  const { breaks } = register.days;
  const chosen = breaks[randomInt(register.random, breaks.length)]!;
  const before = chosen.before >= register.firstDay;
  const after = chosen.after < register.dayCount;
  const useBefore = before && (!after || register.random() < 0.5);
  if (useBefore) register.setRun(chosen.before, days, 'G', -1);
  else if (after) register.setRun(Math.max(chosen.after, register.firstDay), days, 'G', 1);
}

/** The occasional events of a school year, each with its own chance; drawn in a fixed order. */
function placeOccasionalEvents(
  register: RegisterBuffer,
  parameters: ProfileParameters,
  yearGroup: number
): void {
  const { random } = register;
  if (random() < parameters.holiday.chance)
    placeHoliday(register, randomIntBetween(random, parameters.holiday.days));
  if (random() < parameters.secondHolidayChance) placeHoliday(register, randomIntBetween(random, [2, 5]));
  if (random() < parameters.suspensionChance)
    register.setRun(register.randomDay(), randomIntBetween(random, [1, 3]), 'E');
  if (random() < parameters.partTimeTimetableChance) {
    register.setRun(register.randomDay(), randomIntBetween(random, [20, 40]), 'C2', 1, 'PM');
  }
  if (random() < parameters.localAuthorityProvisionChance) {
    register.setRun(register.randomDay(), randomIntBetween(random, [5, 15]), 'K');
  }
  // Year 10 work experience: a week in the last half-term in range.
  if (yearGroup === 10 && random() < 0.5) {
    const lastBreak = register.days.breaks[register.days.breaks.length - 2];
    if (lastBreak !== undefined) register.setRun(Math.max(lastBreak.after, register.firstDay), 5, 'W');
  }
  // Year 6 residential trip, and day trips for anyone.
  if (yearGroup === 6 && random() < 0.35) register.setRun(register.randomDay(), 3, 'V');
  if (random() < 0.06) register.setRun(register.randomDay(), 1, 'V');
  if (random() < 0.04) register.setRun(register.randomDay(), randomIntBetween(random, [1, 3]), 'P', 1, 'PM');
  if (random() < 0.01) register.setRun(register.randomDay(), randomIntBetween(random, [2, 4]), 'C1', 1, 'PM');
  if (yearGroup === 11 && random() < 0.2) register.setRun(register.randomDay(), 1, 'J1', 1, 'AM');
  if (random() < 0.03) register.setRun(register.randomDay(), 1, 'C');
  if (random() < 0.025) register.setRun(register.randomDay(), 1, 'R');
  if (random() < 0.01) register.setRun(register.randomDay(), 1, 'Y2');
  if (random() < 0.005) register.setRun(register.randomDay(), 1, 'Y1');
}

/** Fills a pupil's register: events, day-by-day absence, lateness, then presence. */
function fillRegister(register: RegisterBuffer, plan: PupilPlan, random: Random): void {
  const { days } = register;
  const parameters = PROFILE_PARAMETERS[plan.pupil.profile];
  register.reset(plan.firstDay, random);
  // Every draw is made whatever the outcome, so one profile's values never shift another's stream.
  const earlier = randomBetween(random, parameters.absence);
  const later =
    parameters.absenceLater === undefined ? earlier : randomBetween(random, parameters.absenceLater);
  const changeAt = parameters.changeAt === undefined ? 2 : randomBetween(random, parameters.changeAt);
  const unauthorised = randomBetween(random, parameters.unauthorisedShare);
  const late = randomBetween(random, parameters.late);
  const lateAfterClose = randomBetween(random, parameters.lateAfterClose);
  placeOccasionalEvents(register, parameters, plan.pupil.yearGroup);

  const longest = parameters.longestSpellDays;
  const meanSpell = (1 + longest) / 2;
  const dayCount = register.dayCount;
  let spellDaysLeft = 0;
  let spellCode = AUTHORISED_SPELL_CODE;
  for (let day = plan.firstDay; day < dayCount; day += 1) {
    if (!register.hasOpenSession(day)) continue;
    if (spellDaysLeft > 0) {
      register.setDay(day, spellCode);
      spellDaysLeft -= 1;
      continue;
    }
    let rate = day < changeAt * dayCount ? earlier : later;
    if (parameters.mondayFriday) rate *= days.weekdays[day] === 1 || days.weekdays[day] === 5 ? 2.2 : 0.2;
    rate = Math.min(0.95, rate * (days.winter[day] === 1 ? 1.2 : 0.92));
    // Three quarters of absence comes as spells of whole days, a quarter as single sessions. Spells only start on
    // days outside one, so the start chance is solved for the share of days they should cover.
    const spellShare = rate * 0.75;
    const spellStart = spellShare / (1 - spellShare) / meanSpell;
    const single = Math.min(1 - spellStart, (rate * 0.5) / (1 - spellShare));
    const draw = random();
    if (draw < spellStart) {
      spellCode = random() < unauthorised ? (random() < 0.25 ? 'N' : 'O') : AUTHORISED_SPELL_CODE;
      register.setDay(day, spellCode);
      spellDaysLeft = randomIntBetween(random, [1, longest]) - 1;
    } else if (draw < spellStart + single) {
      const slot = day * 2 + (random() < 0.5 ? 0 : 1);
      const code = random() < unauthorised ? 'O' : random() < 0.6 ? 'M' : 'I';
      register.setSlot(slot, code);
    }
  }

  for (let day = plan.firstDay; day < dayCount; day += 1) {
    const am = day * 2;
    if (register.isFree(am)) {
      const draw = random();
      // The register is open for 30 minutes: L up to and including 30 minutes late, U after that.
      if (draw < lateAfterClose) register.setSlot(am, 'U', randomIntBetween(random, [31, 80]));
      else if (draw < lateAfterClose + late) register.setSlot(am, 'L', 1 + Math.floor(random() ** 2 * 30));
    }
    if (register.isFree(am + 1) && random() < late * 0.05) {
      register.setSlot(am + 1, 'L', randomIntBetween(random, [1, 20]));
    }
  }
}

/**
 * Generates synthetic register marks, pupil after pupil and each pupil's in register order (by date, `AM` before
 * `PM`): one mark for every session of every school day in range. Planned closures (INSET days, partial
 * closures) are marked `#`; bank holidays are left out, as they are not school days. A pupil who joined mid-year
 * has `Z` before joining.
 *
 * @remarks
 * Deterministic: the same options always give the same marks. Memory stays constant whatever the number of
 * pupils: one pupil's register is built at a time, in a buffer that is reused.
 *
 * @param options - The number of pupils, seed, calendar, range and mix.
 * @returns A generator of marks; `minutesLate` is on `L` and `U` marks only.
 * @example
 * for (const mark of generateSyntheticMarks({ pupils: 50_000, seed: 1, calendar })) write(mark);
 */
export function* generateSyntheticMarks(
  options: SyntheticRegisterOptions
): Generator<SyntheticMark, void, undefined> {
  const context = createContext(options);
  const { days } = context;
  const register = new RegisterBuffer(days);
  for (let index = 0; index < options.pupils; index += 1) {
    const plan = planPupil(context, index);
    fillRegister(register, plan, mulberry32(mixSeed(options.seed, index, 2)));
    const { pupilId } = plan.pupil;
    for (let day = 0; day < days.dates.length; day += 1) {
      const date = days.dates[day]!;
      if (days.am[day] !== NO_MARK) {
        const code = register.codes[day * 2] ?? '/';
        const minutesLate = register.minutes[day * 2]!;
        yield minutesLate === 0
          ? { pupilId, date, session: 'AM', code }
          : { pupilId, date, session: 'AM', code, minutesLate };
      }
      if (days.pm[day] !== NO_MARK) {
        const code = register.codes[day * 2 + 1] ?? '\\';
        const minutesLate = register.minutes[day * 2 + 1]!;
        yield minutesLate === 0
          ? { pupilId, date, session: 'PM', code }
          : { pupilId, date, session: 'PM', code, minutesLate };
      }
    }
  }
}
