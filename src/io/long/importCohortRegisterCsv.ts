import type { CohortRegister } from '../../cohort/types.js';
import type { AttendanceIssue } from '../../errors.js';
import type { ImportSummary } from '../types.js';
import { builderSink } from './_internal/builderSink.js';
import { readCsvIntoSink } from './_internal/readCsvIntoSink.js';
import type { RegisterCsvOptions, RegisterImportProgress } from './types.js';

/**
 * Options for {@link importCohortRegisterCsv}: everything {@link readRegisterCsv} takes, the encoding, and a
 * progress callback.
 *
 * @category Import
 */
export interface CohortRegisterCsvOptions extends RegisterCsvOptions {
  /** Called after each chunk of the source has been read. */
  readonly onProgress?: (progress: RegisterImportProgress) => void;
}

/**
 * A register CSV read into a cohort register: the register, the row counts and every issue.
 *
 * @category Import
 */
export interface CohortRegisterImport extends ImportSummary {
  /** Every pupil's marks, one byte per session, ready for {@link "school-attendance"!analyseCohortRegister | analyseCohortRegister}. */
  readonly register: CohortRegister;
  /** Every issue, in file order: errors for rejected rows, warnings for used ones. */
  readonly issues: readonly AttendanceIssue[];
}

/**
 * Streams a long-format register CSV straight into a {@link CohortRegister}, the form the cohort engine reads:
 * no object per row, and each distinct pupil id, date, session and code converted once. Rows are checked and
 * reported exactly as {@link importRegisterCsv} checks and reports them (same issues, same counts, same marks),
 * so a file that imports cleanly one way imports cleanly the other.
 *
 * @remarks
 * Memory is about one byte per mark for the register, plus each pupil's few bytes of duplicate detection; the
 * file is never held whole, nor is a line longer than `maxLineBytes` (1 MiB by default), which is one `too_long`
 * error, as {@link readRegisterCsv} reports it. The slots are the sessions the file marks. Minutes late, UPNs, a system's own codes
 * and comments are checked but not kept (use {@link importRegisterCsv} for those).
 *
 * @param source - The CSV as an async iterable of text or byte chunks, e.g. `fs.createReadStream(path)`.
 * @param options - The mapping, code list, date format, delimiter, encoding and progress callback.
 * @returns The register, the row counts and the issues.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid; never for the content of
 * the file.
 * @example
 * const { register, rowsRejected } = await importCohortRegisterCsv(fs.createReadStream('register.csv'), {
 *   source: 'register.csv',
 * });
 * const figures = analyseCohortRegister(register, { calendar, windows: [DFE_POLICY.penaltyNotice] });
 * @category Import
 */
export async function importCohortRegisterCsv(
  source: AsyncIterable<string | Uint8Array>,
  options: CohortRegisterCsvOptions = {}
): Promise<CohortRegisterImport> {
  const { builder, sink } = builderSink();
  const { onProgress, ...csvOptions } = options;
  const report = await readCsvIntoSink(source, csvOptions, sink, onProgress);
  return { register: builder.finish(), ...report };
}
