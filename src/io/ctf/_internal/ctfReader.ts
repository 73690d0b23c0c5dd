import { SaxesParser } from 'saxes';
import { isIsoDate } from '../../../calendar/isIsoDate.js';
import type { IsoDate } from '../../../calendar/types.js';
import type { AttendanceIssue } from '../../../errors.js';
import { excerpt } from '../../../_internal/excerpt.js';
import type { ImportedMark } from '../../types.js';
import type { CtfHeader, CtfImportReport, CtfOptions, CtfPupil, CtfSchool, CtfYearData } from '../types.js';
import { ctfIssue, pathForMessage, shortText, xmlPath } from './ctfIssue.js';
import { decodeYearData } from './decodeYearData.js';
import type { AutoTally, CapturedField, CapturedYearData, YearDecodeContext } from './decodeYearData.js';
import { readOptions, resolveLayout, resolveLimits, resolveSource } from './resolveOptions.js';
import type { ResolvedLimits } from './resolveOptions.js';
import { createSlotReader } from './slotReading.js';
import type { XmlInputProblem, XmlTextSink } from './xmlTextDecoder.js';

/** The most characters of an element's name an encoding message quotes. */
const ELEMENT_NAME_QUOTE = 40;

/** A CTF reader fed with text in pieces: the same code reads a whole string and a stream. */
export interface CtfReader extends XmlTextSink {
  /** Feeds the next piece of the document's text. */
  write(text: string): void;
  /** Stops reading at a problem with the input itself, located at the point reached. */
  stop(problem: XmlInputProblem): void;
  /** Stops reading at a problem found outside the XML (e.g. a piece that is neither text nor bytes). */
  fail(issue: AttendanceIssue): void;
  /** Whether reading has stopped at a fatal problem; further text is ignored. */
  readonly halted: boolean;
  /** The 1-based line reached so far. */
  readonly line: number;
  /** The limits the reader was made with. */
  readonly limits: ResolvedLimits;
  /** Finishes reading and returns the report. */
  end(): CtfImportReport;
}

/**
 * The options the reader reads, each once; anything else in the options object is ignored. A record so that the
 * compiler refuses a new option left out here.
 */
const READ_OPTIONS: Readonly<Record<keyof CtfOptions, true>> = {
  dayModel: true,
  calendar: true,
  notInSessionCharacter: true,
  noMarkCharacter: true,
  codeWidth: true,
  source: true,
  maxLineBytes: true,
  maxDepth: true,
};
const OPTION_NAMES = Object.keys(READ_OPTIONS);
const CR = 0x0d;
const ENTITY_DECLARATION = /<!ENTITY[^>]{0,60}>?/i;

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

function countLineEnds(text: string): number {
  return text.match(/\r\n?|\n/g)?.length ?? 0;
}

class Reader implements CtfReader {
  private readonly parser = new SaxesParser({ position: true });
  readonly limits: ResolvedLimits;
  /** The longest stretch between two XML items: an item as long as the limit, and the character ending it. */
  private readonly maxRun: number;
  /** Characters given to the parser so far. */
  private written = 0;
  /** Where and on which line the parser last finished an XML item: it holds what it read since. */
  private itemEnd = 0;
  private itemEndLine = 1;
  /** Whether the text so far ends with a CR, which the parser holds back to see whether an LF follows. */
  private endsWithCr = false;
  /** What stopped the reading, for the message about the pupil it cut off. */
  private stopCause = 'the break in the XML';
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

  constructor(given: CtfOptions) {
    const options = readOptions(given, OPTION_NAMES) as CtfOptions;
    const layout = resolveLayout(options, true);
    this.source = resolveSource(options.source);
    this.limits = resolveLimits(options);
    this.maxRun = this.limits.maxLineBytes + 1;
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
    this.parser.on('doctype', (text) => {
      this.doctype(text);
    });
    // No handler for comments, processing instructions or the XML declaration: the text or tag after one ends
    // the item too. (Each handler is a property added to the parser, and a few more of them make V8 read all
    // of the parser's properties the slow way: the whole import ran at half speed.)
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

  /** The line and column of the next character, counting a CR the parser still holds back as a line end. */
  private nextCharacter(): { readonly line: number; readonly column: number } {
    return this.endsWithCr
      ? { line: this.parser.line + 1, column: 1 }
      : { line: this.parser.line, column: this.parser.column + 1 };
  }

  write(text: string): void {
    if (this.stopped || text.length === 0) return;
    this.parser.write(text);
    this.written += text.length;
    this.endsWithCr = text.charCodeAt(text.length - 1) === CR;
    // Between two items the parser holds everything it has read: it must not grow past the limit. Where this
    // check falls depends on the pieces, but what it reports does not (see itemEnds).
    if (this.written - this.itemEnd > this.maxRun) this.itemTooLong();
  }

  fail(issue: AttendanceIssue): void {
    if (this.stopped) return;
    this.fatal(issue, `the bad piece of input on line ${issue.line ?? this.parser.line}`);
  }

  stop(problem: XmlInputProblem): void {
    if (this.stopped) return;
    const { line, column } = this.nextCharacter();
    if (problem.kind === 'unknown-encoding') {
      this.fatal(
        ctfIssue(
          'encoding',
          'error',
          `The XML declaration names the encoding ${excerpt(problem.label)}, which cannot be decoded`,
          {
            steps: [],
            line: 1,
            expected: 'UTF-8, UTF-16 or an encoding such as ISO-8859-1 or windows-1252',
            received: problem.label,
          }
        ),
        'the unknown encoding'
      );
      return;
    }
    if (problem.kind === 'line-too-long') {
      const { limit, unit } = problem;
      this.fatal(
        ctfIssue(
          'too_long',
          'error',
          `The line is longer than ${limit} ${unit} (the maxLineBytes option), so reading stopped before it: the file may not be XML, or be XML written without line breaks, which a larger maxLineBytes reads`,
          {
            steps: [...this.steps],
            line,
            expected: `lines of at most ${limit} ${unit}`,
            received: 'a longer line',
          }
        ),
        `the over-long line ${line}`
      );
      return;
    }
    const name = problem.encoding.toUpperCase();
    const hex = problem.bytes
      .map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(' ');
    const bytes = `${problem.bytes.length === 1 ? 'byte' : 'bytes'} ${hex}`;
    const advice =
      name === 'UTF-8'
        ? '; if the file is Latin-1 (ISO-8859-1 or Windows-1252), its XML declaration should say encoding="iso-8859-1"'
        : '';
    const { where, pupilId, field } = this.whereNow();
    this.fatal(
      ctfIssue(
        'encoding',
        'error',
        `The ${bytes} at column ${column}${where} ${problem.bytes.length === 1 ? 'is' : 'are'} not valid ${name}, so reading stopped there${advice}`,
        {
          steps: [...this.steps],
          line,
          pupilId,
          field,
          expected: `text encoded as ${name}`,
          received: `the ${bytes}`,
        }
      ),
      `the bytes that are not ${name} on line ${line}`
    );
  }

  /** The element and pupil the reader is in, for a message. */
  private whereNow(): {
    readonly where: string;
    readonly pupilId: string | undefined;
    readonly field: string | undefined;
  } {
    const element = this.names[this.names.length - 1];
    if (element === undefined)
      return { where: ', before the root element', pupilId: undefined, field: undefined };
    const pupil = this.pupil;
    const upn = pupil?.fields.get('UPN')?.text.trim();
    let who = '';
    if (pupil !== undefined) {
      who =
        upn === undefined || upn === ''
          ? ` of the pupil at ${pathForMessage(pupil.steps)}`
          : ` of pupil ${shortText(upn)}`;
    }
    return {
      // An element's name is quoted shorter than other text: the message also carries the pupil and the advice.
      where: `, in <${element.length > ELEMENT_NAME_QUOTE ? excerpt(element, ELEMENT_NAME_QUOTE) : element}>${who},`,
      pupilId: upn === undefined || upn === '' ? undefined : upn,
      field: element,
    };
  }

  /**
   * Notes that the parser finished an XML item (a tag, a text run, a comment...), after checking that the item
   * was not longer than the limit.
   *
   * @remarks
   * An item is too long once the parser has read more than `maxRun` characters past the end of the one before.
   * Every look from that point on (an item's end, an XML error, the end of a piece, the end of the input)
   * reports it, with the line where the item starts, and no look before it does; so which look reports it
   * depends on where the pieces end, but what it reports does not.
   *
   * @returns False when it was too long, and reading stopped.
   */
  private itemEnds(): boolean {
    if (this.stopped) return false;
    const position = this.parser.position;
    if (position - this.itemEnd > this.maxRun) {
      this.itemTooLong();
      return false;
    }
    this.itemEnd = position;
    this.itemEndLine = this.parser.line;
    return true;
  }

  private itemTooLong(): void {
    // Reading may already have stopped inside the piece just written.
    if (this.stopped) return;
    const limit = this.limits.maxLineBytes;
    const line = this.itemEndLine;
    this.fatal(
      ctfIssue(
        'too_long',
        'error',
        `An XML item from line ${line} on (an element's text, a tag with its attributes, a comment or a DOCTYPE) is longer than ${limit} characters (the maxLineBytes option), so reading stopped there`,
        {
          steps: [...this.steps],
          line,
          expected: `XML items of at most ${limit} characters`,
          received: 'a longer one',
        }
      ),
      `the over-long XML item from line ${line}`
    );
  }

  private doctype(text: string): void {
    if (!this.itemEnds()) return;
    // The parser never expands entities a DOCTYPE declares, nor fetches external ones: a reference to one is
    // an "undefined entity". A CTF declares none, so a file that does is refused where it says so.
    const declaration = ENTITY_DECLARATION.exec(text);
    if (declaration === null) return;
    const line = this.parser.line - countLineEnds(text);
    this.fatal(
      ctfIssue(
        'malformed_input',
        'error',
        `The DOCTYPE declares XML entities (${excerpt(declaration[0])}); a Common Transfer File declares none, and this reader never expands or fetches them, so reading stopped there`,
        {
          steps: [],
          line,
          expected: 'no DOCTYPE, or one without entity declarations',
          received: declaration[0],
        }
      ),
      `the DOCTYPE on line ${line}`
    );
  }

  private open(tag: { readonly name: string }): void {
    if (!this.itemEnds()) return;
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
          `The root element is <${shortText(name)}>, not <${ROOT}>: this is not a Common Transfer File`,
          { steps: [name], line, field: name, expected: `a <${ROOT}> root element`, received: `<${name}>` }
        )
      );
      return;
    }
    if (depth + 1 > this.limits.maxDepth) {
      const { maxDepth } = this.limits;
      this.fatal(
        ctfIssue(
          'too_deep',
          'error',
          `<${shortText(name)}> is nested ${depth + 1} elements deep, more than ${maxDepth} (the maxDepth option), so reading stopped there`,
          {
            steps: [...this.steps, name],
            line,
            expected: `at most ${maxDepth} levels of nested elements`,
            received: `${depth + 1} levels`,
          }
        ),
        `the nesting too deep on line ${line}`
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
    if (!this.itemEnds() || this.captureDepth !== this.names.length - 1) return;
    const limit = this.limits.maxLineBytes;
    if (this.text.length + text.length > limit) {
      const name = this.names[this.captureDepth] ?? '';
      const upn = this.pupil?.fields.get('UPN')?.text.trim();
      this.fatal(
        ctfIssue(
          'too_long',
          'error',
          `The text of <${name}> is longer than ${limit} characters (the maxLineBytes option), so reading stopped there`,
          {
            steps: [...this.steps],
            line: this.captureLine,
            ...(upn === undefined || upn === '' ? {} : { pupilId: upn }),
            field: name,
            expected: `at most ${limit} characters`,
            received: 'a longer text',
          }
        ),
        `the over-long <${name}> on line ${this.captureLine}`
      );
      return;
    }
    this.text += text;
  }

  private close(): void {
    if (!this.itemEnds()) return;
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
          `DOB of pupil ${shortText(upn)} is not a real date in YYYY-MM-DD form (${excerpt(dobText)})`,
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
    // An error inside an item already too long is that item's (see itemEnds).
    if (this.parser.position - this.itemEnd > this.maxRun) {
      this.itemTooLong();
      return;
    }
    // The parser's reason may name an element or entity from the file: a huge one is cut short.
    const reason = shortText(error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').replace(/\.$/, ''));
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

  private fatal(issue: AttendanceIssue, cause = 'the break in the XML'): void {
    this.issues.push(issue);
    this.stopped = true;
    this.stopCause = cause;
  }

  end(): CtfImportReport {
    // An item the input ends in was never finished: it must not be longer than the limit either.
    if (!this.stopped && this.written - this.itemEnd > this.maxRun) this.itemTooLong();
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
        `Pupil ${upn === undefined || upn === '' ? pathForMessage(captured.steps) : shortText(upn)} is cut off by ${this.stopCause} and was not used${records.length > 0 ? `, nor ${records.join(', nor ')}` : ''}`,
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
