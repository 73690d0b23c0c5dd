// The README's quick start, runnable: `npx tsx examples/quick-start.ts`.

import {
  classifyAbsence,
  countSessions,
  isoDate,
  toAbsenceRate,
  toAttendanceRate,
  toPercentage,
} from '../src/index.js';
import type { SessionMark } from '../src/index.js';

// One pupil's week. isoDate checks that each string names a real day.
const marks: SessionMark[] = [
  { date: isoDate('2024-09-09'), session: 'AM', code: '/' }, // present
  { date: isoDate('2024-09-09'), session: 'PM', code: '\\' }, // present
  { date: isoDate('2024-09-10'), session: 'AM', code: 'L' }, // late before the register closed: present
  { date: isoDate('2024-09-10'), session: 'PM', code: '\\' },
  { date: isoDate('2024-09-11'), session: 'AM', code: 'I' }, // illness: authorised absence
  { date: isoDate('2024-09-11'), session: 'PM', code: 'I' },
  { date: isoDate('2024-09-12'), session: 'AM', code: 'Y4' }, // school closed by snow: not a possible session
  { date: isoDate('2024-09-12'), session: 'PM', code: 'Y4' },
  { date: isoDate('2024-09-13'), session: 'AM', code: '/' },
  { date: isoDate('2024-09-13'), session: 'PM', code: 'G' }, // holiday without leave: unauthorised absence
];

const counts = countSessions(marks);
console.log(counts.possible, counts.present, counts.authorised, counts.unauthorised, counts.notPossible);
//=> 8 5 2 1 2

const attendance = toAttendanceRate(counts);
console.log(attendance);
//=> { kind: 'rate', numerator: 5, denominator: 8 }

console.log(toPercentage(attendance));
//=> { kind: 'percentage', text: '62.5', value: 62.5 }

console.log(toPercentage(toAbsenceRate(counts)));
//=> { kind: 'percentage', text: '37.5', value: 37.5 }

console.log(classifyAbsence(counts));
//=> 'persistent' (3 of 8 possible sessions missed: 10 % or more, below 50 %)
