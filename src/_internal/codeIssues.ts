import type { IsoDate, Session } from '../calendar/types.js';
import { COMPACT_CODES } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import { describeValue } from '../sessions/checkMarks.js';
import { CODE_SET_IDS, DEFINITION_BY_SET } from './codeTables.js';

/** Where a mark sits, for issue messages. */
export interface MarkLocation {
  readonly path: readonly (string | number)[];
  readonly pupilId?: string | undefined;
  readonly date?: IsoDate | undefined;
  readonly session?: Session | undefined;
}

export function describeLocation(location: MarkLocation): string {
  const parts: string[] = [];
  if (location.pupilId !== undefined) parts.push(`pupil ${location.pupilId}`);
  if (location.date !== undefined) parts.push(location.date);
  if (location.session !== undefined) parts.push(location.session);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function locationFields(location: MarkLocation): Partial<AttendanceIssue> {
  return {
    ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
    ...(location.date === undefined ? {} : { date: location.date }),
    ...(location.session === undefined ? {} : { session: location.session }),
  };
}

export function unknownCodeIssue(code: string, location: MarkLocation): AttendanceIssue {
  return {
    code: 'unknown_code',
    severity: 'error',
    // The code is untrusted text of any length: describeValue quotes at most its first 80 characters.
    message: `Unknown register code "${describeValue(code)}"${describeLocation(location)}: it is in neither the 2024 nor the pre-2024 code set.`,
    path: location.path,
    ...locationFields(location),
    field: 'code',
    expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
    received: describeValue(code),
  };
}

export function outsideCodeSetIssue(
  byte: number,
  chosenSet: number,
  location: MarkLocation
): AttendanceIssue {
  const otherSet = 1 - chosenSet;
  const code = COMPACT_CODES[byte] ?? '';
  const definition = DEFINITION_BY_SET[otherSet as 0 | 1][byte];
  const chosen = CODE_SET_IDS[chosenSet as 0 | 1];
  const other = CODE_SET_IDS[otherSet as 0 | 1];
  return {
    code: 'code_outside_code_set',
    severity: 'warning',
    message: `Code "${code}"${describeLocation(location)} is not in the ${chosen} code set; counted by the ${other} table as ${definition?.category ?? 'unknown'}.`,
    path: location.path,
    ...locationFields(location),
    field: 'code',
    expected: `a code of the ${chosen} code set`,
    received: code,
  };
}

export function duplicateMarkIssue(
  firstIndex: number,
  secondIndex: number,
  firstCode: string,
  secondCode: string,
  location: MarkLocation,
  resolvedTo: string | undefined
): AttendanceIssue {
  const both = `marks ${firstIndex} ("${firstCode}") and ${secondIndex} ("${secondCode}")`;
  return resolvedTo === undefined
    ? {
        code: 'duplicate_mark',
        severity: 'error',
        message: `Two marks for the same session${describeLocation(location)}: ${both}.`,
        path: location.path,
        ...locationFields(location),
        expected: 'one mark per date and session',
        received: `${firstCode} and ${secondCode}`,
      }
    : {
        code: 'duplicate_mark_resolved',
        severity: 'warning',
        message: `Two marks for the same session${describeLocation(location)}: ${both}; "${resolvedTo}" counted by precedence.`,
        path: location.path,
        ...locationFields(location),
        expected: 'one mark per date and session',
        received: `${firstCode} and ${secondCode}`,
      };
}
