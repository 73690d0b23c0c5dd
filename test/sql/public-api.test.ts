import { expect, test } from 'vitest';
import * as library from '../../src/index.js';
import * as sql from '../../src/sql/index.js';

// The `school-attendance/sql` surface is a reviewed decision, like the root's: change this list on purpose.
const SQL_PUBLIC_VALUES = ['SQL_DIALECTS', 'compileRulesToSql', 'safeCompileRulesToSql'];

test('school-attendance/sql exports exactly the reviewed values', () => {
  expect(Object.keys(sql).sort()).toEqual([...SQL_PUBLIC_VALUES].sort());
});

test('the root entry exports nothing of the SQL compiler', () => {
  for (const name of SQL_PUBLIC_VALUES) expect(Object.keys(library)).not.toContain(name);
});
