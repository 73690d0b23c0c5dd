import { excerpt } from '../../_internal/excerpt.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import type { SessionMark } from '../../sessions/types.js';
import { freeTextCell } from '../export/_internal/spreadsheetSafe.js';
import type { ImportedMark } from '../types.js';
import { describeValue } from './_internal/describeValue.js';
import { hasLoneSurrogate } from '../_internal/loneSurrogate.js';
import type { RegisterCsvWriteOptions } from './types.js';

const NEEDS_QUOTES = /[",\r\n]/;
/** The text fields written as they are, which must be text that UTF-8 can carry. */
const TEXT_FIELDS = ['pupilId', 'upn', 'code', 'comment'] as const;

/** A cell as RFC 4180 writes it: quoted (with quotes doubled) when it holds a quote, comma or line break. */
function cell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes marks as the generic long-format CSV one line at a time, for streaming to a file: first the header,
 * then one line per mark, each ending with the line ending. {@link toRegisterCsv} joins the same lines.
 *
 * @remarks
 * The header is `pupil_id,date,session,code,minutes_late,comment`, with a final `upn` column only when some
 * mark has a UPN. The code written is the statutory `code` (not a mark's `rawCode`). Cells holding a quote,
 * comma or line break are quoted as RFC 4180 says, so comments survive intact, line breaks included. A pupil id,
 * UPN or comment that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) is written with a single quote before it, as OWASP advises against CSV injection, unless
 * `formulaSafe: false`; the readers of this format take the quote off again. Codes, dates and sessions are never
 * changed (`-` is the "no mark" code).
 *
 * @param marks - The marks; each must name its pupil.
 * @param options - The line ending (CRLF by default) and whether free text is made formula-safe (by default).
 * @returns A generator of lines, header first.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} If a mark has no `pupilId`, or if a pupil id, UPN, code or
 * comment holds a lone UTF-16 surrogate (half of a pair), which UTF-8 cannot carry, so the file would read back
 * changed (checked before any line is produced; each issue names the mark, its pupil and the field).
 * @example
 * const out = fs.createWriteStream('register.csv');
 * for (const line of toRegisterCsvLines(marks)) out.write(line);
 * out.end();
 * @category Export
 */
export function toRegisterCsvLines(
  marks: readonly ImportedMark[] | readonly SessionMark[],
  options: RegisterCsvWriteOptions = {}
): Generator<string, void, undefined> {
  const lineEnding = options.lineEnding ?? '\r\n';
  if ((lineEnding as string) !== '\r\n' && (lineEnding as string) !== '\n') {
    throw new AttendanceError([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `Option lineEnding must be "\\r\\n" or "\\n"; received ${describeValue(lineEnding)}.`,
        path: ['lineEnding'],
        field: 'lineEnding',
        expected: '"\\r\\n" or "\\n"',
        received: describeValue(lineEnding),
      },
    ]);
  }
  let withUpn = false;
  const problems: AttendanceIssue[] = [];
  marks.forEach((mark: SessionMark & { upn?: string; comment?: string }, index) => {
    if (mark.upn !== undefined && mark.upn !== '') withUpn = true;
    if (mark.pupilId === undefined || mark.pupilId.trim() === '') {
      problems.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Mark ${index} (${mark.date}, ${mark.session}) has no pupilId, so its row could not be read back.`,
        path: [index, 'pupilId'],
        date: mark.date,
        session: mark.session,
        field: 'pupilId',
        expected: 'a pupil id',
        received: mark.pupilId ?? 'nothing',
      });
    }
    for (const field of TEXT_FIELDS) {
      const text = mark[field];
      if (typeof text === 'string' && hasLoneSurrogate(text))
        problems.push(illFormed(mark, index, field, text));
    }
  });
  const [first, ...rest] = problems;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return lines(marks, lineEnding, withUpn, freeTextCell(options.formulaSafe));
}

/**
 * The issue for text that UTF-8 cannot carry: written, its lone surrogate would become U+FFFD and the file
 * would read back changed, so the writer refuses it instead.
 */
function illFormed(
  mark: SessionMark,
  index: number,
  field: (typeof TEXT_FIELDS)[number],
  text: string
): AttendanceIssue {
  const pupil = mark.pupilId === undefined ? '' : `pupil ${excerpt(mark.pupilId)}, `;
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `Mark ${index} (${pupil}${mark.date}, ${mark.session}): ${field} ${excerpt(text)} holds a lone UTF-16 surrogate (half of a character's pair), which UTF-8 cannot carry, so it would be written as U+FFFD and read back changed; expected well-formed Unicode text.`,
    path: [index, field],
    ...(mark.pupilId === undefined ? {} : { pupilId: mark.pupilId }),
    date: mark.date,
    session: mark.session,
    field,
    expected: 'well-formed Unicode text (every surrogate half paired)',
    received: excerpt(text),
  };
}

function* lines(
  marks: readonly (SessionMark & { upn?: string; comment?: string })[],
  lineEnding: string,
  withUpn: boolean,
  text: (value: string) => string
): Generator<string, void, undefined> {
  yield `pupil_id,date,session,code,minutes_late,comment${withUpn ? ',upn' : ''}${lineEnding}`;
  for (const mark of marks) {
    const minutes = mark.minutesLate === undefined ? '' : String(mark.minutesLate);
    const comment = mark.comment === undefined ? '' : cell(text(mark.comment));
    const upn = withUpn ? `,${mark.upn === undefined ? '' : cell(text(mark.upn))}` : '';
    yield `${cell(text(mark.pupilId!))},${mark.date},${mark.session},${cell(mark.code)},${minutes},${comment}${upn}${lineEnding}`;
  }
}
