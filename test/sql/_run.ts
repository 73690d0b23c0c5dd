/**
 * Runs compiled rules on an engine over raw marks and reads the views back in the shape of {@link RulesResult},
 * so that a test compares the two routes with one `toEqual`.
 */
import { compileRulesToSql } from '../../src/sql/index.js';
import type { RulesSqlObjects, RulesSqlOptions } from '../../src/sql/index.js';
import type { RawMark } from './_arbitraries.js';
import type { SqlEngine } from './_engines.js';
import { windowText } from './_reference.js';
import type { CohortResult, PupilResult, RulesResult } from './_reference.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * Loads the marks into table `marks` (dates as DATE or as text, as the options say; a line number as the order),
 * runs the script and reads every view.
 */
export async function runRules(
  engine: SqlEngine,
  marks: readonly RawMark[],
  options: Omit<RulesSqlOptions, 'dialect'>
): Promise<{ result: RulesResult; objects: RulesSqlObjects; sql: string }> {
  const asDate = options.marks?.dateType !== 'text';
  const compiled = compileRulesToSql({ ...options, dialect: engine.dialect });
  // The views of an earlier run read the marks table: PostgreSQL will not drop it under them.
  await engine.exec(`DROP TABLE IF EXISTS marks${engine.dialect === 'postgres' ? ' CASCADE' : ''}`);
  await engine.load(
    'marks',
    [
      { name: 'pupil_id', type: 'text' },
      { name: 'date', type: asDate ? 'date' : 'text' },
      { name: 'session', type: 'text' },
      { name: 'code', type: 'text' },
      { name: 'line', type: 'integer' },
    ],
    marks.map((mark, line) => [mark.pupilId, mark.date, mark.session, mark.code, line])
  );
  await engine.exec(compiled.sql);
  return { result: await readResult(engine, compiled.objects), objects: compiled.objects, sql: compiled.sql };
}

/** Marks whose date a DATE column could hold (the others cannot be loaded into one). */
export function loadableAsDates(marks: readonly RawMark[]): RawMark[] {
  return marks.filter(
    (mark) =>
      ISO_DATE.test(mark.date) &&
      !Number.isNaN(Date.parse(`${mark.date}T00:00:00Z`)) &&
      new Date(`${mark.date}T00:00:00Z`).toISOString().startsWith(mark.date)
  );
}

function numberOf(value: unknown): number {
  if (typeof value !== 'number')
    throw new TypeError(`Expected a number from SQL, got ${JSON.stringify(value)}`);
  return value;
}

/** Reads the views into the comparable shape. */
export async function readResult(engine: SqlEngine, objects: RulesSqlObjects): Promise<RulesResult> {
  const figureRows = await engine.query(`SELECT * FROM ${objects.pupilFigures}`);
  const windowRows = await engine.query(`SELECT * FROM ${objects.pupilWindows}`);
  const issueRows = await engine.query(
    `SELECT DISTINCT pupil_id, issue, withholds_figures FROM ${objects.issues} WHERE pupil_id IS NOT NULL`
  );
  const [cohortRow] = await engine.query(`SELECT * FROM ${objects.cohort}`);
  const bandRows = await engine.query(`SELECT * FROM ${objects.cohortBands} ORDER BY band_index`);
  const windows = new Map<string, Record<string, string>>();
  for (const row of windowRows) {
    const pupilId = String(row['pupil_id']);
    const entry = windows.get(pupilId) ?? {};
    entry[String(row['rule_name'])] = windowText(
      numberOf(row['counted']),
      numberOf(row['maximum']),
      row['first_reached_date'] as string | null,
      row['first_reached_session'] as string | null
    );
    windows.set(pupilId, entry);
  }
  const pupils: Record<string, PupilResult> = {};
  for (const row of figureRows) {
    const pupilId = String(row['pupil_id']);
    pupils[pupilId] = {
      possible: numberOf(row['possible']),
      attended: numberOf(row['attended']),
      present: numberOf(row['present']),
      approved_educational_activity: numberOf(row['approved_educational_activity']),
      authorised: numberOf(row['authorised']),
      unauthorised: numberOf(row['unauthorised']),
      absent: numberOf(row['absent']),
      not_possible: numberOf(row['not_possible']),
      unmarked: numberOf(row['unmarked']),
      late: numberOf(row['late']),
      late_after_register_closed: numberOf(row['late_after_register_closed']),
      absence_class: String(row['absence_class']),
      band_index: row['band_index'] === null ? null : numberOf(row['band_index']),
      windows: windows.get(pupilId) ?? {},
    };
  }
  const withheldCodes = new Map<string, Set<string>>();
  const reportedCodes = new Map<string, Set<string>>();
  for (const row of issueRows) {
    const pupilId = String(row['pupil_id']);
    const target = pupilId in pupils ? reportedCodes : withheldCodes;
    // A withheld pupil's other issues (calendar, legacy codes) are not what the library reports when it refuses.
    if (!(pupilId in pupils) && row['withholds_figures'] !== true) continue;
    const set = target.get(pupilId) ?? new Set<string>();
    set.add(String(row['issue']));
    target.set(pupilId, set);
  }
  const sorted = (codes: Map<string, Set<string>>, keys: Iterable<string>): Record<string, string> =>
    Object.fromEntries([...keys].map((key) => [key, [...(codes.get(key) ?? [])].sort().join(' ')]));
  const row = cohortRow!;
  const cohort: CohortResult = {
    enrolments: numberOf(row['enrolments']),
    excluded_no_possible_sessions: numberOf(row['excluded_no_possible_sessions']),
    withheld_pupils: numberOf(row['withheld_pupils']),
    possible: numberOf(row['possible']),
    attended: numberOf(row['attended']),
    absent: numberOf(row['absent']),
    authorised: numberOf(row['authorised']),
    unauthorised: numberOf(row['unauthorised']),
    persistent_absentees: numberOf(row['persistent_absentees']),
    severe_absentees: numberOf(row['severe_absentees']),
    bands: bandRows.map((band) => numberOf(band['enrolments'])),
  };
  return {
    pupils,
    withheld: sorted(withheldCodes, withheldCodes.keys()),
    reported: sorted(reportedCodes, Object.keys(pupils)),
    cohort,
  };
}
