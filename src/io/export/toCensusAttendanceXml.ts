import type { AttendanceIssue } from '../../errors.js';
import { throwIfErrors } from '../../_internal/issues.js';
import { CENSUS_PERIOD_ELEMENTS, censusInputIssues } from './_internal/censusRecords.js';
import { excerpt } from '../../_internal/excerpt.js';
import { isXmlText, xmlText } from './_internal/xmlText.js';
import type { CensusAttendance, CensusPupilAttendance } from './types.js';

/**
 * How {@link toCensusAttendanceXml} lays out the XML.
 *
 * @category Export
 */
export interface ToCensusAttendanceXmlOptions {
  /**
   * The indentation of one level: spaces or tabs, or `''` for none.
   *
   * @defaultValue two spaces
   */
  readonly indent?: string;
}

function periodLines(element: string, record: CensusAttendance, indent: (level: number) => string): string[] {
  const lines = [
    `${indent(3)}<${element}>`,
    `${indent(4)}<SessionsPossible>${record.sessionsPossible}</SessionsPossible>`,
  ];
  if (record.sessionDetails.length > 0) {
    lines.push(`${indent(4)}<SessionDetails>`);
    for (const detail of record.sessionDetails) {
      lines.push(
        `${indent(5)}<SessionDetail><AttendanceReason>${detail.reason}</AttendanceReason><AbsenceSessions>${detail.absenceSessions}</AbsenceSessions></SessionDetail>`
      );
    }
    lines.push(`${indent(4)}</SessionDetails>`);
  }
  lines.push(
    `${indent(4)}<SessionsAuthorised>${record.sessionsAuthorised}</SessionsAuthorised>`,
    `${indent(4)}<SessionsUnauthorised>${record.sessionsUnauthorised}</SessionsUnauthorised>`,
    `${indent(3)}</${element}>`
  );
  return lines;
}

/**
 * Writes pupils' census attendance records as XML: the school census `Attendance` module for each pupil,
 * inside a simple wrapper that names the pupil.
 *
 * @remarks
 * Layout (UTF-8, one element per line, `SessionDetail` on one line as census examples show it):
 *
 * ```text
 * <CensusAttendance>
 *   <Pupil>
 *     <PupilId>P1</PupilId>
 *     <Attendance>
 *       <TermlyAttendance>
 *         <SessionsPossible>142</SessionsPossible>
 *         <SessionDetails>
 *           <SessionDetail><AttendanceReason>I</AttendanceReason><AbsenceSessions>6</AbsenceSessions></SessionDetail>
 *         </SessionDetails>
 *         <SessionsAuthorised>6</SessionsAuthorised>
 *         <SessionsUnauthorised>0</SessionsUnauthorised>
 *       </TermlyAttendance>
 *     </Attendance>
 *   </Pupil>
 * </CensusAttendance>
 * ```
 *
 * Inside `Attendance` come `TermlyAttendance`, `SummerHalfTerm2Attendance` and `AnnualAttendance`, each when
 * the pupil has it, with `SessionsPossible`, `SessionDetails` (one `SessionDetail` per reason, left out when
 * there is no absence), `SessionsAuthorised` and `SessionsUnauthorised`, in the order of the census module; a
 * pupil with no records has no `Attendance` element. This is not a census return: the message header
 * (collection details and source), the pupil's identifiers beyond one id (UPN, names, date of birth and the
 * rest of the pupil record), the split into pupils on roll and no longer on roll, and the other census
 * modules are left out. {@link parseCensusAttendanceXml} reads the file back to equal records.
 *
 * @param pupils - The pupils' records, e.g. from {@link toCensusAttendance}; written in this order.
 * @param options - The indentation.
 * @returns The XML document.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every empty pupil id or one XML cannot carry, count that is not a
 * whole number, reason that is not in {@link CENSUS_ABSENCE_REASONS} or is given twice, and record with more
 * absence than possible sessions.
 * @example
 * const xml = toCensusAttendanceXml([{ pupilId: 'P1', termly: toCensusAttendance(marks, censusPeriods(2024).autumn) }]);
 * xml.includes('<TermlyAttendance>') //=> true
 * @see {@link https://www.gov.uk/government/collections/school-census} (DfE school census)
 * @category Export
 */
export function toCensusAttendanceXml(
  pupils: readonly CensusPupilAttendance[],
  options: ToCensusAttendanceXmlOptions = {}
): string {
  const unit = options.indent ?? '  ';
  const issues: AttendanceIssue[] = [];
  if (!/^[ \t]*$/.test(unit)) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The indentation must be spaces or tabs; received ${JSON.stringify(unit)}.`,
      path: ['indent'],
      field: 'indent',
      expected: 'spaces or tabs',
      received: unit,
    });
  }
  issues.push(...censusInputIssues(pupils));
  for (const [index, pupil] of pupils.entries()) {
    if (typeof pupil.pupilId === 'string' && !isXmlText(pupil.pupilId)) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `The id of pupil ${index} holds a character XML cannot carry.`,
        path: [index, 'pupilId'],
        field: 'pupilId',
        expected: 'text without control characters or unpaired surrogates',
        pupilId: pupil.pupilId,
        received: excerpt(pupil.pupilId),
      });
    }
  }
  throwIfErrors(issues);
  const indent = (level: number): string => unit.repeat(level);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<CensusAttendance>'];
  for (const pupil of pupils) {
    lines.push(`${indent(1)}<Pupil>`, `${indent(2)}<PupilId>${xmlText(pupil.pupilId)}</PupilId>`);
    const records = CENSUS_PERIOD_ELEMENTS.flatMap(([kind, element]) => {
      const record = pupil[kind];
      return record === undefined ? [] : periodLines(element, record, indent);
    });
    if (records.length > 0) lines.push(`${indent(2)}<Attendance>`, ...records, `${indent(2)}</Attendance>`);
    lines.push(`${indent(1)}</Pupil>`);
  }
  lines.push('</CensusAttendance>');
  return `${lines.join('\n')}\n`;
}
