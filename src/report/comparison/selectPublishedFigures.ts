import { AttendanceError } from '../../errors.js';
import { excerpt } from '../../_internal/excerpt.js';
import { describeOption } from '../../io/export/_internal/readOptions.js';
import type {
  PublishedAttendance,
  PublishedAttendanceLevel,
  PublishedAttendanceRow,
  PublishedAttendanceScope,
  PublishedFigures,
  PublishedFiguresChoice,
} from './types.js';

/** How each level is written in the file and in messages. */
const LEVEL_NAMES: Readonly<Record<PublishedAttendanceLevel, string>> = {
  national: 'National',
  regional: 'Regional',
  'local-authority': 'Local authority',
};

const DEFAULT_PHASE = 'Total';

/** How many local authorities a "not found" message names: enough to see the spelling, not all 153. */
const LISTED_AUTHORITIES = 12;

/** Case and surrounding spaces never decide a match: `' london '` is London. */
function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/** `'202526'` as people write it, `'2025/26'`. */
function academicYear(timePeriod: string): string {
  return /^\d{6}$/.test(timePeriod) ? `${timePeriod.slice(0, 4)}/${timePeriod.slice(4)}` : timePeriod;
}

/** The phase as a label says it: `'Total'` is every school. */
function phaseWords(phase: string): string {
  return normalise(phase) === 'total' ? 'all schools' : phase.trim().toLowerCase();
}

/** The area a row is about, by the name the file gives it. */
function areaOf(scope: PublishedAttendanceScope): string {
  if (scope.level === 'regional') return scope.regionName ?? '';
  if (scope.level === 'local-authority') return scope.laName ?? scope.newLaCode ?? scope.oldLaCode ?? '';
  return scope.countryName ?? 'England';
}

/** Whether a row is about the area asked for; national rows need no area, and one given must be the country. */
function isInArea(scope: PublishedAttendanceScope, area: string | undefined): boolean {
  if (area === undefined) return scope.level === 'national';
  const names =
    scope.level === 'local-authority'
      ? [scope.laName, scope.newLaCode, scope.oldLaCode]
      : scope.level === 'regional'
        ? [scope.regionName]
        : [scope.countryName ?? 'England'];
  return names.some((name) => name !== null && normalise(name) === area);
}

/** Distinct values in first-seen order. */
function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** A list for a message: every item, or the first `limit` and how many more. */
function listOf(items: readonly string[], limit = Number.POSITIVE_INFINITY): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

function choiceError(
  field: 'level' | 'area' | 'phase' | 'time_identifier',
  message: string,
  expected: string,
  received: unknown
): AttendanceError {
  return new AttendanceError([
    {
      code: 'invalid_value',
      severity: 'error',
      message,
      path: [field],
      field,
      expected,
      received:
        typeof received === 'string'
          ? received
          : received === undefined
            ? 'nothing'
            : describeOption(received),
    },
  ]);
}

/** The areas a level has, for a message: every region, or the first dozen local authorities by name. */
function availableAreas(rows: readonly PublishedAttendanceRow[], level: PublishedAttendanceLevel): string {
  const names = distinct(rows.filter((row) => row.level === level).map(areaOf));
  if (level === 'local-authority') {
    return `local authorities: ${listOf(
      names.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)),
      LISTED_AUTHORITIES
    )}`;
  }
  return level === 'regional' ? `regions: ${listOf(names)}` : `country: ${listOf(names)}`;
}

/**
 * Picks one row of DfE's published attendance figures (read by {@link parsePublishedAttendanceCsv}) to set
 * beside a school's own: England, a region or a local authority, for one phase of education, in the latest
 * academic year the file has for it.
 *
 * @remarks
 * `level` picks rows by `geographic_level` (`National`, `Regional`, `Local authority`). `area` matches the
 * `region_name` of a region, or the `la_name`, `new_la_code` or `old_la_code` of a local authority, without
 * regard to case or surrounding spaces; national figures need none. `phase` matches `education_phase` the same
 * way and is `Total` (all schools) unless given. When the file holds several academic years for the choice, the
 * latest is taken and `note` says which years there were.
 *
 * @param data - The published file, read.
 * @param choice - The level, the area (for a region or local authority) and the phase.
 * @returns The figures: the session counts, the published persistent-absence percentage and a label.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} (`invalid_value`) When no row matches: the
 *   message lists what the file has (the regions, the first dozen local authorities, or the phases of the area),
 *   or says that DfE suppressed the area's figures. Also when the level is unknown, a region or local authority
 *   is asked for without an area, or the latest year holds more than one set of figures (different
 *   `time_identifier`s).
 * @example
 * const published = parsePublishedAttendanceCsv(text);
 * selectPublishedFigures(published, { level: 'national' }).label; //=> 'England, all schools'
 * selectPublishedFigures(published, { level: 'regional', area: 'london', phase: 'primary' }).label; //=> 'London, primary'
 * selectPublishedFigures(published, { level: 'local-authority', area: 'E09000030' }).area; //=> 'Tower Hamlets'
 * @category Report
 */
export function selectPublishedFigures(
  data: PublishedAttendance,
  choice: PublishedFiguresChoice
): PublishedFigures {
  // Callers from JavaScript (and the command line) may pass anything: a bad level is an issue, not a crash.
  const givenLevel: unknown = choice.level;
  if (typeof givenLevel !== 'string' || !Object.hasOwn(LEVEL_NAMES, givenLevel)) {
    throw choiceError(
      'level',
      `The level ${typeof givenLevel === 'string' ? excerpt(givenLevel) : typeof givenLevel} is not one of national, regional or local-authority.`,
      'national, regional or local-authority',
      givenLevel
    );
  }
  const { level } = choice;
  const levelName = LEVEL_NAMES[level].toLowerCase();
  const atLevel = data.rows.filter((row) => row.level === level);
  if (atLevel.length === 0) {
    const levels = distinct(data.rows.map((row) => row.level));
    throw choiceError(
      'level',
      `The file has no ${levelName} figures; it has ${listOf(levels.map((each) => LEVEL_NAMES[each].toLowerCase()))} figures.`,
      `one of: ${listOf(levels)}`,
      level
    );
  }
  for (const field of ['area', 'phase'] as const) {
    const value: unknown = choice[field];
    if (value !== undefined && typeof value !== 'string') {
      throw choiceError(field, `The ${field} must be text; received ${typeof value}.`, 'text', value);
    }
  }
  const area = choice.area === undefined ? undefined : normalise(choice.area);
  if (area === undefined && level !== 'national') {
    throw choiceError(
      'area',
      `${LEVEL_NAMES[level]} figures need an area; the file's ${availableAreas(atLevel, level)}.`,
      level === 'regional' ? 'a region' : 'a local authority (its name or code)',
      choice.area
    );
  }
  const phase = normalise(choice.phase ?? DEFAULT_PHASE);
  const inArea = atLevel.filter((row) => isInArea(row, area));
  // A suppressed area is in the file all the same: saying so beats listing the areas that are not it.
  const suppressedInArea = data.suppressed.filter((scope) => scope.level === level && isInArea(scope, area));
  const suppressed =
    suppressedInArea.find((scope) => normalise(scope.phase) === phase) ??
    (inArea.length === 0 ? suppressedInArea[0] : undefined);
  if (inArea.length === 0) {
    if (suppressed !== undefined) throw suppressedError(suppressed, choice.area);
    throw choiceError(
      'area',
      `The file has no ${levelName} figures for ${excerpt(choice.area ?? '')}; its ${availableAreas(atLevel, level)}. Phases: ${listOf(distinct(atLevel.map((row) => row.phase)))}.`,
      level === 'national'
        ? 'the country, or no area'
        : `a ${level === 'regional' ? 'region' : 'local authority'} in the file`,
      choice.area
    );
  }
  const name = areaOf(inArea[0]!);
  const inPhase = inArea.filter((row) => normalise(row.phase) === phase);
  if (inPhase.length === 0) {
    if (suppressed !== undefined) throw suppressedError(suppressed, choice.area);
    const phases = distinct(inArea.map((row) => row.phase));
    throw choiceError(
      'phase',
      `The file has no ${excerpt(choice.phase ?? DEFAULT_PHASE)} figures for ${name}; its phases there: ${listOf(phases)}.`,
      `one of: ${listOf(phases)}`,
      choice.phase ?? DEFAULT_PHASE
    );
  }
  // Academic years written as six digits sort as numbers do.
  const periods = distinct(inPhase.map((row) => row.timePeriod)).sort(
    (left, right) => Number(left) - Number(right)
  );
  const latest = periods[periods.length - 1]!;
  const chosen = inPhase.filter((row) => row.timePeriod === latest);
  const row = chosen[0]!;
  if (chosen.length > 1) {
    const identifiers = chosen.map((each) => each.timeIdentifier);
    throw choiceError(
      'time_identifier',
      `The file holds ${chosen.length} sets of ${name} ${phaseWords(row.phase)} figures for ${academicYear(latest)} (${listOf(identifiers)}); keep only the rows of one to compare with.`,
      'one set of figures for the latest academic year',
      listOf(identifiers)
    );
  }
  const notes: string[] = [];
  if (periods.length > 1) {
    notes.push(
      `The file holds figures for ${listOf(periods.map(academicYear))}; these are the latest, ${academicYear(latest)}.`
    );
  }
  // Older figures stand in for newer ones DfE suppressed: say so, or the comparison would look current.
  const newerSuppressed = suppressedInArea.filter(
    (scope) => normalise(scope.phase) === phase && Number(scope.timePeriod) > Number(latest)
  );
  if (newerSuppressed.length > 0) {
    notes.push(
      `DfE suppressed the figures for ${listOf(distinct(newerSuppressed.map((scope) => academicYear(scope.timePeriod))))}.`
    );
  }
  const note = notes.length === 0 ? undefined : notes.join(' ');
  return {
    label: `${name}, ${phaseWords(row.phase)}`,
    level,
    area: name,
    phase: row.phase,
    timePeriod: academicYear(row.timePeriod),
    possible: row.possible,
    attended: row.attended,
    absent: row.absent,
    authorised: row.authorised,
    unauthorised: row.unauthorised,
    persistentAbsencePercent: row.persistentAbsencePercent,
    ...(note === undefined ? {} : { note }),
  };
}

function suppressedError(scope: PublishedAttendanceScope, given: string | undefined): AttendanceError {
  return choiceError(
    'area',
    `DfE suppressed the figures for ${areaOf(scope)}, ${phaseWords(scope.phase)}, ${academicYear(scope.timePeriod)} (line ${scope.line}: "c" or another marker in place of the session counts), so there is nothing to compare with; choose the region or England instead.`,
    'an area whose figures are published',
    given
  );
}
