-- Every pupil's session counts, rates and absence class, computed inside BigQuery by the library's own rules.
--
-- 1. Upload the package's single-file build to Cloud Storage (inline JavaScript is limited to 32 KB, so the
--    library is loaded as a file):
--      gsutil cp node_modules/school-attendance/dist/school-attendance.udf.js gs://YOUR_BUCKET/
-- 2. Run this script with your bucket and register table. Dates are passed as 'YYYY-MM-DD' strings (a DATE would
--    reach JavaScript as a Date at UTC midnight; a string cannot be moved by a time zone).

CREATE TEMP FUNCTION pupil_attendance(marks ARRAY<STRUCT<date STRING, session STRING, code STRING>>)
RETURNS STRUCT<
  possible FLOAT64,
  attended FLOAT64,
  authorised FLOAT64,
  unauthorised FLOAT64,
  attendance_percent STRING,
  absence_percent STRING,
  absence_class STRING
>
LANGUAGE js
OPTIONS (library = ['gs://YOUR_BUCKET/school-attendance.udf.js'])
AS r"""
// BEGIN UDF BODY (the library's global is SchoolAttendance)
const counts = SchoolAttendance.countSessions(marks);
return {
  possible: counts.possible,
  attended: counts.attended,
  authorised: counts.authorised,
  unauthorised: counts.unauthorised,
  attendance_percent: SchoolAttendance.toPercentage(SchoolAttendance.toAttendanceRate(counts)).text,
  absence_percent: SchoolAttendance.toPercentage(SchoolAttendance.toAbsenceRate(counts)).text,
  absence_class: SchoolAttendance.classifyAbsence(counts),
};
// END UDF BODY
""";

SELECT
  pupil_id,
  pupil_attendance(ARRAY_AGG(STRUCT(FORMAT_DATE('%F', date) AS date, session, code))) AS figures
FROM `your_project.your_dataset.register`
GROUP BY pupil_id;
