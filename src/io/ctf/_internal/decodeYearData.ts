import { isIsoDate } from '../../../calendar/isIsoDate.js';
import type { IsoDate, Session } from '../../../calendar/types.js';
import { classifyCode } from '../../../codes/classifyCode.js';
import { CODE_SET_2024_START } from '../../../codes/codeSetDates.js';
import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue } from '../../../errors.js';
import { countSessions } from '../../../sessions/countSessions.js';
import { AM_OPEN, PM_OPEN } from '../../../_internal/compiledCalendar.js';
import { isoWeekdayOf } from '../../../_internal/dates.js';
import type { ImportedMark } from '../../types.js';
import type {
  CtfDayModel,
  CtfDecodedCounts,
  CtfReconciliation,
  CtfReconciliationLine,
  CtfTotals,
  CtfYearData,
} from '../types.js';
import { excerpt } from '../../../_internal/excerpt.js';
import { ctfIssue, shortText } from './ctfIssue.js';
import { layOutDays } from './dayLayout.js';
import type { ResolvedLayout } from './resolveOptions.js';
import type { SlotReading } from './slotReading.js';

/** The text of one element, and the line of its start tag. */
export interface CapturedField {
  readonly text: string;
  readonly line: number;
}

/** One `YearData` record as read from the XML, before it is checked. */
export interface CapturedYearData {
  readonly steps: readonly string[];
  readonly line: number;
  readonly fields: Map<string, CapturedField>;
  /** Set when the reader already reported an error for the record (an element given twice). */
  hasErrors: boolean;
}

/** What the `auto` day model chose, counted over a file. */
export interface AutoTally {
  calendarDays: number;
  schoolDays: number;
  undecided: number;
}

/** What a record decoder needs besides the record. */
export interface YearDecodeContext {
  readonly layout: ResolvedLayout;
  readonly readSlot: (raw: string) => SlotReading;
  readonly autoTally: AutoTally;
}

/** A `YearData` record covers one school year; a longer string is not a year's marks. */
const MAX_DAYS_PER_RECORD = 400;
const SESSIONS: readonly Session[] = ['AM', 'PM'];
const SESSION_BITS: readonly number[] = [AM_OPEN, PM_OPEN];
const YEAR_PATTERN = /^\s*(\d{4})\s*$/;
const COUNT_PATTERN = /^\s*(\d{1,9})\s*$/;
const SUB_CODES: Readonly<Record<string, string>> = {
  C: 'C, C1 (regulated performance or employment abroad) or C2 (part-time timetable)',
  J: 'J1 (interview)',
  Y: 'any of Y1–Y7',
};

const TOTAL_FIELDS = [
  ['SessionsPossible', 'sessionsPossible', true],
  ['SessionsAuthorised', 'sessionsAuthorised', true],
  ['SessionsAttended', 'sessionsAttended', false],
  ['SessionsUnauthorised', 'sessionsUnauthorised', true],
] as const;

const weekdays = new Map<string, number>();

function weekdayOf(date: IsoDate): number {
  let weekday = weekdays.get(date);
  if (weekday === undefined) {
    if (weekdays.size > 1024) weekdays.clear();
    weekday = isoWeekdayOf(date);
    weekdays.set(date, weekday);
  }
  return weekday;
}

function yearLabel(year: number | undefined): string {
  return year === undefined ? 'year unknown' : `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Reads and checks one record's totals, marks and dates, and decodes its marks. */
class YearDecoder {
  private readonly issues: AttendanceIssue[] = [];
  private errors = 0;
  private readonly who: string;

  constructor(
    private readonly captured: CapturedYearData,
    private readonly upn: string,
    private readonly subCodesWarned: Set<string>,
    private readonly context: YearDecodeContext
  ) {
    this.who = `pupil ${shortText(upn)}`;
  }

  private report(issue: AttendanceIssue): void {
    this.issues.push(issue);
    if (issue.severity === 'error') this.errors += 1;
  }

  private fieldSteps(name: string): string[] {
    return name === 'AttendanceStartDate' || name === 'AttendanceMarks'
      ? [...this.captured.steps, 'AttendSessions', name]
      : [...this.captured.steps, name];
  }

  private missing(name: string, expected: string, yearText: string): void {
    this.report(
      ctfIssue(
        'invalid_value',
        'error',
        `The YearData${yearText === 'year unknown' ? '' : ` for ${yearText}`} of ${this.who} has no ${name}`,
        {
          steps: this.fieldSteps(name),
          line: this.captured.line,
          pupilId: this.upn,
          field: name,
          expected,
          received: 'nothing',
        }
      )
    );
  }

  private readYear(): number | undefined {
    const field = this.captured.fields.get('Year');
    if (field === undefined) {
      this.missing('Year', 'the academic year’s start year, e.g. 2024', 'year unknown');
      return undefined;
    }
    const match = YEAR_PATTERN.exec(field.text);
    if (match !== null) return Number(match[1]);
    this.report(
      ctfIssue(
        'invalid_value',
        'error',
        `Year of ${this.who} is not a four-digit year (${excerpt(field.text)})`,
        {
          steps: this.fieldSteps('Year'),
          line: field.line,
          pupilId: this.upn,
          field: 'Year',
          expected: 'a four-digit year, e.g. 2024',
          received: field.text,
        }
      )
    );
    return undefined;
  }

  private readCount(name: string, required: boolean, yearText: string): number | undefined {
    const field = this.captured.fields.get(name);
    if (field === undefined) {
      if (required) this.missing(name, 'a whole number of sessions, 0 or more', yearText);
      return undefined;
    }
    const match = COUNT_PATTERN.exec(field.text);
    if (match !== null) return Number(match[1]);
    this.report(
      ctfIssue(
        'invalid_value',
        'error',
        `${name} of ${this.who}, ${yearText}, is not a whole number of sessions (${excerpt(field.text)})`,
        {
          steps: this.fieldSteps(name),
          line: field.line,
          pupilId: this.upn,
          field: name,
          expected: 'a whole number of sessions, 0 or more',
          received: field.text,
        }
      )
    );
    return undefined;
  }

  private readStartDate(yearText: string): IsoDate | undefined {
    const field = this.captured.fields.get('AttendanceStartDate');
    if (field === undefined) return undefined;
    const text = field.text.trim();
    if (isIsoDate(text)) return text;
    this.report(
      ctfIssue(
        'invalid_date',
        'error',
        `AttendanceStartDate of ${this.who}, ${yearText}, is not a real date in YYYY-MM-DD form (${excerpt(field.text)})`,
        {
          steps: this.fieldSteps('AttendanceStartDate'),
          line: field.line,
          pupilId: this.upn,
          field: 'AttendanceStartDate',
          expected: 'a date as YYYY-MM-DD',
          received: field.text,
        }
      )
    );
    return undefined;
  }

  decode(): { readonly year: CtfYearData | undefined; readonly issues: readonly AttendanceIssue[] } {
    const year = this.readYear();
    const yearText = yearLabel(year);
    const totals: Partial<Record<(typeof TOTAL_FIELDS)[number][1], number>> = {};
    for (const [name, key, required] of TOTAL_FIELDS) {
      const value = this.readCount(name, required, yearText);
      if (value !== undefined) totals[key] = value;
    }
    const startDate = this.readStartDate(yearText);
    const marksField = this.captured.fields.get('AttendanceMarks');
    if (
      marksField !== undefined &&
      startDate === undefined &&
      !this.captured.fields.has('AttendanceStartDate')
    ) {
      this.missing('AttendanceStartDate', 'the date of the first pair of marks, as YYYY-MM-DD', yearText);
    }
    let decoded: { marks: ImportedMark[]; model: CtfDayModel } | undefined;
    if (marksField !== undefined && startDate !== undefined) {
      decoded = this.decodeMarks(marksField, startDate, yearText);
    }
    if (
      this.errors > 0 ||
      this.captured.hasErrors ||
      year === undefined ||
      totals.sessionsPossible === undefined ||
      totals.sessionsAuthorised === undefined ||
      totals.sessionsUnauthorised === undefined ||
      (marksField !== undefined && decoded === undefined)
    ) {
      return { year: undefined, issues: this.issues };
    }
    const fileTotals: CtfTotals = {
      sessionsPossible: totals.sessionsPossible,
      sessionsAuthorised: totals.sessionsAuthorised,
      ...(totals.sessionsAttended === undefined ? {} : { sessionsAttended: totals.sessionsAttended }),
      sessionsUnauthorised: totals.sessionsUnauthorised,
    };
    this.checkTotals(fileTotals, yearText);
    const text = (name: string): string | undefined => {
      const value = this.captured.fields.get(name)?.text.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    const lea = text('LEA');
    const estab = text('Estab');
    const schoolName = text('SchoolName');
    let extra: Partial<CtfYearData> = {};
    if (decoded !== undefined && marksField !== undefined && startDate !== undefined) {
      const decodedCounts = this.count(decoded.marks);
      extra = {
        attendanceStartDate: startDate,
        attendanceMarks: marksField.text,
        dayModel: decoded.model,
        decodedCounts,
        reconciliation: this.reconcile(fileTotals, decodedCounts, yearText),
      };
    } else if (startDate !== undefined) {
      extra = { attendanceStartDate: startDate };
    }
    return {
      year: {
        year,
        ...(lea === undefined ? {} : { lea }),
        ...(estab === undefined ? {} : { estab }),
        ...(schoolName === undefined ? {} : { schoolName }),
        totals: fileTotals,
        ...extra,
        marks: decoded?.marks ?? [],
        path: this.captured.steps.join('/'),
        line: this.captured.line,
      },
      issues: this.issues,
    };
  }

  private marksIssue(
    code: 'invalid_value' | 'outside_calendar',
    message: string,
    field: CapturedField,
    expected: string,
    received: string
  ): void {
    this.report(
      ctfIssue(code, 'error', message, {
        steps: this.fieldSteps('AttendanceMarks'),
        line: field.line,
        pupilId: this.upn,
        field: 'AttendanceMarks',
        expected,
        received,
      })
    );
  }

  private chooseModel(text: string, startDate: IsoDate): CtfDayModel {
    const { layout, readSlot } = this.context;
    if (layout.dayModel !== 'auto') return layout.dayModel;
    const width = layout.codeWidth;
    const pairLength = 2 * width;
    const dayCount = text.length / pairLength;
    // Day d of the calendar-day model falls on a Saturday or Sunday when its ISO weekday (1 = Monday) is 6 or 7.
    const startWeekday = weekdayOf(startDate);
    let weekendDays = 0;
    for (let day = 0; day < dayCount; day += 1) {
      if ((startWeekday - 1 + day) % 7 < 5) continue;
      weekendDays += 1;
      const offset = day * pairLength;
      const morning = readSlot(text.slice(offset, offset + width));
      const afternoon = readSlot(text.slice(offset + width, offset + pairLength));
      if (morning.kind === 'mark' || afternoon.kind === 'mark') {
        this.context.autoTally.schoolDays += 1;
        return 'schoolDays';
      }
    }
    if (weekendDays === 0) {
      this.context.autoTally.undecided += 1;
      return 'calendarDays';
    }
    this.context.autoTally.calendarDays += 1;
    return 'calendarDays';
  }

  private decodeMarks(
    field: CapturedField,
    startDate: IsoDate,
    yearText: string
  ): { marks: ImportedMark[]; model: CtfDayModel } | undefined {
    const { layout, readSlot } = this.context;
    const text = field.text;
    const width = layout.codeWidth;
    const pairLength = 2 * width;
    const subject = `AttendanceMarks of ${this.who}, ${yearText},`;
    if (text.length % pairLength !== 0) {
      this.marksIssue(
        'invalid_value',
        `${subject} has ${text.length} characters, not a multiple of ${pairLength} (two sessions a day, ${width} character${width === 1 ? '' : 's'} each), so its marks cannot be placed on dates`,
        field,
        `a multiple of ${pairLength} characters`,
        `${text.length} characters`
      );
      return undefined;
    }
    const dayCount = text.length / pairLength;
    if (dayCount > MAX_DAYS_PER_RECORD) {
      this.marksIssue(
        'invalid_value',
        `${subject} covers ${dayCount} days, more than one school year`,
        field,
        `at most ${MAX_DAYS_PER_RECORD} days of marks`,
        `${dayCount} days`
      );
      return undefined;
    }
    const model = this.chooseModel(text, startDate);
    if (model === 'schoolDays' && layout.calendar === undefined) {
      this.marksIssue(
        'invalid_value',
        `${subject} ${layout.dayModel === 'auto' ? 'looks laid out by school days (a weekend day holds a mark), which' : 'is read by school days, which'} needs the school calendar: pass the calendar option`,
        field,
        'a school calendar for the schoolDays model',
        'no calendar'
      );
      return undefined;
    }
    const placed = layOutDays(startDate, dayCount, model, layout.calendar);
    if (!placed.ok) {
      this.marksIssue(
        'outside_calendar',
        placed.reason === 'start-outside-calendar'
          ? `${subject} starts on ${startDate}, outside the school calendar, so its school days cannot be counted`
          : `${subject} has ${dayCount} days of marks but the school calendar has only ${placed.daysAvailable} school days from ${startDate}`,
        field,
        placed.reason === 'start-outside-calendar'
          ? 'a start date inside the school calendar'
          : `at most ${placed.daysAvailable} days of marks`,
        placed.reason === 'start-outside-calendar' ? startDate : `${dayCount} days`
      );
      return undefined;
    }
    if (placed.startMoved) {
      this.report(
        ctfIssue(
          'invalid_date',
          'warning',
          `AttendanceStartDate of ${this.who}, ${yearText}, is ${startDate}, not a school day; the marks were placed from the next school day, ${placed.dates[0] ?? startDate}`,
          {
            steps: this.fieldSteps('AttendanceStartDate'),
            line: this.captured.fields.get('AttendanceStartDate')?.line ?? field.line,
            pupilId: this.upn,
            date: startDate,
            field: 'AttendanceStartDate',
            expected: 'a school day',
            received: startDate,
          }
        )
      );
    }
    const { dates, compiled, calendarDays } = placed;
    const steps = this.fieldSteps('AttendanceMarks');
    const marks: ImportedMark[] = [];
    let outsideCalendar = 0;
    let firstOutside: IsoDate | undefined;
    for (let day = 0; day < dayCount; day += 1) {
      const date = dates[day]!;
      const in2024Set = date >= CODE_SET_2024_START;
      const calendarDay = calendarDays === undefined ? -1 : calendarDays[day]!;
      for (let half = 0; half < 2; half += 1) {
        const offset = day * pairLength + half * width;
        const raw = width === 1 ? text.charAt(offset) : text.slice(offset, offset + 2);
        const reading = readSlot(raw);
        const session = SESSIONS[half]!;
        if (reading.kind === 'unknown') {
          this.report(
            ctfIssue(
              'unknown_code',
              'error',
              `Unknown character${width === 1 ? '' : 's'} ${excerpt(raw)} at position ${offset + 1} of ${subject} which falls on ${date} ${session}: not a register code, "${layout.notInSession}" (not in session) or "${layout.noMark}" (no mark)`,
              {
                steps,
                line: field.line,
                offset,
                pupilId: this.upn,
                date,
                session,
                field: 'AttendanceMarks',
                expected: `a register code${width === 2 ? ' padded to two characters' : ''}, "${layout.notInSession}" or "${layout.noMark}"`,
                received: raw,
              }
            )
          );
          continue;
        }
        const open =
          compiled !== undefined && calendarDay >= 0
            ? ((compiled.openSessions[calendarDay] ?? 0) & SESSION_BITS[half]!) !== 0
            : undefined;
        if (reading.kind === 'not-in-session') {
          if (open === true) this.closureNotInCalendar(date, session, field, offset, yearText);
          continue;
        }
        if (compiled !== undefined && calendarDay < 0) {
          outsideCalendar += 1;
          firstOutside ??= date;
        }
        const possible = in2024Set ? reading.possible2024 : reading.possiblePre2024;
        if (open === false && possible) this.markOnClosedSession(date, session, raw, field, offset, yearText);
        if (reading.mayBeSubCode && in2024Set && !this.subCodesWarned.has(reading.code)) {
          this.subCodesWarned.add(reading.code);
          this.ambiguousCode(reading.code, date, session, field, offset);
        }
        marks.push(
          reading.rawCode === undefined
            ? { pupilId: this.upn, date, session, code: reading.code, line: field.line }
            : {
                pupilId: this.upn,
                date,
                session,
                code: reading.code,
                rawCode: reading.rawCode,
                line: field.line,
              }
        );
      }
    }
    if (outsideCalendar > 0 && firstOutside !== undefined) {
      this.report(
        ctfIssue(
          'outside_calendar',
          'warning',
          `${outsideCalendar} mark${outsideCalendar === 1 ? '' : 's'} of ${subject} from ${firstOutside}, fall${outsideCalendar === 1 ? 's' : ''} outside the school calendar and could not be checked against it`,
          {
            steps,
            line: field.line,
            pupilId: this.upn,
            date: firstOutside,
            field: 'AttendanceMarks',
            expected: 'dates inside the school calendar',
            received: `${outsideCalendar} marks outside it`,
          }
        )
      );
    }
    return { marks, model };
  }

  private closureNotInCalendar(
    date: IsoDate,
    session: Session,
    field: CapturedField,
    offset: number,
    yearText: string
  ): void {
    this.report(
      ctfIssue(
        'closure_not_in_calendar',
        'warning',
        `AttendanceMarks of ${this.who}, ${yearText}, has ${date} ${session} as not in session, but the school calendar has that session open`,
        {
          steps: this.fieldSteps('AttendanceMarks'),
          line: field.line,
          offset,
          pupilId: this.upn,
          date,
          session,
          field: 'AttendanceMarks',
          expected: 'a mark for a session the calendar has open',
          received: this.context.layout.notInSession,
        }
      )
    );
  }

  private markOnClosedSession(
    date: IsoDate,
    session: Session,
    raw: string,
    field: CapturedField,
    offset: number,
    yearText: string
  ): void {
    this.report(
      ctfIssue(
        'mark_on_closed_session',
        'warning',
        `AttendanceMarks of ${this.who}, ${yearText}, has "${raw.trim()}" on ${date} ${session}, a session the school calendar has closed`,
        {
          steps: this.fieldSteps('AttendanceMarks'),
          line: field.line,
          offset,
          pupilId: this.upn,
          date,
          session,
          field: 'AttendanceMarks',
          expected: `"${this.context.layout.notInSession}" for a closed session`,
          received: raw.trim(),
        }
      )
    );
  }

  private ambiguousCode(
    code: string,
    date: IsoDate,
    session: Session,
    field: CapturedField,
    offset: number
  ): void {
    const classification = classifyCode(code, { date });
    const counted =
      classification.outcome === 'classified'
        ? `counted by the ${classification.codeSet} table as ${classification.definition.category}`
        : 'not counted';
    this.report(
      ctfIssue(
        'ambiguous_code',
        'warning',
        `Pupil ${shortText(this.upn)} has "${code}" from ${date} ${session} on: since 19 August 2024 it may stand for ${SUB_CODES[code] ?? code}, and a one-character mark string cannot say which, so the sub-code is unknown; "${code}" is ${counted}`,
        {
          steps: this.fieldSteps('AttendanceMarks'),
          line: field.line,
          offset,
          pupilId: this.upn,
          date,
          session,
          field: 'AttendanceMarks',
          expected: `a 2024 code (${SUB_CODES[code] ?? code})`,
          received: code,
        }
      )
    );
  }

  private count(marks: readonly ImportedMark[]): CtfDecodedCounts {
    try {
      const counts = countSessions(marks);
      const steps = this.fieldSteps('AttendanceMarks');
      const line = this.captured.fields.get('AttendanceMarks')?.line ?? this.captured.line;
      // The counting names the pupil by its whole UPN: one far too long for a UPN is quoted short here.
      const quoted = shortText(this.upn);
      for (const warning of counts.warnings) {
        const message = quoted === this.upn ? warning.message : warning.message.split(this.upn).join(quoted);
        this.report({ ...warning, message, path: steps, line });
      }
      return {
        possible: counts.possible,
        attended: counts.attended,
        authorised: counts.authorised,
        unauthorised: counts.unauthorised,
        unmarked: counts.unmarked,
      };
    } catch (error) {
      // Every code was checked while decoding and each session appears once, so counting cannot fail; if it
      // ever did, its issues are reported rather than lost.
      if (!(error instanceof AttendanceError)) throw error;
      for (const issue of error.issues) this.report(issue);
      return { possible: 0, attended: 0, authorised: 0, unauthorised: 0, unmarked: 0 };
    }
  }

  private checkTotals(totals: CtfTotals, yearText: string): void {
    const { sessionsPossible, sessionsAuthorised, sessionsAttended, sessionsUnauthorised } = totals;
    const accounted = (sessionsAttended ?? 0) + sessionsAuthorised + sessionsUnauthorised;
    const consistent =
      sessionsAttended === undefined ? accounted <= sessionsPossible : accounted === sessionsPossible;
    if (consistent) return;
    this.report(
      ctfIssue(
        'invalid_counts',
        'warning',
        sessionsAttended === undefined
          ? `The totals of ${this.who}, ${yearText}, do not add up: ${sessionsAuthorised} authorised + ${sessionsUnauthorised} unauthorised sessions exceed ${sessionsPossible} possible`
          : `The totals of ${this.who}, ${yearText}, do not add up: ${sessionsAttended} attended + ${sessionsAuthorised} authorised + ${sessionsUnauthorised} unauthorised = ${accounted}, not the ${sessionsPossible} possible`,
        {
          steps: [...this.captured.steps, 'SessionsPossible'],
          line: this.captured.fields.get('SessionsPossible')?.line ?? this.captured.line,
          pupilId: this.upn,
          field: 'SessionsPossible',
          expected:
            sessionsAttended === undefined
              ? 'authorised + unauthorised at most possible'
              : 'attended + authorised + unauthorised = possible',
          received: `${accounted} of ${sessionsPossible}`,
        }
      )
    );
  }

  private reconcile(totals: CtfTotals, counts: CtfDecodedCounts, yearText: string): CtfReconciliation {
    const line = (name: string, file: number, decoded: number): CtfReconciliationLine => {
      const difference = decoded - file;
      if (difference !== 0) {
        this.report(
          ctfIssue(
            'totals_mismatch',
            'warning',
            `${name} of ${this.who}, ${yearText}, is ${file} in the file but the decoded marks give ${decoded} (${difference > 0 ? '+' : ''}${difference})`,
            {
              steps: [...this.captured.steps, name],
              line: this.captured.fields.get(name)?.line ?? this.captured.line,
              pupilId: this.upn,
              field: name,
              expected: String(file),
              received: String(decoded),
            }
          )
        );
      }
      return { file, decoded, difference };
    };
    const sessionsPossible = line('SessionsPossible', totals.sessionsPossible, counts.possible);
    const sessionsAuthorised = line('SessionsAuthorised', totals.sessionsAuthorised, counts.authorised);
    const sessionsAttended =
      totals.sessionsAttended === undefined
        ? undefined
        : line('SessionsAttended', totals.sessionsAttended, counts.attended);
    const sessionsUnauthorised = line(
      'SessionsUnauthorised',
      totals.sessionsUnauthorised,
      counts.unauthorised
    );
    const lines = [sessionsPossible, sessionsAuthorised, sessionsAttended, sessionsUnauthorised];
    return {
      sessionsPossible,
      sessionsAuthorised,
      ...(sessionsAttended === undefined ? {} : { sessionsAttended }),
      sessionsUnauthorised,
      matches: lines.every((entry) => entry === undefined || entry.difference === 0),
    };
  }
}

/**
 * Checks one `YearData` record and decodes its marks: the record (or `undefined` when an error rejects it) and
 * every issue found, errors and warnings.
 *
 * @param captured - The record as read from the XML.
 * @param upn - The pupil's UPN.
 * @param subCodesWarned - The sub-code letters already reported for this pupil (updated).
 * @param context - The layout, the slot reader and the `auto` tally.
 * @returns The record and its issues.
 * @example
 * decodeYearData(captured, 'A123', new Set(), context).year?.totals.sessionsPossible //=> 10
 */
export function decodeYearData(
  captured: CapturedYearData,
  upn: string,
  subCodesWarned: Set<string>,
  context: YearDecodeContext
): { readonly year: CtfYearData | undefined; readonly issues: readonly AttendanceIssue[] } {
  return new YearDecoder(captured, upn, subCodesWarned, context).decode();
}
