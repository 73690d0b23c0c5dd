/**
 * Checks that two paths computed the same figures, field by field for every pupil, and describes the first
 * differences so that a disagreement can be chased to a pupil and a figure.
 */
import { FIGURE_FIELDS, formatDateNumber, NOT_REPORTED } from './figures.js';
import type { FigureField, PupilFigures } from './figures.js';

/** One figure of one pupil on which two paths disagree. */
export interface FigureDifference {
  readonly pupilId: string;
  readonly field: FigureField;
  readonly expected: number;
  readonly actual: number;
}

/** What a comparison found. */
export interface FigureComparison {
  readonly expectedName: string;
  readonly actualName: string;
  /** Pupil-figure pairs compared (a figure the actual path does not report is not compared). */
  readonly compared: number;
  /** Pupil-figure pairs not compared because the actual path does not report them. */
  readonly notReported: number;
  /** Every differing pupil-figure pair. */
  readonly differences: number;
  /** The number of differences per field. */
  readonly differencesByField: Readonly<Partial<Record<FigureField, number>>>;
  /** The first few differences, in pupil order. */
  readonly first: readonly FigureDifference[];
  /** A difference in size, when the two have different numbers of pupils. */
  readonly sizeMismatch?: string;
}

/**
 * Compares `actual` with `expected` for every pupil and figure. A value of `NOT_REPORTED` (-1) in `actual`
 * means the path does not give that figure for that pupil; it is counted apart, not compared.
 *
 * @param limit - How many differences to keep for reporting.
 */
export function compareFigures(
  expectedName: string,
  expected: PupilFigures,
  actualName: string,
  actual: PupilFigures,
  pupilIds: readonly string[],
  limit = 5
): FigureComparison {
  const base = { expectedName, actualName };
  if (expected.pupils !== actual.pupils || expected.pupils !== pupilIds.length) {
    return {
      ...base,
      compared: 0,
      notReported: 0,
      differences: 1,
      differencesByField: {},
      first: [],
      sizeMismatch: `${expectedName} has ${expected.pupils} pupils, ${actualName} ${actual.pupils}`,
    };
  }
  let compared = 0;
  let notReported = 0;
  let differences = 0;
  const differencesByField: Partial<Record<FigureField, number>> = {};
  const first: FigureDifference[] = [];
  for (let pupil = 0; pupil < expected.pupils; pupil += 1) {
    for (const field of FIGURE_FIELDS) {
      const actualValue = actual[field][pupil]!;
      if (actualValue === NOT_REPORTED) {
        notReported += 1;
        continue;
      }
      compared += 1;
      const expectedValue = expected[field][pupil]!;
      if (actualValue === expectedValue) continue;
      differences += 1;
      differencesByField[field] = (differencesByField[field] ?? 0) + 1;
      if (first.length < limit) {
        first.push({ pupilId: pupilIds[pupil]!, field, expected: expectedValue, actual: actualValue });
      }
    }
  }
  return { ...base, compared, notReported, differences, differencesByField, first };
}

function formatValue(field: FigureField, value: number): string {
  return field === 'firstReached' ? formatDateNumber(value) : String(value);
}

/** Lines describing a comparison: one line when they agree, the differences by field and the first few when not. */
export function describeComparison(comparison: FigureComparison): string[] {
  const { expectedName, actualName } = comparison;
  const unreported =
    comparison.notReported > 0
      ? ` (${comparison.notReported.toLocaleString('en-GB')} not reported by ${actualName}, not compared)`
      : '';
  if (comparison.sizeMismatch !== undefined) return [`MISMATCH ${comparison.sizeMismatch}`];
  if (comparison.differences === 0) {
    return [
      `agree: ${actualName} = ${expectedName} on ${comparison.compared.toLocaleString('en-GB')} pupil figures${unreported}`,
    ];
  }
  const byField = Object.entries(comparison.differencesByField)
    .map(([field, count]) => `${field} ${count.toLocaleString('en-GB')}`)
    .join(', ');
  return [
    `MISMATCH ${actualName} vs ${expectedName}: ${comparison.differences.toLocaleString('en-GB')} of ` +
      `${comparison.compared.toLocaleString('en-GB')} pupil figures differ (${byField})${unreported}`,
    ...comparison.first.map(
      (difference) =>
        `  pupil ${difference.pupilId} ${difference.field}: ${expectedName} ${formatValue(difference.field, difference.expected)}, ` +
        `${actualName} ${formatValue(difference.field, difference.actual)}`
    ),
  ];
}
