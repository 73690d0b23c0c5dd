/**
 * Throughput of countRollingWindow with the national penalty-notice rule (10 sessions of G, N, O or U within 10
 * school weeks) at trust scale: BENCH_PUPILS pupils (default 100,000) x the 380 sessions of the example calendar's
 * 2024/25 school year, in the compact form (one byte per mark) and the object form, on one thread. Prints marks per
 * second. Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import {
  COMPACT_CODES,
  countRollingWindow,
  defineSchoolCalendar,
  isoDate,
  toCompactCode,
  toSessionSlots,
} from '../src/index.js';
import type { CompactRegister, SessionMark, WindowRule } from '../src/index.js';
import exampleCalendar from '../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

const PUPILS = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

const NATIONAL: WindowRule = { length: 10, unit: 'school-weeks', threshold: 10, codes: ['G', 'N', 'O', 'U'] };

/** A small seeded generator (mulberry32) so every run counts the same register. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A realistic mix: most pupils present about 93 % of sessions, the rest spread over lateness, authorised,
// unauthorised and not-possible codes; one pupil in ten absent about a quarter of the time, mostly unauthorised, so
// that some windows reach the threshold.
const ABSENCE_CODES = [
  'L',
  'L',
  'U',
  'I',
  'I',
  'I',
  'M',
  'C',
  'G',
  'N',
  'O',
  'V',
  'B',
  'Y4',
  '#',
  'C2',
  'R',
  'E',
  'K',
  'S',
];
const UNAUTHORISED_CODES = ['G', 'N', 'O', 'O', 'U', 'I'];
const byteOf = (code: string): number => toCompactCode(code) ?? 0;
const PRESENT_AM = byteOf('/');
const PRESENT_PM = byteOf('\\');
const ABSENCE_BYTES = ABSENCE_CODES.map(byteOf);
const UNAUTHORISED_BYTES = UNAUTHORISED_CODES.map(byteOf);

function formatRate(marksPerSecond: number): string {
  return `${(marksPerSecond / 1e6).toFixed(1)}M marks/s`;
}

function measure(label: string, marks: number, run: () => number): number {
  const seconds: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    checksum = run();
    seconds.push((performance.now() - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const best = seconds[0]!;
  const median = seconds[Math.floor(seconds.length / 2)]!;
  console.log(
    `${label.padEnd(34)} ${formatRate(marks / best).padStart(18)} best, ${formatRate(marks / median).padStart(18)} median  (${ROUNDS} rounds; checksum ${checksum})`
  );
  return checksum;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const calendar = defineSchoolCalendar(exampleCalendar);
const slots = toSessionSlots(calendar, { from: isoDate('2024-09-01'), to: isoDate('2025-08-31') });
const sessionsPerPupil = slots.dates.length;
const totalMarks = PUPILS * sessionsPerPupil;
console.log(
  `countRollingWindow (10 G/N/O/U sessions in 10 school weeks): ${PUPILS.toLocaleString('en-GB')} pupils x ${sessionsPerPupil} sessions = ${totalMarks.toLocaleString('en-GB')} marks, one thread`
);

const random = createRandom(20240902);
const buffer = new Uint8Array(totalMarks);
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  const frequentlyAbsent = random() < 0.1;
  const presentRate = frequentlyAbsent ? 0.75 : 0.93;
  const offset = pupil * sessionsPerPupil;
  for (let slot = 0; slot < sessionsPerPupil; slot += 1) {
    const index = offset + slot;
    if (random() < presentRate) {
      buffer[index] = slots.sessions[slot] === 'AM' ? PRESENT_AM : PRESENT_PM;
    } else if (frequentlyAbsent) {
      buffer[index] = UNAUTHORISED_BYTES[Math.floor(random() * UNAUTHORISED_BYTES.length)]!;
    } else {
      buffer[index] = ABSENCE_BYTES[Math.floor(random() * ABSENCE_BYTES.length)]!;
    }
  }
}
const compactRegisters: CompactRegister[] = [];
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  compactRegisters.push({
    slots,
    codes: buffer.subarray(pupil * sessionsPerPupil, (pupil + 1) * sessionsPerPupil),
  });
}

/** The number of pupils reaching the threshold and the sum of their largest window counts, as one checksum. */
function checksumOf(reached: number, maxima: number): number {
  return reached * 1e9 + maxima;
}

gc();
const compactChecksum = measure('compact form (Uint8Array)', totalMarks, () => {
  let reached = 0;
  let maxima = 0;
  for (const register of compactRegisters) {
    const result = countRollingWindow(register, calendar, NATIONAL);
    if (result.reached) reached += 1;
    maxima += result.maximum;
  }
  return checksumOf(reached, maxima);
});

// The object form shares the date strings between pupils, as a parsed export would intern them.
const objectRegisters: SessionMark[][] = [];
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  const marks: SessionMark[] = new Array<SessionMark>(sessionsPerPupil);
  const offset = pupil * sessionsPerPupil;
  for (let slot = 0; slot < sessionsPerPupil; slot += 1) {
    marks[slot] = {
      date: slots.dates[slot]!,
      session: slots.sessions[slot]!,
      code: COMPACT_CODES[buffer[offset + slot]!]!,
    };
  }
  objectRegisters.push(marks);
}
gc();
const objectChecksum = measure('object form ({ date, session, code })', totalMarks, () => {
  let reached = 0;
  let maxima = 0;
  for (const marks of objectRegisters) {
    const result = countRollingWindow(marks, calendar, NATIONAL);
    if (result.reached) reached += 1;
    maxima += result.maximum;
  }
  return checksumOf(reached, maxima);
});

const pupilsReaching = Math.floor(compactChecksum / 1e9);
console.log(
  `${pupilsReaching.toLocaleString('en-GB')} of ${PUPILS.toLocaleString('en-GB')} pupils reach 10 sessions within 10 school weeks`
);

if (objectChecksum !== compactChecksum) {
  console.error(`the two forms disagree: checksum ${objectChecksum} vs ${compactChecksum}`);
  process.exit(1);
}
