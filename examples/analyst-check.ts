// An analyst's one-off check of a register export: read the long-format CSV (one row per pupil and session) as a
// stream, say how many rows were read, used and rejected (with the first few problems), then list the pupils at
// or above the 10 % persistent absence threshold.
//
// Run: npx tsx examples/analyst-check.ts [register.csv]
// Without an argument it reads the sample trust register in examples/data.

import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countSessions,
  groupMarksByPupil,
  isPersistentlyAbsent,
  toAbsenceRate,
  toPercentage,
} from '../src/index.js';
import type { SessionCounts } from '../src/index.js';
import { importRegisterCsv } from '../src/io/index.js';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/sample-trust-register.csv', import.meta.url));
const source = basename(file);

const report = await importRegisterCsv(createReadStream(file), { source });
console.log(
  `${source}: ${report.rowsRead} rows read, ${report.rowsUsed} used, ${report.rowsRejected} rejected`
);

const SHOWN_ISSUES = 5;
for (const issue of report.issues.slice(0, SHOWN_ISSUES))
  console.log(`  ${issue.severity}: ${issue.message}`);
if (report.issues.length > SHOWN_ISSUES)
  console.log(`  ... and ${report.issues.length - SHOWN_ISSUES} more issues`);

// Each pupil's sessions, counted by the DfE rules (the register code set is chosen by each mark's date).
const flagged: { pupilId: string; counts: SessionCounts }[] = [];
for (const [pupilId, marks] of groupMarksByPupil(report.marks)) {
  const counts = countSessions(marks);
  if (isPersistentlyAbsent(counts)) flagged.push({ pupilId, counts });
}
flagged.sort((a, b) => b.counts.absent * a.counts.possible - a.counts.absent * b.counts.possible);

const pupils = new Set(report.marks.map((mark) => mark.pupilId)).size;
console.log(`\n${flagged.length} of ${pupils} pupils are at or above 10 % absence (persistent absence):`);
console.log(
  `${'pupil'.padEnd(12)}${'absence'.padStart(9)}${'absent'.padStart(8)}${'possible'.padStart(10)}${'unauth.'.padStart(9)}`
);
for (const { pupilId, counts } of flagged) {
  const rate = toPercentage(toAbsenceRate(counts));
  const shown = rate.kind === 'percentage' ? `${rate.text} %` : 'n/a';
  console.log(
    `${pupilId.padEnd(12)}${shown.padStart(9)}${String(counts.absent).padStart(8)}` +
      `${String(counts.possible).padStart(10)}${String(counts.unauthorised).padStart(9)}`
  );
}
