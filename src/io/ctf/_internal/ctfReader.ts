import { SaxesParser } from 'saxes';
import { isIsoDate } from '../../../calendar/isIsoDate.js';
import type { IsoDate } from '../../../calendar/types.js';
import type { AttendanceIssue } from '../../../errors.js';
import type { ImportedMark } from '../../types.js';
import type { CtfHeader, CtfImportReport, CtfOptions, CtfPupil, CtfSchool, CtfYearData } from '../types.js';
import { ctfIssue, xmlPath } from './ctfIssue.js';
import { decodeYearData } from './decodeYearData.js';
import type { AutoTally, CapturedField, CapturedYearData, YearDecodeContext } from './decodeYearData.js';
import { resolveLayout, resolveSource } from './resolveOptions.js';
import { createSlotReader } from './slotReading.js';

/** A CTF reader fed with text in pieces: the same code reads a whole string and a stream. */
export interface CtfReader {
  /** Feeds the next piece of the document's text. */
  write(text: string): void;
  /** Stops reading at a problem found outside the XML (e.g. undecodable bytes). */
  fail(issue: AttendanceIssue): void;
  /** Whether reading has stopped at a fatal problem; further text is ignored. */
  readonly halted: boolean;
  /** The 1-based line reached so far. */
  readonly line: number;
  /** Finishes reading and returns the report. */
  end(): CtfImportReport;
}

const ROOT = 'CTfile';
const PUPIL_CONTAINER = 'CTFpupilData';
const HEADER_FIELDS: ReadonlyMap<string, keyof CtfHeader> = new Map([
  ['DocumentName', 'documentName'],
  ['ctfversion', 'ctfVersion'],
  ['DateTime', 'dateTime'],
  ['DocumentQualifier', 'documentQualifier'],
  ['SupplierID', 'supplierId'],
]);
const SCHOOL_FIELDS: ReadonlyMap<string, keyof CtfSchool> = new Map([
  ['LEA', 'lea'],
  ['Estab', 'estab'],
  ['URN', 'urn'],
  ['SchoolName', 'schoolName'],
  ['AcademicYear', 'academicYear'],
]);
const PUPIL_FIELDS: ReadonlySet<string> = new Set(['UPN', 'Surname', 'Forename', 'DOB', 'Sex', 'Gender']);
const YEAR_FIELDS: ReadonlySet<string> = new Set([
  'Year',
  'LEA',
  'Estab',
  'SchoolName',
  'SessionsPossible',
  'SessionsAuthorised',
  'SessionsAttended',
  'SessionsUnauthorised',
]);
const ATTEND_SESSIONS_FIELDS: ReadonlySet<string> = new Set(['AttendanceStartDate', 'AttendanceMarks']);

/** The header element name as matched: the version element is spelt `CTFversion` and `CTFVersion`. */
function headerKey(name: string): string {
  return name.toLowerCase() === 'ctfversion' ? 'ctfversion' : name;
}

interface CapturedPupil {
  readonly steps: readonly string[];
  readonly line: number;
  readonly fields: Map<string, CapturedField>;
  readonly years: CapturedYearData[];
  hasErrors: boolean;
}

class Reader implements CtfReader {
  private readonly parser = new SaxesParser({ position: true });
  private readonly context: YearDecodeContext;
  private readonly autoTally: AutoTally = { calendarDays: 0, schoolDays: 0, undecided: 0 };
  private readonly names: string[] = [];
  private readonly steps: string[] = [];
  private readonly issues: AttendanceIssue[] = [];
  private readonly pupils: CtfPupil[] = [];
  private markCount = 0;
  private readonly headerValues = new Map<string, string>();
  private header: CtfHeader | undefined;
  private pupil: CapturedPupil | undefined;
  private year: CapturedYearData | undefined;
  private pupilCount = 0;
  private yearCount = 0;
  private captureDepth = -1;
  private captureLine = 0;
  private text = '';
  private rowsRead = 0;
  private rowsUsed = 0;
  private rowsRejected = 0;
  private stopped = false;
  private readonly source: string | undefined;

  constructor(options: CtfOptions) {
    const layout = resolveLayout(options, true);
    this.source = resolveSource(options.source);
    this.context = { layout, readSlot: createSlotReader(layout), autoTally: this.autoTally };
    this.parser.on('opentag', (tag) => {
      this.open(tag);
    });
    this.parser.on('closetag', () => {
      this.close();
    });
    this.parser.on('text', (text) => {
      this.addText(text);
    });
    this.parser.on('cdata', (text) => {
      this.addText(text);
    });
    this.parser.on('error', (error) => {
      this.xmlError(error);
    });
  }

  get halted(): boolean {
    return this.stopped;
  }

  get line(): number {
    return this.parser.line;
  }

  write(text: string): void {
    if (this.stopped) return;
    this.parser.write(text);
  }

  fail(issue: AttendanceIssue): void {
    if (this.stopped) return;
    this.issues.push(issue);
    this.stopped = true;
  }

  private open(tag: { readonly name: string }): void {
    if (this.stopped) return;
    const depth = this.names.length;
    const name = tag.name;
    const parent = this.names[depth - 1];
    const line = this.parser.line;
    let step = name;
    if (depth === 0 && name !== ROOT) {
      this.names.push(name);
      this.steps.push(name);
      this.fatal(
        ctfIssue(
          'malformed_input',
          'error',
          `The root element is <${name}>, not <${ROOT}>: this is not a Common Transfer File`,
          { steps: [name], line, field: name, expected: `a <${ROOT}> root element`, received: `<${name}>` }
        )
      );
      return;
    }
    if (depth === 1 && name === PUPIL_CONTAINER) this.pupilCount = 0;
    if (depth === 2 && parent === PUPIL_CONTAINER && name === 'Pupil') {
      this.pupilCount += 1;
      this.yearCount = 0;
      step = `Pupil[${this.pupilCount}]`;
      this.pupil = { steps: [...this.steps, step], line, fields: new Map(), years: [], hasErrors: false };
    } else if (depth === 4 && this.pupil !== undefined && parent === 'Attendance' && name === 'YearData') {
      this.yearCount += 1;
      step = `YearData[${this.yearCount}]`;
      this.year = { steps: [...this.steps, step], line, fields: new Map(), hasErrors: false };
    }
    this.names.push(name);
    this.steps.push(step);
    if (this.isWantedLeaf(depth, name)) {
      this.captureDepth = depth;
      this.captureLine = line;
      this.text = '';
    }
  }

  private isWantedLeaf(depth: number, name: string): boolean {
    const names = this.names;
    if (names[1] === 'Header') {
      if (depth === 2) return HEADER_FIELDS.has(headerKey(name));
      return (
        depth === 3 && (names[2] === 'SourceSchool' || names[2] === 'DestSchool') && SCHOOL_FIELDS.has(name)
      );
    }
    if (this.pupil === undefined) return false;
    if (depth === 3) return PUPIL_FIELDS.has(name);
    if (depth === 4) return names[3] === 'BasicDetails' && (name === 'Sex' || name === 'Gender');
    if (this.year === undefined) return false;
    if (depth === 5) return YEAR_FIELDS.has(name);
    return depth === 6 && names[5] === 'AttendSessions' && ATTEND_SESSIONS_FIELDS.has(name);
  }

  private addText(text: string): void {
    if (this.stopped || this.captureDepth !== this.names.length - 1) return;
    this.text += text;
  }

  private close(): void {
    if (this.stopped) return;
    const depth = this.names.length - 1;
    const name = this.names[depth] ?? '';
    if (this.captureDepth === depth) {
      this.captureDepth = -1;
      this.deliver(depth, name, { text: this.text, line: this.captureLine });
      this.text = '';
    }
    if (depth === 4 && this.year !== undefined && name === 'YearData') {
      this.rowsRead += 1;
      this.pupil?.years.push(this.year);
      this.year = undefined;
    } else if (depth === 2 && this.pupil !== undefined && name === 'Pupil') {
      this.finishPupil(this.pupil);
      this.pupil = undefined;
    } else if (depth === 1 && name === 'Header') {
      this.finishHeader();
    }
    this.names.pop();
    this.steps.pop();
  }

  private deliver(depth: number, name: string, field: CapturedField): void {
    if (this.names[1] === 'Header') {
      const key = depth === 2 ? headerKey(name) : `${this.names[2] ?? ''}/${name}`;
      if (!this.headerValues.has(key)) this.headerValues.set(key, field.text.trim());
      return;
    }
    const target = depth >= 5 ? this.year : this.pupil;
    if (target === undefined) return;
    const key = name === 'Gender' ? 'Sex' : name;
    if (target.fields.has(key)) {
      target.hasErrors = true;
      this.issues.push(
        ctfIssue('invalid_value', 'error', `<${name}> appears more than once`, {
          steps: [...this.steps],
          line: field.line,
          pupilId: this.pupil?.fields.get('UPN')?.text.trim(),
          field: name,
          expected: `one <${name}>`,
          received: field.text,
        })
      );
      return;
    }
    target.fields.set(key, field);
  }

  private finishHeader(): void {
    const value = (key: string): string | undefined => {
      const text = this.headerValues.get(key);
      return text === undefined || text === '' ? undefined : text;
    };
    const school = (element: string): CtfSchool | undefined => {
      const entries = [...SCHOOL_FIELDS].flatMap(([name, key]) => {
        const text = value(`${element}/${name}`);
        return text === undefined ? [] : [[key, text] as const];
      });
      return entries.length === 0 ? undefined : Object.fromEntries(entries);
    };
    const entries = [...HEADER_FIELDS].flatMap(([name, key]) => {
      const text = value(name);
      return text === undefined ? [] : [[key, text] as const];
    });
    const sourceSchool = school('SourceSchool');
    const destSchool = school('DestSchool');
    this.header = {
      ...(Object.fromEntries(entries) as CtfHeader),
      ...(sourceSchool === undefined ? {} : { sourceSchool }),
      ...(destSchool === undefined ? {} : { destSchool }),
    };
  }

  private finishPupil(captured: CapturedPupil): void {
    const text = (name: string): string | undefined => {
      const value = captured.fields.get(name)?.text.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    const upn = text('UPN') ?? '';
    const path = xmlPath(captured.steps);
    if (upn === '') {
      this.issues.push(
        ctfIssue(
          'invalid_value',
          'error',
          `The pupil has no UPN, so its ${captured.years.length} YearData record${captured.years.length === 1 ? ' was' : 's were'} not used`,
          {
            steps: [...captured.steps, 'UPN'],
            line: captured.fields.get('UPN')?.line ?? captured.line,
            field: 'UPN',
            expected: 'the pupil’s UPN',
            received: 'nothing',
          }
        )
      );
      this.rowsRejected += captured.years.length;
    }
    const dobText = text('DOB');
    let dob: IsoDate | undefined;
    if (dobText !== undefined && isIsoDate(dobText)) dob = dobText;
    else if (dobText !== undefined) {
      this.issues.push(
        ctfIssue(
          'invalid_date',
          'error',
          `DOB of pupil ${upn} is not a real date in YYYY-MM-DD form ("${dobText}")`,
          {
            steps: [...captured.steps, 'DOB'],
            line: captured.fields.get('DOB')?.line ?? captured.line,
            pupilId: upn,
            field: 'DOB',
            expected: 'a date as YYYY-MM-DD',
            received: dobText,
          }
        )
      );
    }
    const years: CtfYearData[] = [];
    if (upn !== '') {
      const subCodesWarned = new Set<string>();
      for (const capturedYear of captured.years) {
        const result = decodeYearData(capturedYear, upn, subCodesWarned, this.context);
        this.issues.push(...result.issues);
        if (result.year === undefined) {
          this.rowsRejected += 1;
          continue;
        }
        this.rowsUsed += 1;
        years.push(result.year);
        this.markCount += result.year.marks.length;
      }
    }
    const surname = text('Surname');
    const forename = text('Forename');
    const sex = text('Sex');
    this.pupils.push({
      upn,
      ...(surname === undefined ? {} : { surname }),
      ...(forename === undefined ? {} : { forename }),
      ...(dob === undefined ? {} : { dob }),
      ...(sex === undefined ? {} : { sex }),
      years,
      path,
      line: captured.line,
    });
  }

  private xmlError(error: Error): void {
    if (this.stopped) return;
    const reason = error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    const line = this.parser.line;
    const column = this.parser.column + 1;
    const truncated = /^unclosed tag|^unexpected end|^document must contain a root element/.test(reason);
    this.fatal(
      ctfIssue(
        'malformed_input',
        'error',
        truncated
          ? `The XML ends before the document is complete: ${reason}, at column ${column}`
          : `The XML is malformed: ${reason}, at column ${column}`,
        {
          steps: [...this.steps],
          line,
          expected: 'well-formed XML',
          received: truncated ? 'the end of the file' : reason,
        }
      )
    );
  }

  private fatal(issue: AttendanceIssue): void {
    this.issues.push(issue);
    this.stopped = true;
  }

  end(): CtfImportReport {
    if (!this.stopped) this.parser.close();
    if (this.stopped && this.pupil !== undefined) this.abandonPupil(this.pupil);
    if (this.header === undefined && !this.stopped) {
      this.issues.push(
        ctfIssue('invalid_value', 'warning', 'The file has no <Header>', {
          steps: [ROOT, 'Header'],
          line: 1,
          field: 'Header',
          expected: 'a <Header> naming the document, its version and the schools',
          received: 'nothing',
        })
      );
    }
    this.noteAutoChoices();
    const source = this.source;
    // Gathered once at the end into an array of the right size: growing one array mark by mark copied it
    // over and over for a large file.
    const marks = new Array<ImportedMark>(this.markCount);
    let index = 0;
    for (const pupil of this.pupils) {
      for (const year of pupil.years) for (const mark of year.marks) marks[index++] = mark;
    }
    return {
      header: this.header ?? {},
      pupils: this.pupils,
      marks,
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsUsed,
      rowsRejected: this.rowsRejected,
      issues: source === undefined ? this.issues : this.issues.map((issue) => ({ ...issue, source })),
    };
  }

  private abandonPupil(captured: CapturedPupil): void {
    const upn = captured.fields.get('UPN')?.text.trim();
    const count = captured.years.length;
    // A record the break cuts off was started, so it counts as read, and as rejected with the pupil:
    // otherwise rowsRead would leave out the very record the file breaks in.
    const unfinished = this.year === undefined ? 0 : 1;
    this.year = undefined;
    this.rowsRead += unfinished;
    this.rowsRejected += count + unfinished;
    const records = [
      ...(count > 0 ? [`its ${count} complete YearData record${count === 1 ? '' : 's'}`] : []),
      ...(unfinished > 0 ? ['the YearData record it breaks off in'] : []),
    ];
    this.issues.push(
      ctfIssue(
        'malformed_input',
        'error',
        `Pupil ${upn ?? xmlPath(captured.steps)} is cut off by the break in the XML and was not used${records.length > 0 ? `, nor ${records.join(', nor ')}` : ''}`,
        {
          steps: [...captured.steps],
          line: captured.line,
          ...(upn === undefined || upn === '' ? {} : { pupilId: upn }),
          expected: 'a complete <Pupil> element',
          received: 'a pupil cut off by the end of the XML',
        }
      )
    );
  }

  private noteAutoChoices(): void {
    const { calendarDays, schoolDays, undecided } = this.autoTally;
    if (calendarDays + schoolDays + undecided === 0) return;
    const parts = [
      `${calendarDays} by calendar days (no weekend pair holds a mark)`,
      `${schoolDays} by school days (a weekend pair holds a mark)`,
      `${undecided} by calendar days for want of evidence (the string reaches no weekend)`,
    ];
    this.issues.push({
      code: 'inferred_format',
      severity: 'warning',
      message: `dayModel "auto" read the mark strings of ${calendarDays + schoolDays + undecided} YearData record${calendarDays + schoolDays + undecided === 1 ? '' : 's'}: ${parts.join('; ')}. Each record's dayModel says which.`,
      path: [],
      field: 'dayModel',
      expected: 'a day model',
      received: `calendarDays ${calendarDays + undecided}, schoolDays ${schoolDays}`,
    });
  }
}

/**
 * Makes a CTF reader: a SAX handler that keeps one pupil in memory at a time.
 *
 * @param options - The importer options.
 * @returns The reader.
 * @throws {@link AttendanceError} If an option is invalid.
 * @example
 * const reader = createCtfReader({});
 * reader.write(xml);
 * reader.end().pupils.length //=> 1
 */
export function createCtfReader(options: CtfOptions): CtfReader {
  return new Reader(options);
}
