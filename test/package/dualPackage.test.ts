import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, test } from 'vitest';
import type * as Library from '../../src/index.js';

// An ES module app whose CommonJS dependency also uses the library loads both builds: two AttendanceError
// classes. What one build throws, the other must recognise.

const dist = inject('packageDist');
const esm = (await import(pathToFileURL(join(dist, 'index.js')).href)) as typeof Library;
const cjs = createRequire(import.meta.url)(join(dist, 'index.cjs')) as typeof Library;

function thrownBy(build: typeof Library): unknown {
  try {
    build.definePolicy({ persistentAbsence: { percent: 120 } });
  } catch (error) {
    return error;
  }
  throw new Error('definePolicy accepted a persistent-absence threshold of 120 %');
}

describe('AttendanceError across the ES module and CommonJS builds', () => {
  test('they are two classes', () => {
    expect(esm.AttendanceError).not.toBe(cjs.AttendanceError);
  });

  test('isAttendanceError and instanceof recognise an error from the other build', () => {
    const fromCjs = thrownBy(cjs);
    const fromEsm = thrownBy(esm);
    expect(esm.isAttendanceError(fromCjs)).toBe(true);
    expect(cjs.isAttendanceError(fromEsm)).toBe(true);
    expect(fromCjs instanceof esm.AttendanceError).toBe(true);
    expect(fromEsm instanceof cjs.AttendanceError).toBe(true);
    expect(esm.isAttendanceError(new Error('not ours'))).toBe(false);
  });
});
