import { AttendanceError } from '../../src/index.js';

/** Runs `run` and returns the AttendanceError it throws; fails the test if it throws nothing or something else. */
export function attendanceErrorOf(run: () => unknown): AttendanceError {
  try {
    run();
  } catch (error) {
    if (error instanceof AttendanceError) return error;
    throw error;
  }
  throw new Error('Expected an AttendanceError, but nothing was thrown.');
}
