import { z } from 'zod';
import { WindowRuleSchema } from '../windows/schema.js';
import type { AttendancePolicy, BandTable } from './types.js';

const TWO_DECIMALS_TOLERANCE = 1e-9;

/** A percentage from 0 to 100 with at most two decimal places, so that comparisons can be done in integers. */
export const PercentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < TWO_DECIMALS_TOLERANCE, {
    message: 'Expected a percentage with at most two decimal places.',
    params: { expected: 'a percentage with at most two decimal places' },
  });

const BandSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  from: PercentSchema,
  fromInclusive: z.boolean(),
  to: PercentSchema,
  toInclusive: z.boolean(),
  colour: z.string().min(1).exactOptional(),
});

/** A band table: shape first, then coverage of 0–100 % with every boundary owned by exactly one band. */
export const BandTableSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    measure: z.enum(['attendance', 'absence']),
    source: z.string(),
    bands: z.array(BandSchema).min(1),
  })
  .superRefine((table, context) => {
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
      } else if (band.to > next.from || (band.to === next.from && band.toInclusive && next.fromInclusive)) {
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
  }) satisfies z.ZodType<BandTable>;

const AbsenceThresholdSchema = z.strictObject({
  percent: PercentSchema,
  comparison: z.enum(['at-least', 'more-than']),
  minimumPossibleSessions: z.int().min(0),
});

/** The whole policy; its type must stay assignable to {@link AttendancePolicy} (checked by the compiler). */
export const AttendancePolicySchema = z
  .strictObject({
    name: z.string().min(1),
    persistentAbsence: AbsenceThresholdSchema,
    severeAbsence: AbsenceThresholdSchema,
    display: z.strictObject({
      decimals: z.int().min(0).max(6),
      rounding: z.enum(['half-up', 'half-even', 'down', 'up']),
    }),
    bands: BandTableSchema,
    letterColours: BandTableSchema.exactOptional(),
    penaltyNotice: WindowRuleSchema,
  })
  .superRefine((policy, context) => {
    if (policy.severeAbsence.percent < policy.persistentAbsence.percent) {
      context.addIssue({
        code: 'custom',
        path: ['severeAbsence', 'percent'],
        message: `The severe-absence threshold (${policy.severeAbsence.percent} %) is below the persistent-absence threshold (${policy.persistentAbsence.percent} %).`,
        params: { code: 'invalid_value', expected: `at least ${policy.persistentAbsence.percent}` },
        input: policy.severeAbsence.percent,
      });
    }
  }) satisfies z.ZodType<AttendancePolicy>;
