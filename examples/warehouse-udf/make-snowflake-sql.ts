// Writes the Snowflake UDF script with the library inline: `npm run build`, then
//   npx tsx examples/warehouse-udf/make-snowflake-sql.ts > pupil_attendance.sql
import { readFileSync } from 'node:fs';
import { snowflakeSql } from './udfSql.js';

const library = readFileSync(new URL('../../dist/school-attendance.udf.js', import.meta.url), 'utf8');
process.stdout.write(snowflakeSql(library));
