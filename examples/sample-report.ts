// The sample report that `npm start` prints: one line per pupil of the synthetic 2024/25 register in
// examples/data, then cohort totals. It validates the file at the edge and from then on works with
// whole-session counts; percentages are made last, for display only.

import { readFileSync } from 'node:fs';
import {
  classifyAbsence,
  classifyBand,
  countSessions,
  groupMarksByPupil,
  HCAT_POLICY,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  parseSessionMarks,
  toAbsenceRate,
  toAttendanceRate,
  toPercentage,
} from '../src/index.js';
import type {
  AbsenceThreshold,
  AttendanceIssue,
  AttendancePolicy,
  BandClassification,
  BandTable,
  Percentage,
  SessionCounts,
} from '../src/index.js';

const policy = HCAT_POLICY;
const letterColours = requireLetterColours(policy);

function requireLetterColours(chosen: AttendancePolicy): BandTable {
  if (chosen.letterColours === undefined)
    throw new Error(`The "${chosen.name}" policy has no letter colours.`);
  return chosen.letterColours;
}

// 1. Read and validate: parseSessionMarks throws one AttendanceError that lists every bad mark.
const text = readFileSync(new URL('./data/sample-register.json', import.meta.url), 'utf8');
const input: unknown = JSON.parse(text);
const marks = parseSessionMarks(input);

// 2. Group by pupil (every mark must say whose it is) and count each pupil's sessions. Anything that did not stop a count comes back as a warning.
const pupils: { readonly pupilId: string; readonly counts: SessionCounts }[] = [];
const warnings: AttendanceIssue[] = [];
for (const [pupilId, register] of groupMarksByPupil(marks)) {
  const counts = countSessions(register);
  pupils.push({ pupilId, counts });
  warnings.push(...counts.warnings);
}

// 3. Cohort totals are sums of sessions, as DfE computes them, never an average of pupils' rates.
const TOTALLED = [
  'possible',
  'attended',
  'present',
  'approvedEducationalActivity',
  'authorised',
  'unauthorised',
  'absent',
  'unmarked',
  'late',
  'lateAfterRegisterClosed',
] as const;
type Totals = Readonly<Record<(typeof TOTALLED)[number], number>>;

function sumCounts(all: readonly Totals[]): Totals {
  const entries = TOTALLED.map((field) => [field, all.reduce((sum, counts) => sum + counts[field], 0)]);
  return Object.fromEntries(entries) as Totals;
}

const cohort = sumCounts(pupils.map((pupil) => pupil.counts));

// 4. Format.
function percentText(percentage: Percentage): string {
  return percentage.kind === 'percentage' ? percentage.text : 'n/a';
}

function bandText(classification: BandClassification): string {
  return classification.kind === 'band' ? classification.band.label : 'no possible sessions';
}

function colourText(classification: BandClassification): string {
  if (classification.kind !== 'band') return '-';
  return classification.band.colour ?? classification.band.label;
}

function thresholdText(threshold: AbsenceThreshold): string {
  return threshold.comparison === 'at-least'
    ? `${threshold.percent} % or more`
    : `over ${threshold.percent} %`;
}

const columns = [
  { heading: 'Pupil', align: 'left' },
  { heading: 'Possible', align: 'right' },
  { heading: 'Present', align: 'right' },
  { heading: 'AEA', align: 'right' },
  { heading: 'Auth', align: 'right' },
  { heading: 'Unauth', align: 'right' },
  { heading: 'L', align: 'right' },
  { heading: 'U', align: 'right' },
  { heading: 'Unmarked', align: 'right' },
  { heading: 'Attend %', align: 'right' },
  { heading: 'Absence %', align: 'right' },
  { heading: 'Absence class', align: 'left' },
  { heading: 'Trust band', align: 'left' },
  { heading: 'RAG', align: 'left' },
] as const;

function countCells(label: string, counts: Totals): string[] {
  return [
    label,
    String(counts.possible),
    String(counts.present),
    String(counts.approvedEducationalActivity),
    String(counts.authorised),
    String(counts.unauthorised),
    String(counts.late),
    String(counts.lateAfterRegisterClosed),
    String(counts.unmarked),
    percentText(toPercentage(toAttendanceRate(counts), policy.display)),
    percentText(toPercentage(toAbsenceRate(counts), policy.display)),
  ];
}

function pupilCells(pupilId: string, counts: SessionCounts): string[] {
  return [
    ...countCells(pupilId, counts),
    classifyAbsence(counts, policy),
    bandText(classifyBand(counts, policy.bands)),
    colourText(classifyBand(counts, letterColours)),
  ];
}

const pupilRows = pupils.map((pupil) => pupilCells(pupil.pupilId, pupil.counts));
const totalRow = countCells('Total', cohort);
const widths = columns.map((column, index) =>
  Math.max(column.heading.length, ...[...pupilRows, totalRow].map((cells) => (cells[index] ?? '').length))
);

function formatLine(cells: readonly string[]): string {
  return columns
    .map((column, index) => {
      const cell = cells[index] ?? '';
      const width = widths[index] ?? 0;
      return column.align === 'left' ? cell.padEnd(width) : cell.padStart(width);
    })
    .join('  ')
    .trimEnd();
}

const heading = formatLine(columns.map((column) => column.heading));
const rule = '-'.repeat(heading.length);
const persistent = pupils.filter((pupil) => isPersistentlyAbsent(pupil.counts, policy)).length;
const severe = pupils.filter((pupil) => isSeverelyAbsent(pupil.counts, policy)).length;
const shareOfPupils = (count: number): string =>
  percentText(toPercentage({ kind: 'rate', numerator: count, denominator: pupils.length }, policy.display));

// 5. Print.
console.log(`Sample register 2024/25: ${pupils.length} pupils, policy "${policy.name}"`);
console.log(
  `Bands: ${policy.bands.name}; colours: ${letterColours.name}. ` +
    `Percentages to ${policy.display.decimals} dp (${policy.display.rounding}); ` +
    'thresholds are compared on whole sessions, never on rounded figures.'
);
console.log('');
console.log(heading);
console.log(rule);
for (const cells of pupilRows) console.log(formatLine(cells));
console.log(rule);
console.log(formatLine(totalRow));
console.log('');
console.log(
  `Cohort: ${cohort.attended} of ${cohort.possible} possible sessions attended ` +
    `(${percentText(toPercentage(toAttendanceRate(cohort), policy.display))} %); ` +
    `overall absence ${percentText(toPercentage(toAbsenceRate(cohort), policy.display))} % ` +
    `(authorised ${cohort.authorised}, unauthorised ${cohort.unauthorised}).`
);
console.log(
  `Persistent absentees (${thresholdText(policy.persistentAbsence)} of possible sessions missed, ` +
    `severe included): ${persistent} of ${pupils.length} pupils (${shareOfPupils(persistent)} %).`
);
console.log(
  `Severely absent (${thresholdText(policy.severeAbsence)}): ${severe} of ${pupils.length} pupils ` +
    `(${shareOfPupils(severe)} %).`
);
console.log('');
if (warnings.length === 0) {
  console.log('Warnings: none.');
} else {
  console.log(`Warnings (${warnings.length}):`);
  for (const warning of warnings) console.log(`  [${warning.code}] ${warning.message}`);
}
