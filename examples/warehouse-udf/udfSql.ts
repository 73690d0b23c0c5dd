/**
 * Reads the warehouse UDF examples: the JavaScript body of each function, and the Snowflake script with the
 * library put inline. Shared by `make-snowflake-sql.ts` and the test that runs each body as the warehouse would.
 */
import { readFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const LIBRARY_LINE = /^\/\/ LIBRARY: .*$/m;

/**
 * The JavaScript between the BEGIN and END UDF BODY markers of an example script.
 *
 * @param script - `bigquery.sql` or `snowflake.sql`.
 * @returns The function body.
 */
export function udfBody(script: 'bigquery.sql' | 'snowflake.sql'): string {
  const sql = readFileSync(new URL(script, here), 'utf8');
  const body = /\/\/ BEGIN UDF BODY.*\n([\s\S]*?)\/\/ END UDF BODY/.exec(sql);
  if (body === null) throw new Error(`${script} has no UDF body between its markers`);
  return body[1]!;
}

/**
 * The Snowflake script with the library's single-file build in place of its LIBRARY line.
 *
 * @param library - The text of `dist/school-attendance.udf.js`.
 * @returns The script to run in Snowflake.
 */
export function snowflakeSql(library: string): string {
  const template = readFileSync(new URL('snowflake.sql', here), 'utf8');
  // A `$$` inside the library would end Snowflake's string early.
  if (library.includes('$$'))
    throw new Error('the library contains "$$", which would end the UDF body early');
  return template.replace(LIBRARY_LINE, () => library.trim());
}
