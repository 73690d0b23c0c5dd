/**
 * Throughput of countSessions at trust scale: BENCH_PUPILS pupils (default 100,000) x 380 sessions, in the
 * compact form (one byte per mark) and the object form, on one thread. Prints marks per second and the
 * resident bytes per mark of the compact form. Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { COMPACT_CODES, countSessions, createSessionSlots, isoDate, toCompactCode } from '../src/index.js';
import type { CompactRegister, IsoDate, Session, SessionMark } from '../src/index.js';

const PUPILS = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const SCHOOL_DAYS = 190;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

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

function schoolDays(count: number): IsoDate[] {
  const days: IsoDate[] = [];
  const date = new Date(Date.UTC(2024, 8, 2));
  while (days.length < count) {
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(isoDate(date.toISOString().slice(0, 10)));
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return days;
}

// A realistic mix: about 93 % present, the rest spread over lateness, authorised, unauthorised and not-possible codes.
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
const byteOf = (code: string): number => toCompactCode(code) ?? 0;
const PRESENT_AM = byteOf('/');
const PRESENT_PM = byteOf('\\');
const ABSENCE_BYTES = ABSENCE_CODES.map(byteOf);

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
    `${label.padEnd(34)} ${formatRate(marks / best).padStart(18)} best, ${formatRate(marks / median).padStart(18)} median  (${ROUNDS} rounds; possible sessions ${checksum})`
  );
  return checksum;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const days = schoolDays(SCHOOL_DAYS);
const slotList: { date: IsoDate; session: Session }[] = days.flatMap((date) => [
  { date, session: 'AM' },
  { date, session: 'PM' },
]);
const slots = createSessionSlots(slotList);
const sessionsPerPupil = slotList.length;
const totalMarks = PUPILS * sessionsPerPupil;
console.log(
  `countSessions: ${PUPILS.toLocaleString('en-GB')} pupils x ${sessionsPerPupil} sessions = ${totalMarks.toLocaleString('en-GB')} marks, one thread`
);

gc();
const heapBefore = process.memoryUsage();
const random = createRandom(20240902);
const buffer = new Uint8Array(totalMarks);
for (let index = 0; index < totalMarks; index += 1) {
  buffer[index] =
    random() < 0.93
      ? index % 2 === 0
        ? PRESENT_AM
        : PRESENT_PM
      : ABSENCE_BYTES[Math.floor(random() * ABSENCE_BYTES.length)]!;
}
const compactRegisters: CompactRegister[] = [];
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  compactRegisters.push({
    slots,
    codes: buffer.subarray(pupil * sessionsPerPupil, (pupil + 1) * sessionsPerPupil),
  });
}
gc();
const heapAfter = process.memoryUsage();
const residentBytes =
  heapAfter.heapUsed - heapBefore.heapUsed + (heapAfter.arrayBuffers - heapBefore.arrayBuffers);
console.log(`compact form resident memory: ${(residentBytes / totalMarks).toFixed(2)} bytes per mark`);

const compactPossible = measure('compact form (Uint8Array)', totalMarks, () => {
  let possible = 0;
  for (const register of compactRegisters) possible += countSessions(register).possible;
  return possible;
});

// The object form shares the date strings between pupils, as a parsed export would intern them.
const objectRegisters: SessionMark[][] = [];
for (let pupil = 0; pupil < PUPILS; pupil += 1) {
  const marks: SessionMark[] = new Array<SessionMark>(sessionsPerPupil);
  const offset = pupil * sessionsPerPupil;
  for (let slot = 0; slot < sessionsPerPupil; slot += 1) {
    const { date, session } = slotList[slot]!;
    marks[slot] = { date, session, code: COMPACT_CODES[buffer[offset + slot]!]! };
  }
  objectRegisters.push(marks);
}
gc();
const objectPossible = measure('object form ({ date, session, code })', totalMarks, () => {
  let possible = 0;
  for (const marks of objectRegisters) possible += countSessions(marks).possible;
  return possible;
});

if (objectPossible !== compactPossible) {
  console.error(`the two forms disagree: ${objectPossible} vs ${compactPossible} possible sessions`);
  process.exit(1);
}
