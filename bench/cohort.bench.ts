/**
 * Throughput of aggregateCohort and aggregateCohortBy at trust scale: BENCH_PUPILS enrolments (default 100,000)
 * with year-long session counts, grouped by year group (7 to 11) and free school meals. Prints enrolments per
 * second, best and median of BENCH_ROUNDS rounds. Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { aggregateCohort, aggregateCohortBy } from '../src/index.js';
import type { CohortEnrolment } from '../src/index.js';

const PUPILS = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const POSSIBLE_SESSIONS = 380;

/** A small seeded generator (mulberry32) so every run aggregates the same cohort. */
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

function formatRate(enrolmentsPerSecond: number): string {
  return `${(enrolmentsPerSecond / 1e6).toFixed(2)}M enrolments/s`;
}

function measure(label: string, run: () => string): void {
  const seconds: number[] = [];
  let summary = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    summary = run();
    seconds.push((performance.now() - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const best = seconds[0]!;
  const median = seconds[Math.floor(seconds.length / 2)]!;
  console.log(
    `${label.padEnd(34)} ${formatRate(PUPILS / best).padStart(22)} best, ${formatRate(PUPILS / median).padStart(22)} median  (${ROUNDS} rounds; ${summary})`
  );
}

const random = createRandom(20240902);
const enrolments: CohortEnrolment[] = [];
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  // About 1 % join too late to have a possible session; absence is skewed (about 4 % overall) so that
  // about 17 % are persistent absentees.
  const possible = random() < 0.01 ? 0 : POSSIBLE_SESSIONS - Math.floor(random() * 40);
  const absent = Math.min(possible, Math.floor(possible * 0.3 * random() ** 6));
  const unauthorised = Math.floor(absent * random());
  enrolments.push({
    id: `P${pupil}`,
    counts: {
      possible,
      attended: possible - absent,
      absent,
      authorised: absent - unauthorised,
      unauthorised,
    },
    attributes: { yearGroup: 7 + Math.floor(random() * 5), fsm: random() < 0.25 },
  });
}
console.log(`aggregateCohort: ${PUPILS.toLocaleString('en-GB')} enrolments, one thread`);

measure('aggregateCohort', () => {
  const cohort = aggregateCohort(enrolments);
  return `${cohort.enrolments} included, ${cohort.persistentAbsentees} persistent absentees`;
});
measure('aggregateCohortBy yearGroup, fsm', () => {
  const { groups, overall } = aggregateCohortBy(enrolments, ['yearGroup', 'fsm']);
  return `${groups.length} groups, ${overall.possible} possible sessions`;
});
