/**
 * `school-attendance/io/node`: importers that read files by path and use Node.js's worker threads. Everything
 * else of the importers, in `school-attendance/io`, takes text, bytes or streams and needs no file system.
 *
 * @packageDocumentation
 * @module school-attendance/io/node
 */
export {
  importCohortRegisterCsvFile,
  SPLIT_MIN_BYTES,
  SPLIT_MIN_CORES,
} from './importCohortRegisterCsvFile.js';
export type { CohortRegisterCsvFileOptions } from './importCohortRegisterCsvFile.js';
