import type { IsoDate } from '../../calendar/types.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { countSessions } from '../../sessions/countSessions.js';
import { toCtfAttendanceMarks } from './toCtfAttendanceMarks.js';
import type {
  CtfDocumentInput,
  CtfHeader,
  CtfSchool,
  CtfTotals,
  CtfYearDataInput,
  ToCtfXmlOptions,
} from './types.js';

// Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks, U+FFFE, U+FFFF
// and unpaired surrogates): text with one cannot be written, so it is reported, never dropped.
// In a `u` pattern a surrogate range matches only unpaired surrogates: a pair is one code point.
const NOT_XML_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

const SCHOOL_ELEMENTS: readonly (readonly [keyof CtfSchool, string])[] = [
  ['lea', 'LEA'],
  ['estab', 'Estab'],
  ['urn', 'URN'],
  ['schoolName', 'SchoolName'],
  ['academicYear', 'AcademicYear'],
];

/** Writes elements line by line, checking every text. */
class XmlWriter {
  readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  readonly issues: AttendanceIssue[] = [];
  private depth = 0;

  open(name: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}>`);
    this.depth += 1;
  }

  close(name: string): void {
    this.depth -= 1;
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`);
  }

  element(name: string, value: string | number | undefined, path: readonly (string | number)[]): void {
    if (value === undefined) return;
    const text = String(value);
    if (NOT_XML_TEXT.test(text)) {
      this.issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `<${name}> at ${path.join('.')} holds a character XML cannot carry.`,
        path,
        field: name,
        expected: 'text without control characters',
        received: JSON.stringify(text),
      });
      return;
    }
    this.lines.push(`${'  '.repeat(this.depth)}<${name}>${escapeText(text)}</${name}>`);
  }

  count(name: string, value: number | undefined, path: readonly (string | number)[]): void {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      this.issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `<${name}> at ${path.join('.')} is ${value}, not a whole number of sessions.`,
        path,
        field: name,
        expected: 'a whole number, 0 or more',
        received: String(value),
      });
      return;
    }
    this.element(name, value, path);
  }
}

function writeHeader(writer: XmlWriter, header: CtfHeader): void {
  writer.open('Header');
  writer.element('DocumentName', header.documentName ?? 'Common Transfer File', ['header', 'documentName']);
  writer.element('CTFversion', header.ctfVersion, ['header', 'ctfVersion']);
  writer.element('DateTime', header.dateTime, ['header', 'dateTime']);
  writer.element('DocumentQualifier', header.documentQualifier, ['header', 'documentQualifier']);
  writer.element('SupplierID', header.supplierId, ['header', 'supplierId']);
  for (const [key, name] of [
    ['sourceSchool', 'SourceSchool'],
    ['destSchool', 'DestSchool'],
  ] as const) {
    const school = header[key];
    if (school === undefined) continue;
    writer.open(name);
    for (const [field, element] of SCHOOL_ELEMENTS)
      writer.element(element, school[field], ['header', key, field]);
    writer.close(name);
  }
  writer.close('Header');
}

function firstAndLastDates(year: CtfYearDataInput): readonly [IsoDate, IsoDate] | undefined {
  const marks = year.marks ?? [];
  if (marks.length === 0) return undefined;
  let first = marks[0]!.date;
  let last = first;
  for (const mark of marks) {
    if (mark.date < first) first = mark.date;
    if (mark.date > last) last = mark.date;
  }
  return [year.attendanceStartDate ?? first, year.attendanceEndDate ?? last];
}

function totalsOf(
  year: CtfYearDataInput,
  path: readonly (string | number)[],
  writer: XmlWriter
): CtfTotals | undefined {
  if (year.totals !== undefined) return year.totals;
  const marks = year.marks;
  if (marks === undefined) {
    writer.issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The YearData at ${path.join('.')} has neither totals nor marks to count them from.`,
      path: [...path, 'totals'],
      field: 'totals',
      expected: 'totals, or marks',
      received: 'neither',
    });
    return undefined;
  }
  try {
    const counts = countSessions(marks);
    return {
      sessionsPossible: counts.possible,
      sessionsAuthorised: counts.authorised,
      sessionsAttended: counts.attended,
      sessionsUnauthorised: counts.unauthorised,
    };
  } catch (error) {
    if (!(error instanceof AttendanceError)) throw error;
    for (const issue of error.issues)
      writer.issues.push({ ...issue, path: [...path, 'marks', ...issue.path] });
    return undefined;
  }
}

function markStringOf(
  year: CtfYearDataInput,
  path: readonly (string | number)[],
  writer: XmlWriter,
  options: ToCtfXmlOptions
): readonly [IsoDate, string] | undefined {
  if (year.attendanceMarks !== undefined) {
    if (year.attendanceStartDate !== undefined) return [year.attendanceStartDate, year.attendanceMarks];
    writer.issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The YearData at ${path.join('.')} has a mark string but no attendanceStartDate.`,
      path: [...path, 'attendanceStartDate'],
      field: 'attendanceStartDate',
      expected: 'the date of the first pair of marks',
      received: 'nothing',
    });
    return undefined;
  }
  const period = firstAndLastDates(year);
  if (period === undefined) return undefined;
  try {
    const text = toCtfAttendanceMarks(year.marks ?? [], {
      ...options,
      startDate: period[0],
      endDate: period[1],
    });
    return [period[0], text];
  } catch (error) {
    if (!(error instanceof AttendanceError)) throw error;
    for (const issue of error.issues)
      writer.issues.push({ ...issue, path: [...path, 'marks', ...issue.path] });
    return undefined;
  }
}

function writeYear(
  writer: XmlWriter,
  year: CtfYearDataInput,
  path: readonly (string | number)[],
  options: ToCtfXmlOptions
): void {
  const totals = totalsOf(year, path, writer);
  const marks = markStringOf(year, path, writer, options);
  if (!Number.isInteger(year.year) || year.year < 1000 || year.year > 9999) {
    writer.issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The YearData at ${path.join('.')} has the year ${year.year}, not a four-digit year.`,
      path: [...path, 'year'],
      field: 'year',
      expected: 'a four-digit year',
      received: String(year.year),
    });
  }
  writer.open('YearData');
  writer.element('Year', year.year, [...path, 'year']);
  writer.element('LEA', year.lea, [...path, 'lea']);
  writer.element('Estab', year.estab, [...path, 'estab']);
  writer.element('SchoolName', year.schoolName, [...path, 'schoolName']);
  writer.count('SessionsPossible', totals?.sessionsPossible, [...path, 'totals', 'sessionsPossible']);
  writer.count('SessionsAuthorised', totals?.sessionsAuthorised, [...path, 'totals', 'sessionsAuthorised']);
  writer.count('SessionsAttended', totals?.sessionsAttended, [...path, 'totals', 'sessionsAttended']);
  writer.count('SessionsUnauthorised', totals?.sessionsUnauthorised, [
    ...path,
    'totals',
    'sessionsUnauthorised',
  ]);
  if (marks !== undefined) {
    writer.open('AttendSessions');
    writer.element('AttendanceStartDate', marks[0], [...path, 'attendanceStartDate']);
    writer.element('AttendanceMarks', marks[1], [...path, 'attendanceMarks']);
    writer.close('AttendSessions');
  }
  writer.close('YearData');
}

/**
 * Writes a Common Transfer File: the `CTfile` envelope with its `Header`, and for each pupil the
 * identifying elements and an `Attendance` block of `YearData` records (totals and, where there are marks,
 * `AttendSessions` with `AttendanceStartDate` and `AttendanceMarks`).
 *
 * @remarks
 * Text is escaped, so names with `&` or `<` are safe. A record's ready `attendanceMarks` string is written as
 * it is; otherwise its `marks` are encoded with {@link toCtfAttendanceMarks} and `options`, from
 * `attendanceStartDate` (or the first mark) to `attendanceEndDate` (or the last mark). Totals left out are
 * counted from the marks with {@link "school-attendance"!countSessions | countSessions}. A file read with {@link readCtf} or {@link parseCtf} can be
 * passed back as it is, and reads back the same. Only the elements this library reads are written; a
 * complete statutory transfer file carries more pupil data than this.
 *
 * @param document - The header and the pupils.
 * @param options - How to encode records given as marks: day model, calendar, filler characters, code width.
 * @returns The XML document, UTF-8, with a declaration.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing everything that cannot be written: a record with neither totals nor
 *   marks, marks that cannot be encoded, negative or fractional totals, text XML cannot carry; or if an option
 *   is invalid.
 * @example
 * const xml = toCtfXml({
 *   header: { ctfVersion: '25.0', dateTime: '2025-09-09T10:15:00', documentQualifier: 'partial' },
 *   pupils: [{ upn: 'A123456789012', surname: 'O’Brien & Sons', years: [{ year: 2025, marks }] }],
 * });
 * parseCtf(xml).pupils[0]?.years[0]?.marks.length === marks.length //=> true
 * @category CTF
 */
export function toCtfXml(document: CtfDocumentInput, options: ToCtfXmlOptions = {}): string {
  const writer = new XmlWriter();
  writer.open('CTfile');
  writeHeader(writer, document.header);
  writer.open('CTFpupilData');
  document.pupils.forEach((pupil, pupilIndex) => {
    const path = ['pupils', pupilIndex];
    writer.open('Pupil');
    writer.element('UPN', pupil.upn, [...path, 'upn']);
    writer.element('Surname', pupil.surname, [...path, 'surname']);
    writer.element('Forename', pupil.forename, [...path, 'forename']);
    writer.element('DOB', pupil.dob, [...path, 'dob']);
    writer.element('Sex', pupil.sex, [...path, 'sex']);
    if (pupil.years.length > 0) {
      writer.open('Attendance');
      pupil.years.forEach((year, yearIndex) => {
        writeYear(writer, year, [...path, 'years', yearIndex], options);
      });
      writer.close('Attendance');
    }
    writer.close('Pupil');
  });
  writer.close('CTFpupilData');
  writer.close('CTfile');
  const [first, ...rest] = writer.issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return `${writer.lines.join('\n')}\n`;
}
