import type { AttendanceIssue } from '../../errors.js';

/**
 * The geography a row of DfE's published attendance figures covers, as the file's `geographic_level` names it:
 * `National`, `Regional` or `Local authority`.
 *
 * @category Report
 */
export type PublishedAttendanceLevel = 'national' | 'regional' | 'local-authority';

/**
 * How {@link parsePublishedAttendanceCsv} reads.
 *
 * @category Report
 */
export interface ParsePublishedAttendanceCsvOptions {
  /** The file name, copied into every issue's `source`. */
  readonly source?: string;
  /**
   * The longest record accepted, in UTF-8 bytes; a longer one is a `too_long` error at its line and ends the
   * read, so a file with no line breaks is never gathered whole.
   *
   * @defaultValue `1048576` (1 MiB)
   */
  readonly maxLineBytes?: number;
}

/**
 * What a row of the published file is about: its period, its area and its phase of education. Rows whose
 * figures DfE suppressed have only this.
 *
 * @category Report
 */
export interface PublishedAttendanceScope {
  /** The academic year as the file writes it, e.g. `'202526'` for 2025/26. */
  readonly timePeriod: string;
  /** The part of the period the figures cover, e.g. `'Academic year'` (year to date). */
  readonly timeIdentifier: string;
  /** The geography: the whole of England, one region or one local authority. */
  readonly level: PublishedAttendanceLevel;
  /** The `country_name` (`'England'`), or null where the cell is blank or the column absent. */
  readonly countryName: string | null;
  /** The `region_name`, e.g. `'London'`; null on national rows. */
  readonly regionName: string | null;
  /** The `la_name`, e.g. `'Tower Hamlets'`; null on national and regional rows. */
  readonly laName: string | null;
  /** The nine-character ONS code of the local authority (`new_la_code`, e.g. `'E09000030'`), or null. */
  readonly newLaCode: string | null;
  /** The three-digit DfE number of the local authority (`old_la_code`, e.g. `'211'`), or null. */
  readonly oldLaCode: string | null;
  /** The `education_phase` as written: `'Primary'`, `'Secondary'`, `'Special'` or `'Total'` (all schools). */
  readonly phase: string;
  /** The 1-based line of the file the row is on. */
  readonly line: number;
}

/**
 * One row of DfE's "Pupil attendance in schools" year-to-date file: session counts summed over the schools of
 * an area and phase, and the percentages DfE publishes beside them.
 *
 * @remarks
 * The counts are whole sessions and add up: `attended + absent = possible` and
 * `authorised + unauthorised = absent` (the reader refuses a row where they do not).
 *
 * @category Report
 */
export interface PublishedAttendanceRow extends PublishedAttendanceScope {
  /** Possible sessions (`possible_sessions`). */
  readonly possible: number;
  /** Sessions attended, present or in approved educational activity (`overall_attendance`). */
  readonly attended: number;
  /** Sessions missed (`overall_absence`). */
  readonly absent: number;
  /** Sessions missed with the school's authority (`authorised_absence`). */
  readonly authorised: number;
  /** Sessions missed without it (`unauthorised_absence`). */
  readonly unauthorised: number;
  /** The `attendance_perc` as published (unrounded in DfE's file), or null where blank, suppressed or absent. */
  readonly attendancePercent: number | null;
  /**
   * The `pa_perc`: the percentage of enrolments persistently absent (10 % or more of their sessions missed), or
   * null where blank, suppressed or absent. DfE publishes no count behind it, so it is kept as given.
   */
  readonly persistentAbsencePercent: number | null;
}

/**
 * A published year-to-date attendance file, read.
 *
 * @category Report
 */
export interface PublishedAttendance {
  /** The rows with figures, in file order. */
  readonly rows: readonly PublishedAttendanceRow[];
  /**
   * The rows whose session counts DfE suppressed (`c`, `x`, `z`, `low` or `:` in place of a number, as for the
   * Isles of Scilly), in file order: there are no figures to compare with, but the area is known.
   */
  readonly suppressed: readonly PublishedAttendanceScope[];
  /** Every warning: one per suppressed row, and each published percentage that disagrees with its counts. */
  readonly warnings: readonly AttendanceIssue[];
}

/**
 * Which published figures to compare with.
 *
 * @category Report
 */
export interface PublishedFiguresChoice {
  /** The geography: England, a region or a local authority. */
  readonly level: PublishedAttendanceLevel;
  /**
   * The region (`region_name`) or local authority (`la_name`, `new_la_code` or `old_la_code`), matched without
   * regard to case or surrounding spaces. National figures need none; given, it must name the country.
   */
  readonly area?: string;
  /**
   * The `education_phase`, matched without regard to case or surrounding spaces.
   *
   * @defaultValue `'Total'` (all schools)
   */
  readonly phase?: string;
}

/**
 * One area's published figures, ready to set beside a school's own.
 *
 * @category Report
 */
export interface PublishedFigures {
  /** For people: the area and the phase, e.g. `'England, all schools'`, `'London, primary'`. */
  readonly label: string;
  /** The geography. */
  readonly level: PublishedAttendanceLevel;
  /** The area's name as the file writes it: the country, the region or the local authority. */
  readonly area: string;
  /** The `education_phase` as the file writes it. */
  readonly phase: string;
  /** The academic year, e.g. `'2025/26'`. */
  readonly timePeriod: string;
  /** Possible sessions. */
  readonly possible: number;
  /** Sessions attended (present or approved educational activity). */
  readonly attended: number;
  /** Sessions missed. */
  readonly absent: number;
  /** Sessions missed with authority. */
  readonly authorised: number;
  /** Sessions missed without authority. */
  readonly unauthorised: number;
  /** The percentage of enrolments persistently absent, as published, or null where DfE gives none. */
  readonly persistentAbsencePercent: number | null;
  /** Present when there was a choice to make, e.g. the latest of several academic years in the file. */
  readonly note?: string;
}
