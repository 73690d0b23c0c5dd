/**
 * Throughput of runEscalation with the trust's stages (HCAT_ESCALATION_POLICY) and the national penalty-notice
 * rule: a year of weekly reviews for each of BENCH_PUPILS pupils (default 10,000) over the 380 sessions of the
 * example calendar's 2024/25 school year, in the compact form (one byte per mark), on one thread. Prints pupils
 * and reviews per second, and how many pupils end the year at each stage. Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import {
  defineSchoolCalendar,
  HCAT_ESCALATION_POLICY,
  isoDate,
  runEscalation,
  toCompactCode,
  toSessionSlots,
} from '../src/index.js';
import type { CompactRegister, EscalationStage } from '../src/index.js';
import exampleCalendar from '../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

const PUPILS = Number(process.env['BENCH_PUPILS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

/** A small seeded generator (mulberry32) so every run reviews the same registers. */
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

const byteOf = (code: string): number => toCompactCode(code) ?? 0;
const PRESENT_AM = byteOf('/');
const PRESENT_PM = byteOf('\\');
// Absence as schools record it: mostly illness and other authorised reasons, some unauthorised.
const AUTHORISED_BYTES = ['I', 'I', 'I', 'I', 'M', 'C', 'R', 'E', 'S'].map(byteOf);
const UNAUTHORISED_BYTES = ['O', 'O', 'N', 'U', 'G'].map(byteOf);
const HOLIDAY = byteOf('G');

/**
 * A pupil's pattern of absence: a share of sessions missed at the start of the year, a drift by the end (so some
 * pupils slide through the stages and others recover), the share of absence that is unauthorised, and whether
 * the family takes a week's term-time holiday (which reaches the penalty-notice threshold on its own).
 */
interface Pattern {
  readonly startRate: number;
  readonly endRate: number;
  readonly unauthorisedShare: number;
  readonly holidayWeekStart: number | null;
}

function patternOf(random: () => number, sessions: number): Pattern {
  const draw = random();
  const holidayWeekStart = random() < 0.04 ? Math.floor(random() * (sessions - 10)) : null;
  if (draw < 0.6) return { startRate: 0.02, endRate: 0.03, unauthorisedShare: 0.1, holidayWeekStart };
  if (draw < 0.8) return { startRate: 0.06, endRate: 0.05, unauthorisedShare: 0.15, holidayWeekStart };
  if (draw < 0.9) return { startRate: 0.12, endRate: 0.03, unauthorisedShare: 0.15, holidayWeekStart };
  if (draw < 0.97) return { startRate: 0.08, endRate: 0.16, unauthorisedShare: 0.2, holidayWeekStart };
  return { startRate: 0.15, endRate: 0.3, unauthorisedShare: 0.45, holidayWeekStart };
}

function formatRate(perSecond: number, unit: string): string {
  return perSecond >= 1e6
    ? `${(perSecond / 1e6).toFixed(2)}M ${unit}/s`
    : `${Math.round(perSecond).toLocaleString('en-GB')} ${unit}/s`;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const calendar = defineSchoolCalendar(exampleCalendar);
const year = { from: isoDate('2024-09-01'), to: isoDate('2025-08-31') };
const slots = toSessionSlots(calendar, year);
const sessionsPerPupil = slots.dates.length;
console.log(
  `runEscalation (trust stages, weekly reviews, national penalty-notice rule): ${PUPILS.toLocaleString('en-GB')} pupils x ${sessionsPerPupil} sessions, one thread`
);

const random = createRandom(20240902);
const buffer = new Uint8Array(PUPILS * sessionsPerPupil);
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  const pattern = patternOf(random, sessionsPerPupil);
  const offset = pupil * sessionsPerPupil;
  for (let slot = 0; slot < sessionsPerPupil; slot += 1) {
    const index = offset + slot;
    const absenceRate =
      pattern.startRate + ((pattern.endRate - pattern.startRate) * slot) / (sessionsPerPupil - 1);
    if (
      pattern.holidayWeekStart !== null &&
      slot >= pattern.holidayWeekStart &&
      slot < pattern.holidayWeekStart + 10
    ) {
      buffer[index] = HOLIDAY;
    } else if (random() >= absenceRate) {
      buffer[index] = slots.sessions[slot] === 'AM' ? PRESENT_AM : PRESENT_PM;
    } else if (random() < pattern.unauthorisedShare) {
      buffer[index] = UNAUTHORISED_BYTES[Math.floor(random() * UNAUTHORISED_BYTES.length)]!;
    } else {
      buffer[index] = AUTHORISED_BYTES[Math.floor(random() * AUTHORISED_BYTES.length)]!;
    }
  }
}
const registers: CompactRegister[] = [];
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  registers.push({ slots, codes: buffer.subarray(pupil * sessionsPerPupil, (pupil + 1) * sessionsPerPupil) });
}

interface RoundResult {
  readonly reviews: number;
  readonly byStage: readonly number[];
}

function runAll(): RoundResult {
  let reviews = 0;
  const byStage = [0, 0, 0, 0, 0, 0];
  for (let pupil = 0; pupil < PUPILS; pupil += 1) {
    const timeline = runEscalation(registers[pupil]!, calendar, {
      pupilId: `P${pupil}`,
      policy: HCAT_ESCALATION_POLICY,
      range: year,
    });
    reviews += timeline.steps.length;
    byStage[timeline.state.stage] = (byStage[timeline.state.stage] ?? 0) + 1;
  }
  return { reviews, byStage };
}

gc();
const seconds: number[] = [];
let result: RoundResult | undefined;
for (let round = 0; round < ROUNDS; round += 1) {
  const start = performance.now();
  const current = runAll();
  seconds.push((performance.now() - start) / 1000);
  if (result !== undefined && current.byStage.join() !== result.byStage.join()) {
    console.error(
      `round ${round + 1} disagrees with round 1: ${current.byStage.join()} vs ${result.byStage.join()}`
    );
    process.exit(1);
  }
  result = current;
}
seconds.sort((a, b) => a - b);
const best = seconds[0]!;
const median = seconds[Math.floor(seconds.length / 2)]!;
const reviews = result?.reviews ?? 0;
console.log(
  `${'pupils (a year each)'.padEnd(34)} ${formatRate(PUPILS / best, 'pupils').padStart(22)} best, ${formatRate(PUPILS / median, 'pupils').padStart(22)} median  (${ROUNDS} rounds)`
);
console.log(
  `${'weekly reviews'.padEnd(34)} ${formatRate(reviews / best, 'reviews').padStart(22)} best, ${formatRate(reviews / median, 'reviews').padStart(22)} median  (${reviews.toLocaleString('en-GB')} reviews)`
);
const stages: readonly EscalationStage[] = [0, 1, 2, 3, 4, 5];
console.log(
  `pupils by final stage: ${stages.map((stage) => `${stage}: ${(result?.byStage[stage] ?? 0).toLocaleString('en-GB')}`).join(', ')}`
);
