-- Every pupil's session counts, rates and absence class, computed inside Snowflake by the library's own rules.
--
-- A Snowflake JavaScript UDF cannot load a file, so the library goes inline: this file is a template, and
--   npx tsx examples/warehouse-udf/make-snowflake-sql.ts > pupil_attendance.sql
-- writes it with the package's single-file build (dist/school-attendance.udf.js, `npm run build`) in place of
-- the LIBRARY line. Arguments reach JavaScript in upper case (MARKS); dates are 'YYYY-MM-DD' strings.

CREATE OR REPLACE FUNCTION pupil_attendance(MARKS ARRAY)
RETURNS VARIANT
LANGUAGE JAVASCRIPT
AS
$$
// LIBRARY: dist/school-attendance.udf.js goes here
// BEGIN UDF BODY (the library's global is SchoolAttendance)
var counts = SchoolAttendance.countSessions(MARKS);
return {
  possible: counts.possible,
  attended: counts.attended,
  authorised: counts.authorised,
  unauthorised: counts.unauthorised,
  attendance_percent: SchoolAttendance.toPercentage(SchoolAttendance.toAttendanceRate(counts)).text,
  absence_percent: SchoolAttendance.toPercentage(SchoolAttendance.toAbsenceRate(counts)).text,
  absence_class: SchoolAttendance.classifyAbsence(counts)
};
// END UDF BODY
$$;

SELECT
  pupil_id,
  pupil_attendance(ARRAY_AGG(OBJECT_CONSTRUCT('date', TO_VARCHAR(date, 'YYYY-MM-DD'), 'session', session, 'code', code))) AS figures
FROM register
GROUP BY pupil_id;
