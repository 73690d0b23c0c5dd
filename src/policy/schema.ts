import * as z from 'zod/mini';
import { windowRuleSchema } from '../windows/schema.js';
import { lazy } from '../_internal/lazy.js';
import type { AttendancePolicy, BandTable } from './types.js';

const TWO_DECIMALS_TOLERANCE = 1e-9;

/**
 * A percentage from 0 to 100 with at most two decimal places, so that comparisons can be done in integers. Like
 * every schema here it is built on first use (see {@link lazy}), so that importing this module builds nothing.
 */
export const percentSchema = /* @__PURE__ */ lazy(() =>
  z.number().check(
    z.minimum(0),
    z.maximum(100),
    z.refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < TWO_DECIMALS_TOLERANCE, {
      message: 'Expected a percentage with at most two decimal places.',
      params: { expected: 'a percentage with at most two decimal places' },
    })
  )
);

const bandSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    id: z.string().check(z.minLength(1)),
    label: z.string().check(z.minLength(1)),
    from: percentSchema(),
    fromInclusive: z.boolean(),
    to: percentSchema(),
    toInclusive: z.boolean(),
    colour: z.exactOptional(z.string().check(z.minLength(1))),
  })
);

/** A band table: shape first, then coverage of 0–100 % with every boundary owned by exactly one band. */
export const bandTableSchema = /* @__PURE__ */ lazy(
  () =>
    z
      .strictObject({
        id: z.string().check(z.minLength(1)),
        name: z.string().check(z.minLength(1)),
        measure: z.enum(['attendance', 'absence']),
        source: z.string(),
        bands: z.array(bandSchema()).check(z.minLength(1)),
      })
      .check(
        z.superRefine((table, context) => {
          const { bands } = table;
          const first = bands[0];
          const last = bands[bands.length - 1];
          if (first !== undefined && (first.from !== 0 || !first.fromInclusive)) {
            context.addIssue({
              code: 'custom',
              path: ['bands', 0, 'from'],
              message: `The first band must start at 0 % inclusive; "${first.id}" starts at ${first.from} %${first.fromInclusive ? '' : ' exclusive'}.`,
              params: { code: 'band_bounds', expected: 'from: 0, fromInclusive: true' },
              input: first,
            });
          }
          if (last !== undefined && (last.to !== 100 || !last.toInclusive)) {
            context.addIssue({
              code: 'custom',
              path: ['bands', bands.length - 1, 'to'],
              message: `The last band must end at 100 % inclusive; "${last.id}" ends at ${last.to} %${last.toInclusive ? '' : ' exclusive'}.`,
              params: { code: 'band_bounds', expected: 'to: 100, toInclusive: true' },
              input: last,
            });
          }
          bands.forEach((band, index) => {
            const empty =
              band.from > band.to || (band.from === band.to && !(band.fromInclusive && band.toInclusive));
            if (empty) {
              context.addIssue({
                code: 'custom',
                path: ['bands', index],
                message: `Band "${band.id}" contains no rate (from ${band.from} % to ${band.to} %).`,
                params: {
                  code: 'band_bounds',
                  expected: 'from below to, or a single rate with both ends inclusive',
                },
                input: band,
              });
            }
            const next = bands[index + 1];
            if (next === undefined) return;
            const pair = `"${band.id}" (to ${band.to} %${band.toInclusive ? ' inclusive' : ''}) and "${next.id}" (from ${next.from} %${next.fromInclusive ? ' inclusive' : ''})`;
            if (band.to < next.from || (band.to === next.from && !band.toInclusive && !next.fromInclusive)) {
              context.addIssue({
                code: 'custom',
                path: ['bands', index + 1, 'from'],
                message: `Gap between bands ${pair}: some rates belong to no band.`,
                params: {
                  code: 'band_gap',
                  expected: `from: ${band.to} with exactly one of the two ends inclusive`,
                },
                input: next,
              });
            } else if (
              band.to > next.from ||
              (band.to === next.from && band.toInclusive && next.fromInclusive)
            ) {
              context.addIssue({
                code: 'custom',
                path: ['bands', index + 1, 'from'],
                message: `Bands ${pair} overlap: some rates belong to both.`,
                params: {
                  code: 'band_overlap',
                  expected: `from: ${band.to} with exactly one of the two ends inclusive`,
                },
                input: next,
              });
            }
          });
        })
      ) satisfies z.ZodMiniType<BandTable>
);

const absenceThresholdSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    percent: percentSchema(),
    comparison: z.enum(['at-least', 'more-than']),
    minimumPossibleSessions: z.int().check(z.minimum(0)),
  })
);

/** The whole policy; its type must stay assignable to {@link AttendancePolicy} (checked by the compiler). */
export const attendancePolicySchema = /* @__PURE__ */ lazy(
  () =>
    z
      .strictObject({
        name: z.string().check(z.minLength(1)),
        persistentAbsence: absenceThresholdSchema(),
        severeAbsence: absenceThresholdSchema(),
        display: z.strictObject({
          decimals: z.int().check(z.minimum(0), z.maximum(6)),
          rounding: z.enum(['half-up', 'half-even', 'down', 'up']),
        }),
        bands: bandTableSchema(),
        letterColours: z.exactOptional(bandTableSchema()),
        penaltyNotice: windowRuleSchema(),
      })
      .check(
        z.superRefine((policy, context) => {
          if (policy.severeAbsence.percent < policy.persistentAbsence.percent) {
            context.addIssue({
              code: 'custom',
              path: ['severeAbsence', 'percent'],
              message: `The severe-absence threshold (${policy.severeAbsence.percent} %) is below the persistent-absence threshold (${policy.persistentAbsence.percent} %).`,
              params: { code: 'invalid_value', expected: `at least ${policy.persistentAbsence.percent}` },
              input: policy.severeAbsence.percent,
            });
          }
        })
      ) satisfies z.ZodMiniType<AttendancePolicy>
);
