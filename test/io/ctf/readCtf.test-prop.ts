import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { importCtf, parseCtf, readCtf, safeParseCtf } from '../../../src/io/index.js';
import type { CtfImportReport } from '../../../src/io/index.js';
import { AttendanceError } from '../../../src/index.js';
import { mutatedCtfArb, optionsArb } from './ctfArbitraries.js';

function expectWellFormedReport(report: CtfImportReport): void {
  expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
  expect(report.pupils.reduce((sum, pupil) => sum + pupil.years.length, 0)).toBe(report.rowsUsed);
  expect(report.marks.length).toBe(
    report.pupils.reduce(
      (sum, pupil) => sum + pupil.years.reduce((total, year) => total + year.marks.length, 0),
      0
    )
  );
  for (const issue of report.issues) {
    expect(typeof issue.code).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(Array.isArray(issue.path)).toBe(true);
  }
  // A rejected record always comes with an error saying why.
  if (report.rowsRejected > 0) expect(report.issues.some((issue) => issue.severity === 'error')).toBe(true);
}

function expectOnlyAttendanceError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AttendanceError);
  }
}

describe('random garbage', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 400 }), optionsArb])(
    'text: readCtf and safeParseCtf never throw; parseCtf throws only AttendanceError',
    (text, options) => {
      expectWellFormedReport(readCtf(text, options));
      expect(() => safeParseCtf(text, options)).not.toThrow();
      expectOnlyAttendanceError(() => parseCtf(text, options));
    }
  );

  test.prop([fc.uint8Array({ maxLength: 400 }), optionsArb])('bytes: the same', (bytes, options) => {
    expectWellFormedReport(readCtf(bytes, options));
    expect(() => safeParseCtf(bytes, options)).not.toThrow();
    expectOnlyAttendanceError(() => parseCtf(bytes, options));
  });

  test.prop([
    fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()), { maxLength: 6 }),
    optionsArb,
  ])('streams of text and byte pieces: importCtf resolves with a report', async (pieces, options) => {
    async function* source(): AsyncGenerator<string | Uint8Array> {
      for (const piece of pieces) {
        await Promise.resolve();
        yield piece;
      }
    }
    expectWellFormedReport(await importCtf(source(), options));
  });
});

describe('random mutations of valid CTF files', () => {
  test.prop([mutatedCtfArb, optionsArb])(
    'never throw anything but AttendanceError, and the report stays consistent',
    (text, options) => {
      expectWellFormedReport(readCtf(text, options));
      const result = safeParseCtf(text, options);
      if (!result.success)
        expect(result.error.issues.every((issue) => issue.severity === 'error')).toBe(true);
      expectOnlyAttendanceError(() => parseCtf(text, options));
    }
  );
});
