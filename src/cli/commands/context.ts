import type { IsoDate, SchoolCalendar } from '../../calendar/types.js';
import type { EscalationPolicy } from '../../escalation/types.js';
import type { EscalationLadder } from '../../escalation/ladder/types.js';
import type { ImportedMark } from '../../io/types.js';
import type { LatenessPolicy } from '../../lateness/types.js';
import type { AttendancePolicy } from '../../policy/types.js';
import type { LoadedPolicy } from '../load/loadPolicySetting.js';
import type { LoadedRegister } from '../load/loadRegister.js';
import type { CliOptions } from '../types.js';

/**
 * Each pupil's marks up to the as-of date, in file order, pupils in the order of their first mark. The marks of
 * one pupil are made when the iteration reaches that pupil, so that a large register is never all held as
 * objects; it may be iterated more than once.
 */
export type PupilRegisters = Iterable<readonly [pupilId: string, marks: readonly ImportedMark[]]>;

/** What an analysing subcommand works on: a valid register, grouped by pupil, with its policies and calendar. */
export interface AnalysisContext {
  /** The options. */
  readonly options: CliOptions;
  /** The register as read (no errors). */
  readonly register: LoadedRegister;
  /** Each pupil's marks up to `asOf`. */
  readonly pupils: PupilRegisters;
  /** The indexes in `register.marks` of the pupils asked for (every pupil without `--pupil`), in file order. */
  readonly pupilIndexes: readonly number[];
  /** The date the figures are as of: `--as-of`, or the register's last date (undefined for an empty register). */
  readonly asOf: IsoDate | undefined;
  /** The attendance policy. */
  readonly policy: LoadedPolicy<AttendancePolicy>;
  /** The school calendar, when one was given. */
  readonly calendar: SchoolCalendar | undefined;
  /** The lateness policy. */
  readonly latenessPolicy: LoadedPolicy<LatenessPolicy>;
  /** The escalation policy. */
  readonly escalationPolicy: LoadedPolicy<EscalationPolicy | EscalationLadder>;
}
