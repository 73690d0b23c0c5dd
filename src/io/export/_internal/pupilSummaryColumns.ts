import { COMPACT_CODES } from '../../../codes/compactCodes.js';
import type { RegisterCode } from '../../../codes/types.js';
import type { AttendanceIssue } from '../../../errors.js';
import type { PupilSummaryCounts } from '../types.js';
import { codesOfCategory } from './codeCategories.js';
import { shortText } from './inputText.js';

/** The integer fields of a per-pupil summary. */
export type CountField = Exclude<keyof PupilSummaryCounts, 'byCode'>;

/** The integer columns of a per-pupil summary, in file order, with the field each carries. */
export const COUNT_COLUMNS: readonly (readonly [column: string, field: CountField])[] = [
  ['possible', 'possible'],
  ['present', 'present'],
  ['approved_educational_activity', 'approvedEducationalActivity'],
  ['attended', 'attended'],
  ['authorised', 'authorised'],
  ['unauthorised', 'unauthorised'],
  ['absent', 'absent'],
  ['not_possible', 'notPossible'],
  ['unmarked', 'unmarked'],
  ['late', 'late'],
  ['late_after_register_closed', 'lateAfterRegisterClosed'],
];

/** The column naming the pupil. */
export const PUPIL_ID_COLUMN = 'pupil_id';
/** The attendance rate for display. */
export const ATTENDANCE_PERCENT_COLUMN = 'attendance_percent';
/** The overall absence rate for display. */
export const ABSENCE_PERCENT_COLUMN = 'absence_percent';
/** Whether the pupil is a persistent absentee under the policy. */
export const PERSISTENT_ABSENCE_COLUMN = 'persistent_absence';
/** Whether the pupil is severely absent under the policy. */
export const SEVERE_ABSENCE_COLUMN = 'severe_absence';
/** The start of every per-code column's name. */
export const CODE_COLUMN_PREFIX = 'code_';

/** The display columns that follow the counts. */
export const DISPLAY_COLUMNS: readonly string[] = [
  ATTENDANCE_PERCENT_COLUMN,
  ABSENCE_PERCENT_COLUMN,
  PERSISTENT_ABSENCE_COLUMN,
  SEVERE_ABSENCE_COLUMN,
];

/** Every column name a per-pupil summary gives a meaning to, apart from the per-code columns. */
export const FIXED_COLUMNS: ReadonlySet<string> = new Set([
  PUPIL_ID_COLUMN,
  ...COUNT_COLUMNS.map(([column]) => column),
  ...DISPLAY_COLUMNS,
]);

/** The per-code columns, in the library's compact code order (every code of both sets, `-` first). */
export const CODE_COLUMNS: readonly (readonly [column: string, code: RegisterCode])[] = COMPACT_CODES.map(
  (code) => [`${CODE_COLUMN_PREFIX}${code}`, code] as const
);

const COLUMN_OF_FIELD = new Map<string, string>(COUNT_COLUMNS.map(([column, field]) => [field, column]));

/**
 * The file column of a count field.
 *
 * @param field - The field.
 * @returns Its column name.
 * @example
 * columnOf('approvedEducationalActivity') //=> 'approved_educational_activity'
 */
export function columnOf(field: CountField): string {
  return COLUMN_OF_FIELD.get(field) ?? field;
}

const PRESENT_CODES = codesOfCategory(COMPACT_CODES, 'present');
const AEA_CODES = codesOfCategory(COMPACT_CODES, 'approved-educational-activity');
const AUTHORISED_CODES = codesOfCategory(COMPACT_CODES, 'authorised');
const UNAUTHORISED_CODES = codesOfCategory(COMPACT_CODES, 'unauthorised');
const NOT_POSSIBLE_CODES = codesOfCategory(COMPACT_CODES, 'not-possible');

/** Where a set of counts sits, for the issues about it. */
export interface CountsLocation {
  /** The path to the counts; a field's name is appended. */
  readonly path: readonly (string | number)[];
  /** Names a field in paths and messages (a property name or a column name). */
  readonly name: (field: CountField) => string;
  readonly pupilId?: string;
  readonly line?: number;
  readonly source?: string;
}

function sum(byCode: Readonly<Record<RegisterCode, number>>, codes: readonly RegisterCode[]): number {
  let total = 0;
  for (const code of codes) total += byCode[code];
  return total;
}

/**
 * Every way a set of counts breaks the identities {@link "school-attendance"!SessionCounts | SessionCounts} guarantees: the sums, lateness within
 * its category and, when there are per-code counts, each category equal to the sum of its codes.
 *
 * @param counts - Counts whose fields are already known to be whole numbers.
 * @param byCode - Per-code counts (whole numbers) to check the categories against, if any.
 * @param location - Where the counts are.
 * @returns One `invalid_counts` error per broken identity.
 * @example
 * countIdentityIssues(counts, undefined, location).length //=> 0
 */
export function countIdentityIssues(
  counts: Omit<PupilSummaryCounts, 'byCode'>,
  byCode: Readonly<Record<RegisterCode, number>> | undefined,
  location: CountsLocation
): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  const where = [
    location.pupilId === undefined ? '' : `pupil ${shortText(location.pupilId)}`,
    location.line === undefined ? '' : `line ${location.line}`,
  ]
    .filter((part) => part !== '')
    .join(', ');
  // The words are built only for a broken identity: this runs once per row of files with many thousand rows.
  const check = (
    holds: boolean,
    field: CountField,
    describe: () => readonly [rule: string, found: string]
  ): void => {
    if (holds) return;
    const [rule, found] = describe();
    const name = location.name(field);
    issues.push({
      code: 'invalid_counts',
      severity: 'error',
      message: `The counts${where === '' ? '' : ` of ${where}`} do not add up: ${rule} (found ${found}).`,
      path: [...location.path, name],
      field: name,
      expected: rule,
      received: found,
      ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
      ...(location.line === undefined ? {} : { line: location.line }),
      ...(location.source === undefined ? {} : { source: location.source }),
    });
  };
  const n = location.name;
  const c = counts;
  check(c.present + c.approvedEducationalActivity === c.attended, 'attended', () => [
    `${n('present')} + ${n('approvedEducationalActivity')} = ${n('attended')}`,
    `${c.present} + ${c.approvedEducationalActivity}, ${n('attended')} ${c.attended}`,
  ]);
  check(c.authorised + c.unauthorised === c.absent, 'absent', () => [
    `${n('authorised')} + ${n('unauthorised')} = ${n('absent')}`,
    `${c.authorised} + ${c.unauthorised}, ${n('absent')} ${c.absent}`,
  ]);
  check(c.attended + c.absent === c.possible, 'possible', () => [
    `${n('attended')} + ${n('absent')} = ${n('possible')}`,
    `${c.attended} + ${c.absent}, ${n('possible')} ${c.possible}`,
  ]);
  check(c.late <= c.present, 'late', () => [
    `${n('late')} <= ${n('present')} (late before the register closed is present)`,
    `${c.late} > ${c.present}`,
  ]);
  check(c.lateAfterRegisterClosed <= c.unauthorised, 'lateAfterRegisterClosed', () => [
    `${n('lateAfterRegisterClosed')} <= ${n('unauthorised')} (late after the register closed is unauthorised)`,
    `${c.lateAfterRegisterClosed} > ${c.unauthorised}`,
  ]);
  if (byCode === undefined) return issues;
  const byCategory = (field: CountField, codes: readonly RegisterCode[]): void => {
    const total = sum(byCode, codes);
    check(total === c[field], field, () => [
      `${n(field)} = the sum of codes ${codes.join(' ')}`,
      `${n(field)} ${c[field]}, codes ${total}`,
    ]);
  };
  byCategory('present', PRESENT_CODES);
  byCategory('approvedEducationalActivity', AEA_CODES);
  byCategory('authorised', AUTHORISED_CODES);
  byCategory('notPossible', NOT_POSSIBLE_CODES);
  check(c.late === byCode.L, 'late', () => [
    `${n('late')} = code L`,
    `${n('late')} ${c.late}, L ${byCode.L}`,
  ]);
  check(c.lateAfterRegisterClosed === byCode.U, 'lateAfterRegisterClosed', () => [
    `${n('lateAfterRegisterClosed')} = code U`,
    `${n('lateAfterRegisterClosed')} ${c.lateAfterRegisterClosed}, U ${byCode.U}`,
  ]);
  // Sessions with no mark yet are either their own outcome or, when counted as N, unauthorised absence.
  const unauthorisedCodes = sum(byCode, UNAUTHORISED_CODES);
  const noMark = byCode['-'];
  const asOwnOutcome = c.unmarked === noMark && c.unauthorised === unauthorisedCodes;
  const asN = c.unmarked === 0 && c.unauthorised === unauthorisedCodes + noMark;
  check(asOwnOutcome || asN, 'unauthorised', () => [
    `${n('unauthorised')} = the sum of codes ${UNAUTHORISED_CODES.join(' ')} and ${n('unmarked')} = code -, or (no mark counted as N) ${n('unmarked')} = 0 and ${n('unauthorised')} = those codes + code -`,
    `${n('unauthorised')} ${c.unauthorised}, ${n('unmarked')} ${c.unmarked}, codes ${unauthorisedCodes}, - ${noMark}`,
  ]);
  return issues;
}
