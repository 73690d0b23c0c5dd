import type { RegisterColumnMapping, RegisterColumnPresetName } from './types.js';

/**
 * Column mappings for the long-format registers (one row per pupil and session) that English school systems
 * and aggregators produce, for {@link readRegisterCsv}, {@link readRegisterJson} and {@link importRegisterCsv}.
 *
 * @remarks
 * Names match ignoring case, spaces, underscores and hyphens; JSON may use dotted paths. For each field the
 * first name the file has is used. Where the field names come from:
 *
 * - `generic`: this library's own long format, as {@link toRegisterCsv} writes it: `pupil_id` (or `upn` when
 *   there is no pupil id column), `date`, `session`, `code` (or `mark`), `minutes_late`, `comment`, `upn`.
 * - `assembly`: the Assembly Platform `GET /attendances` object (`student_id`, `session_date`, `session_name`,
 *   `attendance_mark`, `minutes_late`, `comments`), confirmed from Assembly's published API client models.
 *   Lists arrive as `{ data: [...] }`.
 * - `arbor`: Arbor's `AttendanceRollCallRecord` (`student`, `recordDate`, `attendanceRollCall`,
 *   `attendanceMark`, `minutesLate`), field names confirmed from Arbor's published SDK. Linked records may be
 *   objects in JSON, so `student.id`, `attendanceRollCall.shortName`/`name` and `attendanceMark.code` are
 *   tried first; how Arbor embeds them is not confirmed. Marks identified by an id rather than a code need a
 *   `codeList`.
 * - `sims`: the SIMS 7 partner API session attendance record (`PersonID`, `AttendanceDate`, `SessionName`,
 *   `AttendanceMark`, `Comments`, and `MinsLate` or, in the 2024 extended record, `Minute`), confirmed from
 *   the SIMS partner documentation, flattened to CSV or JSON. `AttendanceDate` may be a local date-time; its
 *   date is taken as written. Schools configure SIMS display codes, so pass a `codeList` built from the SIMS
 *   codes API (display code to statutory return code) whenever display codes differ from statutory ones.
 * - `wonde`: Wonde's session attendance. Only the write-back record (`student_id`, `date`, `session`,
 *   `attendance_code_id`, `comment`, `minutes_late`) and the `{ data: [...] }` list envelope are confirmed
 *   from Wonde's client libraries; the read shape is **unverified**. The preset also accepts `student` and
 *   `student.data.id` for the pupil, Wonde date objects (`{ date: 'YYYY-MM-DD hh:mm:ss.uuuuuu', timezone }`,
 *   whose date part is taken as written), and `attendance_code.data.code` or `attendance_code.code` for the
 *   code. An `attendance_code_id` needs a `codeList` from Wonde's attendance codes endpoint. Check a real
 *   response before relying on it.
 * - `go4schools`: the GO4Schools student session marks (`student_id`, `date`, `session`, `session_mark_id`,
 *   `session_minutes_late`, `session_notes`), taken from an independent API client rather than GO4Schools'
 *   own documentation. `session_mark_id` is an id into the GO4Schools codes list, so pass a `codeList`
 *   mapping each id to its code.
 *
 * @example
 * REGISTER_COLUMN_PRESETS.assembly.date //=> ['session_date']
 * readRegisterCsv(text, { mapping: 'assembly', source: 'assembly.csv' });
 * @see {@link https://github.com/assembly-edu/assembly-client-php} (Assembly API client: Attendance model)
 * @see {@link https://github.com/arbor-education/sis-sdk-php} (Arbor SDK: AttendanceRollCallRecord)
 * @see {@link https://sims-partners.com/Product/SIMS7/PartnerAPIs/TPAttendanceRead} (SIMS partner API: session attendance)
 * @see {@link https://github.com/wondeltd/php-client} (Wonde client: session attendance write-back record)
 * @category Import
 */
export const REGISTER_COLUMN_PRESETS: Readonly<Record<RegisterColumnPresetName, RegisterColumnMapping>> =
  Object.freeze({
    generic: Object.freeze({
      pupilId: ['pupil_id', 'upn'],
      upn: ['upn'],
      date: ['date'],
      session: ['session'],
      code: ['code', 'mark'],
      minutesLate: ['minutes_late'],
      comment: ['comment'],
    }),
    arbor: Object.freeze({
      pupilId: ['student.id', 'student'],
      date: ['recordDate'],
      session: ['attendanceRollCall.shortName', 'attendanceRollCall.name', 'attendanceRollCall'],
      code: ['attendanceMark.code', 'attendanceMark'],
      minutesLate: ['minutesLate'],
    }),
    sims: Object.freeze({
      pupilId: ['PersonID'],
      upn: ['UPN'],
      date: ['AttendanceDate'],
      session: ['SessionName'],
      code: ['AttendanceMark'],
      minutesLate: ['MinsLate', 'Minute'],
      comment: ['Comments'],
    }),
    assembly: Object.freeze({
      pupilId: ['student_id'],
      date: ['session_date'],
      session: ['session_name'],
      code: ['attendance_mark'],
      minutesLate: ['minutes_late'],
      comment: ['comments'],
    }),
    wonde: Object.freeze({
      pupilId: ['student_id', 'student.data.id', 'student.id', 'student'],
      date: ['date'],
      session: ['session'],
      code: ['attendance_code.data.code', 'attendance_code.code', 'attendance_code', 'attendance_code_id'],
      minutesLate: ['minutes_late'],
      comment: ['comment'],
    }),
    go4schools: Object.freeze({
      pupilId: ['student_id'],
      date: ['date'],
      session: ['session'],
      code: ['session_mark', 'session_mark_id'],
      minutesLate: ['session_minutes_late'],
      comment: ['session_notes'],
    }),
  });
