import { createHash } from 'node:crypto';
import type { IsoDate } from '../../calendar/types.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import type { CaseLogEntry } from '../../io/caseLog/types.js';
import type { EscalationAction, EscalationState } from '../../escalation/types.js';
import type { CliIo } from '../types.js';
import { unreadableFileIssue } from './fileIssue.js';

// `escalation --state FILE`: each pupil's machine state as of the last run, so a weekly job continues from last
// week instead of replaying the year. The state is only ever a saving: the register, the case log and the ladder
// determine it, and a pupil whose saved state cannot be continued exactly (another ladder or school year, a run
// as of an earlier date, a case log changed before the saved date) is run again from the start of the year, with
// a note saying why. So continuing and replaying give the same states and the same output.

/** What the file says it is, so that `--state` never overwrites a file of another kind. */
export const STATE_FILE_FORMAT = 'school-attendance/escalation-state';
const STATE_FILE_VERSION = 1;

/** One pupil's saved state. */
export interface SavedPupilState {
  /** The machine state as of the run. */
  readonly state: EscalationState;
  /** The actions due then, in full (the state keeps only their ids). */
  readonly due: readonly EscalationAction[];
  /** How many of the pupil's case log entries (in log order) the state has applied. */
  readonly events: number;
  /** A digest of those entries, to tell whether the log was changed before the saved date. */
  readonly eventsDigest: string;
}

/** The run a state file was saved by, and each pupil's state. */
export interface EscalationStateFile {
  /** Always {@link STATE_FILE_FORMAT}. */
  readonly format: typeof STATE_FILE_FORMAT;
  /** The file layout's version. */
  readonly version: typeof STATE_FILE_VERSION;
  /** The ladder's name, for messages. */
  readonly escalationPolicy: string;
  /** A digest of the ladder and attendance policy (as JSON): a state continues only under the same rules. */
  readonly rulesDigest: string;
  /** The school year's first day: the counts start there. */
  readonly from: IsoDate;
  /** The date of the run that wrote the file (each pupil's state says how far it has been run). */
  readonly asOf: IsoDate;
  /** Each pupil's state, by pupil id. */
  readonly pupils: Readonly<Record<string, SavedPupilState>>;
  /** A digest of everything above, so that a file changed by hand is not taken as the tool's. */
  readonly checksum: string;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * The digest of some of a pupil's case log entries (their events, not their lines).
 *
 * @param entries - The entries.
 * @returns The digest.
 * @example
 * eventsDigest([]) // the digest of no events
 */
export function eventsDigest(entries: readonly CaseLogEntry[]): string {
  return digest(entries.map((entry) => entry.event));
}

/**
 * The digest of the rules a run used: the ladder (or trust policy) and the attendance policy.
 *
 * @param rules - The escalation policy and the attendance policy.
 * @returns The digest.
 * @example
 * rulesDigest([ladder, policy])
 */
export function rulesDigest(rules: unknown): string {
  return digest(rules);
}

function stateFileIssue(source: string, message: string): AttendanceIssue {
  return {
    code: 'malformed_input',
    severity: 'error',
    message: `The escalation state file "${source}" ${message}`,
    path: [],
    source,
    expected: `an escalation state file written by --state (format "${STATE_FILE_FORMAT}")`,
  };
}

/**
 * Reads a state file: `undefined` when there is none yet (the first run). A file that is not a state file (or
 * not JSON) is an error, never overwritten; one whose checksum does not match (changed by hand, or cut short)
 * is read as no state, with a warning, since the run can always be made again from the register and log.
 *
 * @param io - The file system.
 * @param source - The file.
 * @param warnings - Where a warning goes.
 * @returns The saved states, or undefined.
 * @throws {@link AttendanceError} If the file cannot be read, or is not an escalation state file.
 * @example
 * const saved = await readStateFile(io, 'state.json', warnings);
 */
export async function readStateFile(
  io: CliIo,
  source: string,
  warnings: AttendanceIssue[]
): Promise<EscalationStateFile | undefined> {
  let text: string;
  try {
    text = await io.readFile(source);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') return undefined;
    throw new AttendanceError([unreadableFileIssue(source, 'escalation state file', error)]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AttendanceError([
      stateFileIssue(source, 'is not JSON, so it is not one --state wrote; it is left as it is.'),
    ]);
  }
  const file = typeof value === 'object' && value !== null ? (value as Partial<EscalationStateFile>) : {};
  if (file.format !== STATE_FILE_FORMAT) {
    throw new AttendanceError([
      stateFileIssue(
        source,
        'is not one --state wrote (it has no "format" of an escalation state); it is left as it is.'
      ),
    ]);
  }
  if (file.version !== STATE_FILE_VERSION) {
    throw new AttendanceError([
      stateFileIssue(
        source,
        `has version ${String(file.version)}; this version of the tool reads version ${STATE_FILE_VERSION}.`
      ),
    ]);
  }
  const { checksum, ...content } = file;
  if (checksum !== digest(content)) {
    warnings.push({
      ...stateFileIssue(
        source,
        'was changed since it was written (its checksum does not match), so every pupil was run from the start of the year.'
      ),
      severity: 'warning',
    });
    return undefined;
  }
  return file as EscalationStateFile;
}

/**
 * The text of a state file, with its checksum.
 *
 * @param content - Everything but the checksum.
 * @returns The JSON text.
 * @example
 * stateFileText({ format: STATE_FILE_FORMAT, version: 1, … })
 */
export function stateFileText(content: Omit<EscalationStateFile, 'checksum'>): string {
  return `${JSON.stringify({ ...content, checksum: digest(content) }, null, 1)}\n`;
}
