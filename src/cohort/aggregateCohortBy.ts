import type { CohortTally } from './cohortTally.js';
import { addToTally, classifyEnrolment, createTally, toCohortFigures } from './cohortTally.js';
import { invalidArgument } from '../_internal/issues.js';
import { DFE_POLICY } from '../policy/presets.js';
import type {
  AggregateCohortOptions,
  CohortAttributeValue,
  CohortBreakdown,
  CohortEnrolment,
  CohortGroup,
} from './types.js';

interface GroupNode {
  readonly children: Map<CohortAttributeValue, GroupNode>;
  leaf: { readonly values: readonly CohortAttributeValue[]; readonly tally: CohortTally } | undefined;
}

/**
 * Breaks a cohort down by attributes: the figures of {@link aggregateCohort} for every combination of the named
 * attributes' values present, and for the whole cohort.
 *
 * @remarks
 * An enrolment lacking an attribute (or with no `attributes`) goes in a group whose key has `null` for it, beside
 * enrolments recorded with `null`. Values are grouped as they are: `9` and `'9'` are different groups. Every
 * enrolment the `include` option accepts belongs to exactly one group, including enrolments left out for no
 * possible sessions or inconsistent counts, which are counted (and reported) in their group's figures; so the
 * groups' counts add up to the overall figures.
 *
 * Groups are sorted by their key, attribute by attribute in the order named; for each attribute `null` comes
 * first, then `false` and `true`, then numbers in ascending order, then strings in code-unit order (the same on
 * every machine, unlike locale order).
 *
 * @param enrolments - The enrolments, each with its id, session counts and attributes.
 * @param attributeNames - The attributes to group by, e.g. `['yearGroup', 'fsm']`; each named once.
 * @param options - The policy (default {@link DFE_POLICY}) and which enrolments belong to the cohort.
 * @returns The groups in key order and the overall figures.
 * @throws {@link AttendanceError} If an attribute is named twice, or for the reasons {@link aggregateCohort} throws.
 * @example
 * const { groups, overall } = aggregateCohortBy(
 *   [
 *     { id: 'A', counts: { possible: 100, attended: 88, absent: 12, authorised: 12, unauthorised: 0 }, attributes: { fsm: true } },
 *     { id: 'B', counts: { possible: 100, attended: 98, absent: 2, authorised: 2, unauthorised: 0 }, attributes: { fsm: false } },
 *     { id: 'C', counts: { possible: 100, attended: 95, absent: 5, authorised: 3, unauthorised: 2 } },
 *   ],
 *   ['fsm']
 * );
 * groups.map((group) => [group.key['fsm'], group.persistentAbsentees]) //=> [[null, 0], [false, 0], [true, 1]]
 * overall.overallAbsenceRate //=> { kind: 'rate', numerator: 19, denominator: 300 }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: figures by characteristic from summed sessions)
 * @category Cohorts
 */
export function aggregateCohortBy(
  enrolments: readonly CohortEnrolment[],
  attributeNames: readonly string[],
  options: AggregateCohortOptions = {}
): CohortBreakdown {
  const repeated = attributeNames.findIndex((name, index) => attributeNames.indexOf(name) !== index);
  if (repeated !== -1) {
    invalidArgument({
      code: 'invalid_value',
      message: `Attribute "${attributeNames[repeated]!}" is named more than once; name each attribute to group by once.`,
      path: ['attributeNames', repeated],
      expected: 'distinct attribute names',
      received: attributeNames[repeated]!,
    });
  }
  const policy = options.policy ?? DFE_POLICY;
  const include = options.include;
  const overall = createTally(policy);
  const root: GroupNode = { children: new Map(), leaf: undefined };
  const leaves: { readonly values: readonly CohortAttributeValue[]; readonly tally: CohortTally }[] = [];

  for (let index = 0; index < enrolments.length; index += 1) {
    const enrolment = enrolments[index]!;
    if (include !== undefined && !include(enrolment)) continue;
    const outcome = classifyEnrolment(enrolment, index, policy);
    addToTally(overall, enrolment, outcome);
    let node = root;
    for (const name of attributeNames) {
      const value = attributeValue(enrolment, name);
      let child = node.children.get(value);
      if (child === undefined) {
        child = { children: new Map(), leaf: undefined };
        node.children.set(value, child);
      }
      node = child;
    }
    if (node.leaf === undefined) {
      node.leaf = {
        values: attributeNames.map((name) => attributeValue(enrolment, name)),
        tally: createTally(policy),
      };
      leaves.push(node.leaf);
    }
    addToTally(node.leaf.tally, enrolment, outcome);
  }

  leaves.sort((left, right) => compareKeys(left.values, right.values));
  const groups = leaves.map(({ values, tally }): CohortGroup => ({
    key: Object.fromEntries(attributeNames.map((name, position) => [name, values[position] ?? null])),
    ...toCohortFigures(tally, policy),
  }));
  return { attributes: [...attributeNames], groups, overall: toCohortFigures(overall, policy) };
}

/** An attribute's own value; a missing one (or one inherited from `Object.prototype`, such as `constructor`) is `null`. */
function attributeValue(enrolment: CohortEnrolment, name: string): CohortAttributeValue {
  const attributes = enrolment.attributes;
  if (attributes === undefined || !Object.hasOwn(attributes, name)) return null;
  return attributes[name] ?? null;
}

function typeRank(value: CohortAttributeValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return 1;
  return typeof value === 'number' ? 2 : 3;
}

function compareValues(left: CohortAttributeValue, right: CohortAttributeValue): number {
  const rankDifference = typeRank(left) - typeRank(right);
  if (rankDifference !== 0) return rankDifference;
  // Both values have one type rank, so both or neither are numbers; and Number.isNaN is false for a non-number:
  // forcing this guard true or making it || changes nothing (it narrows the types for the compiler).
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
  if (typeof left === 'number' && typeof right === 'number') {
    // NaN is one group (Map keys compare SameValueZero); it sorts after every other number.
    if (Number.isNaN(left) || Number.isNaN(right))
      return Number(Number.isNaN(left)) - Number(Number.isNaN(right));
  }
  // A fast path: the next line also gives 0 for two nulls and for equal values, so weakening it changes nothing.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
  if (left === null || right === null || left === right) return 0;
  // Values reaching here are distinct, of one type and not NaN: <= acts as <, and "not less" means "greater".
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareKeys(left: readonly CohortAttributeValue[], right: readonly CohortAttributeValue[]): number {
  // Every key has one value per attribute; a step past the end compares null with null, which gives 0.
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let position = 0; position < left.length; position += 1) {
    const difference = compareValues(left[position] ?? null, right[position] ?? null);
    if (difference !== 0) return difference;
  }
  return 0;
}
