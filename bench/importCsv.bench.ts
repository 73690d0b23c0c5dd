/**
 * Streaming import of a trust-sized long-format register CSV: BENCH_PUPILS pupils (default 50,000) x one school
 * year (about 380 sessions each, so about 19 million rows), written by the seeded synthetic generator to a
 * temporary file and read back with importRegisterCsv from a file stream. Marks are tallied per pupil in onMarks
 * and then dropped, so the import should run in memory that does not grow with the file: the peak resident set
 * size printed at the end stays far below the size of the file. Run with `npm run bench`; BENCH_PUPILS=2000 is a
 * quick check.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defineSchoolCalendar, toCompactCode } from '../src/index.js';
import { importRegisterCsv } from '../src/io/index.js';
import { generateSyntheticMarks } from '../examples/synthetic/syntheticRegister.js';

const PUPILS = Number(process.env['BENCH_PUPILS'] ?? 50_000);
const SEED = 20240902;
const WRITE_BUFFER = 1 << 20;
const MB = 1024 * 1024;

const calendar = defineSchoolCalendar(
  JSON.parse(
    readFileSync(new URL('../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
  )
);
const schoolYear = calendar.years[0]!;
const from = schoolYear.halfTerms[0]!.start;
const to = schoolYear.halfTerms.at(-1)!.end;

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

/** Writes the register as the generic long format; returns the number of data rows. */
async function writeRegister(file: string): Promise<number> {
  const out = createWriteStream(file);
  let buffer = 'pupil_id,date,session,code,minutes_late,comment\n';
  let rows = 0;
  for (const mark of generateSyntheticMarks({ pupils: PUPILS, seed: SEED, calendar, from, to })) {
    buffer += `${mark.pupilId},${mark.date},${mark.session},${mark.code},${mark.minutesLate ?? ''},\n`;
    rows += 1;
    if (buffer.length >= WRITE_BUFFER) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return rows;
}

const folder = mkdtempSync(join(tmpdir(), 'school-attendance-bench-'));
const file = join(folder, 'register.csv');
try {
  const writeStart = performance.now();
  const rowsWritten = await writeRegister(file);
  const fileBytes = statSync(file).size;
  console.log(
    `importRegisterCsv: ${PUPILS.toLocaleString('en-GB')} pupils, ${rowsWritten.toLocaleString('en-GB')} rows, ` +
      `${megabytes(fileBytes)} written in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`
  );

  globalThis.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  let progressCalls = 0;
  const marksPerPupil = new Map<string, number>();
  const marksPerCode = new Float64Array(64);

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const report = await importRegisterCsv(createReadStream(file, { highWaterMark: WRITE_BUFFER }), {
    source: 'register.csv',
    onMarks: (batch) => {
      for (const mark of batch) {
        marksPerPupil.set(mark.pupilId, (marksPerPupil.get(mark.pupilId) ?? 0) + 1);
        marksPerCode[toCompactCode(mark.code) ?? 63]! += 1;
      }
    },
    onProgress: () => {
      progressCalls += 1;
      if (progressCalls % 8 !== 0) return;
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed);
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);

  const tallied = [...marksPerPupil.values()].reduce((sum, count) => sum + count, 0);
  const problems = [
    report.rowsRead === rowsWritten ? undefined : `read ${report.rowsRead} rows of ${rowsWritten}`,
    report.rowsUsed === rowsWritten ? undefined : `used ${report.rowsUsed} rows of ${rowsWritten}`,
    report.issues.length === 0
      ? undefined
      : `${report.issues.length} issues, first: ${report.issues[0]!.message}`,
    marksPerPupil.size === PUPILS ? undefined : `${marksPerPupil.size} pupils tallied of ${PUPILS}`,
    tallied === rowsWritten ? undefined : `${tallied} marks tallied of ${rowsWritten}`,
    report.marks.length === 0 ? undefined : 'marks were kept although onMarks took them',
  ].filter((problem) => problem !== undefined);

  console.log(
    `  ${(report.rowsRead / seconds / 1e6).toFixed(2)}M rows/s, ${(fileBytes / MB / seconds).toFixed(0)} MB/s, ` +
      `${seconds.toFixed(1)} s for ${report.rowsRead.toLocaleString('en-GB')} rows ` +
      `(${report.rowsUsed.toLocaleString('en-GB')} used, ${report.rowsRejected} rejected)`
  );
  // On a busy machine the wall-clock rate understates the importer; CPU time is what it actually cost.
  console.log(
    `  CPU ${cpuSeconds.toFixed(1)} s: ${(report.rowsRead / cpuSeconds / 1e6).toFixed(2)}M rows per CPU-second, ` +
      `${(fileBytes / MB / cpuSeconds).toFixed(0)} MB per CPU-second`
  );
  console.log(
    `  memory: peak RSS ${megabytes(peakRss)} (before import ${megabytes(baseline.rss)}), ` +
      `peak heap used ${megabytes(peakHeap)} (before ${megabytes(baseline.heapUsed)}); file ${megabytes(fileBytes)}`
  );
  console.log(
    `  marks by code: ${['/', '\\', 'L', 'I', 'O', 'U', '#']
      .map((code) => `${code} ${marksPerCode[toCompactCode(code)!]!.toLocaleString('en-GB')}`)
      .join(', ')}`
  );
  if (problems.length > 0) {
    console.error(`  FAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
