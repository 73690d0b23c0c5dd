import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { censusIssue, censusRecordIssues, reasonIssue } from './_internal/censusChecks.js';
import type { CensusRecordPlace } from './_internal/censusChecks.js';
import { CENSUS_PERIOD_ELEMENTS, isCensusReason } from './_internal/censusRecords.js';
import { excerpt } from '../../_internal/excerpt.js';
import { shortText } from './_internal/inputText.js';
import { readSettings } from './_internal/readOptions.js';
import { readXmlTree } from './_internal/readXmlTree.js';
import type { XmlElement } from './_internal/readXmlTree.js';
import { notTextIssue, resultOf } from './_internal/results.js';
import { parseWholeNumber } from './_internal/wholeNumber.js';
import type {
  CensusAttendance,
  CensusAttendanceImport,
  CensusPeriodKind,
  CensusPupilAttendance,
  CensusSessionDetail,
  ParseExportOptions,
} from './types.js';

const ROOT = 'CensusAttendance';
const NAMES = {
  possible: 'SessionsPossible',
  authorised: 'SessionsAuthorised',
  unauthorised: 'SessionsUnauthorised',
} as const;

/** Reads one document's elements, collecting issues located by XML path and line. */
class CensusXmlReader {
  readonly issues: AttendanceIssue[] = [];

  constructor(private readonly source: string | undefined) {}

  private issue(
    code: AttendanceIssue['code'],
    severity: 'error' | 'warning',
    message: string,
    steps: readonly string[],
    line: number,
    details: { pupilId?: string; field?: string; expected?: string; received?: string } = {}
  ): void {
    const { pupilId, ...rest } = details;
    this.issues.push(
      censusIssue(
        code,
        severity,
        `${message} (line ${line}, ${steps.map(shortText).join('/')})`,
        { path: steps, line, pupilId, source: this.source },
        rest
      )
    );
  }

  /**
   * The children of an element by name, checking how many of each there may be: `'one'` (required),
   * `'optional'` (at most one) or `'many'`. Any other child is reported and left out.
   */
  private childrenOf(
    element: XmlElement,
    steps: readonly string[],
    allowed: Readonly<Record<string, 'one' | 'optional' | 'many'>>,
    pupilId?: string
  ): Map<string, XmlElement[]> {
    const byName = new Map<string, XmlElement[]>();
    for (const child of element.children) {
      if (!Object.hasOwn(allowed, child.name)) {
        this.issue(
          'malformed_input',
          'warning',
          `The element ${shortText(child.name)} is not part of ${element.name} and was ignored`,
          [...steps, child.name],
          child.line,
          {
            ...(pupilId === undefined ? {} : { pupilId }),
            field: child.name,
            expected: Object.keys(allowed).join(', '),
            received: shortText(child.name),
          }
        );
        continue;
      }
      const list = byName.get(child.name);
      if (list === undefined) byName.set(child.name, [child]);
      else list.push(child);
    }
    if (element.text.trim() !== '') {
      this.issue(
        'malformed_input',
        'warning',
        `The text inside ${element.name} was ignored`,
        steps,
        element.line,
        {
          ...(pupilId === undefined ? {} : { pupilId }),
          field: element.name,
          expected: 'child elements only',
          received: shortText(element.text.trim()),
        }
      );
    }
    for (const [name, rule] of Object.entries(allowed)) {
      const count = byName.get(name)?.length ?? 0;
      if (rule === 'one' && count === 0) {
        this.issue(
          'missing_column',
          'error',
          `${element.name} has no ${name}`,
          [...steps, name],
          element.line,
          {
            ...(pupilId === undefined ? {} : { pupilId }),
            field: name,
            expected: `one ${name} element`,
            received: 'none',
          }
        );
      } else if (rule !== 'many' && count > 1) {
        const second = byName.get(name)![1]!;
        this.issue(
          'malformed_input',
          'error',
          `${element.name} has ${count} ${name} elements`,
          [...steps, name],
          second.line,
          {
            ...(pupilId === undefined ? {} : { pupilId }),
            field: name,
            expected: `one ${name} element`,
            received: `${count}`,
          }
        );
      }
    }
    return byName;
  }

  /** The text of an element that should hold only text; child elements inside it are reported and ignored. */
  private leafText(element: XmlElement, steps: readonly string[], pupilId?: string): string {
    for (const child of element.children) {
      this.issue(
        'malformed_input',
        'warning',
        `The element ${shortText(child.name)} inside ${element.name} was ignored: ${element.name} holds text only`,
        [...steps, element.name, child.name],
        child.line,
        {
          ...(pupilId === undefined ? {} : { pupilId }),
          field: element.name,
          expected: 'text only',
          received: shortText(child.name),
        }
      );
    }
    return element.text;
  }

  private wholeNumber(
    element: XmlElement | undefined,
    steps: readonly string[],
    pupilId: string
  ): number | undefined {
    if (element === undefined) return undefined;
    const value = parseWholeNumber(this.leafText(element, steps, pupilId));
    if (value === undefined) {
      this.issue(
        'invalid_value',
        'error',
        `${element.name} of pupil ${shortText(pupilId)} must be a whole number of sessions; received ${excerpt(element.text)}`,
        [...steps, element.name],
        element.line,
        {
          pupilId,
          field: element.name,
          expected: 'a whole number, 0 or more',
          received: shortText(element.text),
        }
      );
    }
    return value;
  }

  private record(
    element: XmlElement,
    steps: readonly string[],
    pupilId: string,
    kind: CensusPeriodKind
  ): CensusAttendance | undefined {
    const before = this.issues.filter((issue) => issue.severity === 'error').length;
    const children = this.childrenOf(
      element,
      steps,
      {
        SessionsPossible: 'one',
        SessionDetails: 'optional',
        SessionsAuthorised: 'one',
        SessionsUnauthorised: 'one',
      },
      pupilId
    );
    const sessionsPossible = this.wholeNumber(children.get(NAMES.possible)?.[0], steps, pupilId);
    const sessionsAuthorised = this.wholeNumber(children.get(NAMES.authorised)?.[0], steps, pupilId);
    const sessionsUnauthorised = this.wholeNumber(children.get(NAMES.unauthorised)?.[0], steps, pupilId);
    const sessionDetails: CensusSessionDetail[] = [];
    const detailsElement = children.get('SessionDetails')?.[0];
    if (detailsElement !== undefined) {
      const detailsSteps = [...steps, 'SessionDetails'];
      const details =
        this.childrenOf(detailsElement, detailsSteps, { SessionDetail: 'many' }, pupilId).get(
          'SessionDetail'
        ) ?? [];
      const seen = new Set<string>();
      for (const [position, detail] of details.entries()) {
        const detailSteps = [...detailsSteps, `SessionDetail[${position + 1}]`];
        const parts = this.childrenOf(
          detail,
          detailSteps,
          { AttendanceReason: 'one', AbsenceSessions: 'one' },
          pupilId
        );
        const reasonElement = parts.get('AttendanceReason')?.[0];
        const absenceSessions = this.wholeNumber(parts.get('AbsenceSessions')?.[0], detailSteps, pupilId);
        if (reasonElement === undefined || absenceSessions === undefined) continue;
        const reason = this.leafText(reasonElement, detailSteps, pupilId).trim();
        const place: CensusRecordPlace = {
          path: [...detailSteps, 'AttendanceReason'],
          line: reasonElement.line,
          pupilId,
          kind,
          source: this.source,
          names: NAMES,
        };
        if (!isCensusReason(reason)) this.issues.push(reasonIssue(reason, place, 'AttendanceReason'));
        else if (seen.has(reason)) {
          this.issue(
            'invalid_value',
            'error',
            `The reason ${reason} is given twice`,
            [...detailSteps, 'AttendanceReason'],
            place.line,
            {
              pupilId,
              field: 'AttendanceReason',
              expected: 'each reason once',
              received: reason,
            }
          );
        } else {
          seen.add(reason);
          sessionDetails.push({ reason, absenceSessions });
        }
      }
    }
    const errors = this.issues.filter((issue) => issue.severity === 'error').length;
    if (
      errors > before ||
      sessionsPossible === undefined ||
      sessionsAuthorised === undefined ||
      sessionsUnauthorised === undefined
    ) {
      return undefined;
    }
    const record = { sessionsPossible, sessionDetails, sessionsAuthorised, sessionsUnauthorised };
    this.issues.push(
      ...censusRecordIssues(record, {
        path: steps,
        line: element.line,
        pupilId,
        kind,
        source: this.source,
        names: NAMES,
      })
    );
    return record;
  }

  private pupil(element: XmlElement, steps: readonly string[]): CensusPupilAttendance | undefined {
    const children = this.childrenOf(element, steps, { PupilId: 'one', Attendance: 'optional' });
    const idElement = children.get('PupilId')?.[0];
    if (idElement === undefined) return undefined;
    // The id is kept exactly as written: ids are compared as text, and the writer never pads them.
    const pupilId = this.leafText(idElement, steps);
    if (pupilId === '') {
      this.issue(
        'invalid_value',
        'error',
        'The pupil has an empty PupilId',
        [...steps, 'PupilId'],
        idElement.line,
        {
          field: 'PupilId',
          expected: 'a pupil id',
          received: '',
        }
      );
      return undefined;
    }
    const attendance = children.get('Attendance')?.[0];
    if (attendance === undefined) return { pupilId };
    const attendanceSteps = [...steps, 'Attendance'];
    const periods = this.childrenOf(
      attendance,
      attendanceSteps,
      { TermlyAttendance: 'optional', SummerHalfTerm2Attendance: 'optional', AnnualAttendance: 'optional' },
      pupilId
    );
    const pupil: { -readonly [K in keyof CensusPupilAttendance]: CensusPupilAttendance[K] } = { pupilId };
    for (const [kind, name] of CENSUS_PERIOD_ELEMENTS) {
      const periodElement = periods.get(name)?.[0];
      if (periodElement === undefined) continue;
      const record = this.record(periodElement, [...attendanceSteps, name], pupilId, kind);
      if (record !== undefined) pupil[kind] = record;
    }
    return pupil;
  }

  read(root: XmlElement): CensusPupilAttendance[] {
    if (root.name !== ROOT) {
      this.issue(
        'malformed_input',
        'error',
        `The document's root element is ${shortText(root.name)}, not ${ROOT}`,
        [root.name],
        root.line,
        {
          field: root.name,
          expected: ROOT,
          received: shortText(root.name),
        }
      );
      return [];
    }
    const pupils: CensusPupilAttendance[] = [];
    const elements = this.childrenOf(root, [ROOT], { Pupil: 'many' }).get('Pupil') ?? [];
    for (const [index, element] of elements.entries()) {
      const pupil = this.pupil(element, [ROOT, `Pupil[${index + 1}]`]);
      if (pupil !== undefined) pupils.push(pupil);
    }
    return pupils;
  }
}

/**
 * Reads census attendance XML (as {@link toCensusAttendanceXml} writes it) back into records, without
 * throwing: the pupils, or an error listing every problem with its XML path and line.
 *
 * @remarks
 * The document is read with the saxes XML parser; a document that is not well-formed (for example cut off
 * part-way) is one `malformed_input` error at the line where reading failed. It never throws, and untrusted
 * input is held to limits, each one located error: a document type declaration (`<!DOCTYPE …>`) is refused
 * (`malformed_input`), so that no entity is ever expanded and no external entity or DTD fetched; elements
 * nested deeper than `maxDepth` (64 by default) are `too_deep`; a tag or an element's text longer than
 * `maxLineBytes` (1 MiB by default, in UTF-8 bytes) is `too_long`, found before the parser gathers it; an
 * unpaired surrogate, which no XML document can hold, is `encoding`. Messages quote at most about 80
 * characters of the document. Then every element is
 * checked: a missing or repeated element, a count that is not a whole number, a reason that is not an absence
 * reason or is given twice, or more absence than possible sessions is an error; reasons that do not sum to
 * `SessionsAuthorised` or `SessionsUnauthorised` are `totals_mismatch` warnings, and elements the layout does
 * not define are ignored with a warning. Reasons are kept in file order and `PupilId` exactly as written.
 *
 * @param xml - The XML text.
 * @param options - The file name for issues, and the limits.
 * @returns `{ success: true, data }` with the pupils and warnings, or `{ success: false, error }`.
 * @example
 * const result = safeParseCensusAttendanceXml('<CensusAttendance><Pupil><PupilId>P1</PupilId>');
 * result.success //=> false
 * result.success || result.error.issues[0].code //=> 'malformed_input'
 * @category Export
 */
export function safeParseCensusAttendanceXml(
  xml: string,
  options: ParseExportOptions = {}
): SafeResult<CensusAttendanceImport> {
  const issues: AttendanceIssue[] = [];
  const { source, maxLineBytes, maxDepth } = readSettings(options, issues);
  if (typeof xml !== 'string')
    return resultOf([...issues, notTextIssue(xml, source)], () => ({ pupils: [], warnings: [] }));
  const root = readXmlTree(xml, issues, source, { maxLineBytes, maxDepth });
  if (root === undefined) return resultOf(issues, () => ({ pupils: [], warnings: [] }));
  const reader = new CensusXmlReader(source);
  reader.issues.push(...issues);
  const pupils = reader.read(root);
  return resultOf(reader.issues, (warnings) => ({ pupils, warnings }));
}
