import { createCtfReader } from './_internal/ctfReader.js';
import { feedChunk, finishFeeding } from './_internal/feedChunk.js';
import { createXmlTextDecoder } from './_internal/xmlTextDecoder.js';
import type { CtfImportReport, CtfOptions } from './types.js';

/**
 * Reads a Common Transfer File (CTF) tolerantly: every pupil, each `Attendance/YearData` record's totals and
 * decoded session marks, the reconciliation of the two, and every issue, located by XML path and line.
 *
 * @remarks
 * A "row" is one `YearData` record: `rowsRead = rowsUsed + rowsRejected`. A record with an error (totals that
 * are not whole numbers, a bad `AttendanceStartDate`, a mark string whose length does not fit, an unknown
 * character) is rejected and reported; the other records and pupils are still read. Malformed or truncated
 * XML stops the reading there: the pupils completed before the break are kept and the break is reported as
 * `malformed_input` with its line, column and XML path. The pupil the break cuts off is not used: its
 * complete records, and the record the break falls in, are counted as read and rejected.
 *
 * `AttendanceMarks` holds two characters a day, morning then afternoon, from `AttendanceStartDate`. The
 * published CTF material leaves open whether weekends and holidays are included, which character means "no
 * mark", and how the 2024 sub-codes are written, so each is an option ({@link CtfOptions}); the defaults are
 * one pair per calendar day with `#` for not in session, `-` for no mark, and one character per session.
 * With one character per session, `C`, `J` and `Y` from 19 August 2024 may stand for the sub-codes `C1`/`C2`,
 * `J1` and `Y1`–`Y7`: each is counted as written (`C` as authorised absence; `J` and `Y` by the pre-2024 table,
 * as approved educational activity and not possible) and reported once per pupil as `ambiguous_code`. A `J`
 * that stood for `J1` (authorised) therefore shows up in the reconciliation.
 *
 * The decoded counts are the library's own ({@link "school-attendance"!countSessions | countSessions}); a difference from the file's
 * `SessionsPossible`, `SessionsAuthorised`, `SessionsAttended` or `SessionsUnauthorised` is a
 * `totals_mismatch` warning naming the pupil, year and field, never an error, since exporters count some
 * codes (such as `L` in `SessionsAttended`) differently.
 *
 * Bytes are decoded as the file says: a UTF-8 or UTF-16 byte order mark, or the XML declaration's
 * `encoding` (e.g. `iso-8859-1`), UTF-8 otherwise. Bytes that are not valid in that encoding are never
 * replaced or guessed at: reading stops at the first of them, keeping the pupils completed before it, with an
 * `encoding` error naming its line, column, element and pupil (UPN, or the `Pupil[n]` path before the UPN is
 * read), then the error for the pupil it cuts off, as for malformed XML. A Latin-1 file must say
 * `encoding="iso-8859-1"` in its XML declaration.
 *
 * Hostile input is refused early, with one located error, and reading stops there:
 *
 * - a line longer than `maxLineBytes` (1 MiB by default; bytes for byte input, characters for text), before
 *   any of it is read, as `too_long`; a file written without line breaks needs a larger `maxLineBytes`;
 * - one XML item (an element's text, a tag with its attributes, a comment, a DOCTYPE) longer than
 *   `maxLineBytes` characters across many lines, as `too_long`, located at the line where it starts;
 * - elements nested deeper than `maxDepth` (64 by default), as `too_deep`;
 * - a DOCTYPE that declares entities, as `malformed_input` at its line. Entities are never expanded and
 *   external ones never fetched: a CTF declares none, the billion-laughs and XXE attacks need them, and a
 *   reference to any entity but the five XML ones (`&amp;`, `&lt;`...) is malformed XML. A DOCTYPE without
 *   entity declarations is ignored, and the DTD it names is not fetched.
 *
 * Messages quote at most about 80 characters of the file. For files too large to hold in memory, use
 * {@link importCtf}, which reads a stream with the same rules and gives the same result.
 *
 * @param xml - The file's text, or its bytes.
 * @param options - The day model, calendar, filler characters, code width, file name and input limits.
 * @returns The header, the pupils with their records and marks, all marks, the row counts and every issue.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid (e.g. `codeWidth: 3`, a `calendar`
 *   that is not a valid school calendar, or `maxLineBytes: 0`); problems in the file, and an input that is
 *   neither text nor bytes, are issues in the report. {@link safeParseCtf} never throws.
 * @example
 * const report = readCtf(readFileSync('transfer.xml'), { source: 'transfer.xml' });
 * report.pupils[0]?.years[0]?.reconciliation?.matches //=> true
 * report.issues.filter((issue) => issue.severity === 'error') //=> []
 * readCtf('<CTfile>\n<CTFpupilData>\n<Pupil>\n<UPN>A123</UPN>\n<x><x><x/></x></x>\n</Pupil>\n</CTFpupilData>\n</CTfile>', {
 *   maxDepth: 5,
 * }).issues[0] //=> { code: 'too_deep', line: 5, ... }
 * @see {@link https://www.gov.uk/government/collections/common-transfer-file} (DfE: the Common Transfer File)
 * @category CTF
 */
export function readCtf(xml: string | Uint8Array, options: CtfOptions = {}): CtfImportReport {
  const reader = createCtfReader(options);
  const decoder = createXmlTextDecoder(reader, reader.limits.maxLineBytes);
  feedChunk(reader, decoder, xml);
  finishFeeding(reader, decoder);
  return reader.end();
}
