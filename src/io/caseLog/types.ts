import type { EscalationLadder } from '../../escalation/ladder/types.js';
import type { EscalationEvent, EscalationPolicy } from '../../escalation/types.js';

/**
 * An event a person recorded in a case log: anything but a review, which the register makes.
 *
 * @category Case log
 */
export type RecordedEvent = Exclude<
  EscalationEvent,
  {
    /** A review: made from the register each school week, never recorded. */
    readonly type: 'review';
  }
>;

/**
 * One row of a case log: the pupil and the event recorded for them.
 *
 * @category Case log
 */
export interface CaseLogEntry {
  /** The pupil the event is about. */
  readonly pupilId: string;
  /** The event, as the escalation machine takes it. */
  readonly event: RecordedEvent;
  /** The 1-based line of the file the entry starts on (CSV), or its place in the list from 1 (JSON). */
  readonly line: number;
}

/**
 * How a case log is written: CSV with the columns `pupil_id`, `date`, `event` and `details`, or a JSON list of
 * objects with the keys `pupilId`, `date`, `event` and `details`.
 *
 * @category Case log
 */
export type CaseLogFormat = 'csv' | 'json';

/**
 * How a case log is read.
 *
 * @category Case log
 */
export interface ParseCaseLogOptions {
  /** CSV or JSON. */
  readonly format: CaseLogFormat;
  /** The file's name, for issues. */
  readonly source?: string;
  /**
   * The ladder the events are for: letters and actions must be ones it names, and an override's stage one it
   * has.
   *
   * @defaultValue the trust's ladder, as `runEscalation` runs by default
   */
  readonly policy?: EscalationPolicy | EscalationLadder;
  /**
   * CSV: the longest line or field accepted, in characters.
   *
   * @defaultValue 1 MiB, as every importer
   */
  readonly maxLineBytes?: number;
}

/**
 * An event to add to a case log.
 *
 * @category Case log
 */
export interface NewCaseLogEntry {
  /** The pupil the event is about. */
  readonly pupilId: string;
  /** The event. */
  readonly event: RecordedEvent;
}
