import type { AttendanceIssue } from '../../errors.js';
import { inCliSpelling } from './cliSpelling.js';
import { shortMessage, shortValue } from './displayText.js';

// The lengths beyond which shortMessage and shortValue change a text.
const MESSAGE_KEPT = 600;
const VALUE_KEPT = 120;

function isShort(issue: AttendanceIssue): boolean {
  return (
    issue.message.length <= MESSAGE_KEPT &&
    (issue.expected?.length ?? 0) <= MESSAGE_KEPT &&
    (issue.received?.length ?? 0) <= VALUE_KEPT &&
    (issue.pupilId?.length ?? 0) <= VALUE_KEPT &&
    (issue.date?.length ?? 0) <= VALUE_KEPT &&
    (issue.session?.length ?? 0) <= VALUE_KEPT &&
    (issue.field?.length ?? 0) <= VALUE_KEPT &&
    issue.path.every((part) => typeof part !== 'string' || part.length <= VALUE_KEPT)
  );
}

function shortPathPart(part: string | number): string | number {
  return typeof part === 'string' ? shortValue(part) : part;
}

/**
 * An issue as the command line reports it, in every output form: its advice in the command line's spelling
 * (`--encoding latin1`, not `encoding "latin1"`), and no more than a short excerpt of the input in any field, so
 * that a 20 MB cell or a 100 MB "header" of NUL bytes is never echoed whole. Applying it twice changes nothing.
 *
 * @param issue - An issue from the library or the command line's own loaders.
 * @returns The issue to show.
 * @example
 * presentIssue({ code: 'unknown_code', severity: 'error', message: '…', path: [], received: 'Z'.repeat(3e6) })
 *   .received!.length //=> 105
 */
export function presentIssue(issue: AttendanceIssue): AttendanceIssue {
  const spelt = inCliSpelling(issue);
  // Nearly every issue is short already: it is passed on as it is, with no copy (a bad file may have millions).
  if (isShort(spelt)) return spelt;
  const shown: AttendanceIssue = {
    ...spelt,
    message: shortMessage(spelt.message),
    path: spelt.path.map(shortPathPart),
    ...(spelt.expected === undefined ? {} : { expected: shortMessage(spelt.expected) }),
    ...(spelt.received === undefined ? {} : { received: shortValue(spelt.received) }),
    ...(spelt.pupilId === undefined ? {} : { pupilId: shortValue(spelt.pupilId) }),
    ...(spelt.date === undefined ? {} : { date: shortValue(spelt.date) }),
    ...(spelt.session === undefined ? {} : { session: shortValue(spelt.session) }),
    ...(spelt.field === undefined ? {} : { field: shortValue(spelt.field) }),
  };
  return shown;
}
