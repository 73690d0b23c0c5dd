import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestContext } from 'vitest';
import { openDuckDb, openPglite, openPostgres, postgresRequired } from './_engines.js';
import type { SqlColumn, SqlEngine, SqlEngineName, SqlValue } from './_engines.js';

// The harness itself: every engine must take the same rows in and give the same plain values back, or the SQL
// tests built on it would compare the engines' drivers instead of the generated SQL.

/** Text that breaks SQL pasted together by hand, or a driver's array and COPY encodings. */
const TRICKY_TEXT = [
  "it's",
  'say "hi"',
  'back\\slash \\\\ and \\N',
  "'; DROP TABLE x; --",
  '{"a",NULL}',
  'NULL',
  '',
  '  padded  ',
  'tab\tnew\nline\r\n',
  '$1 ? :name',
  'emoji 👩‍👩‍👧 🏳️‍🌈',
  'e\u0301 \u202Eright-to-left\u202C \u2028 \uFEFF zero\u200Bwidth \uFFFF',
];

const COLUMNS: readonly SqlColumn[] = [
  { name: 'id', type: 'integer' },
  { name: 'text', type: 'text' },
  { name: 'date', type: 'date' },
  { name: 'Mixed Case', type: 'integer' },
];

const DATES = ['2024-02-29', '0001-01-01', '9999-12-31', '1999-12-31'];

const ROWS: readonly (readonly SqlValue[])[] = [
  ...TRICKY_TEXT.map((text, i) => [
    i,
    text,
    DATES[i % DATES.length]!,
    i % 2 === 0 ? -(2 ** 31) : 2 ** 31 - 1,
  ]),
  [TRICKY_TEXT.length, null, null, null],
];

const ENGINES: readonly [SqlEngineName, () => Promise<SqlEngine | undefined>][] = [
  ['duckdb', openDuckDb],
  ['pglite', openPglite],
  ['postgres', openPostgres],
];

describe.each(ENGINES)('%s', (name, open) => {
  let engine: SqlEngine | undefined;
  // Kept for the tests to throw: a failing beforeAll would only skip them, and .ci/run counts failed TESTS.
  let openError: Error | undefined;
  beforeAll(async () => {
    try {
      engine = await open();
    } catch (error) {
      openError = error instanceof Error ? error : new Error(`Could not open ${name}`, { cause: error });
    }
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  /** The engine, or the test skips (no server configured here) or FAILS (CI must not skip silently). */
  function use(context: TestContext): SqlEngine {
    if (openError) throw openError;
    if (engine) return engine;
    if (postgresRequired()) {
      throw new Error(
        `No ${name} engine, but CI or SA_TEST_POSTGRES_URL requires one (see .ci/start-postgres)`
      );
    }
    return context.skip(
      `${name}: SA_TEST_POSTGRES_URL is not set; run .ci/start-postgres and set it to test it`
    );
  }

  test('loads text, dates, integers and nulls with bound values and reads them back unchanged', async (context) => {
    const db = use(context);
    await db.load('marks', COLUMNS, ROWS);
    const rows = await db.query('SELECT * FROM marks ORDER BY id');
    expect(rows).toEqual(ROWS.map(([id, text, date, mixed]) => ({ id, text, date, 'Mixed Case': mixed })));
    // The SQL sees the values as SQL values, not as text: lengths in code points, dates as dates.
    expect(await db.query("SELECT length(text) AS n FROM marks WHERE text = 'it''s'")).toEqual([{ n: 4 }]);
    expect(await db.query('SELECT date + 1 AS next FROM marks WHERE id = 0')).toEqual([
      { next: '2024-03-01' },
    ]);
  });

  test('load replaces an earlier table of the same name', async (context) => {
    const db = use(context);
    await db.load('again', [{ name: 'a', type: 'text' }], [['first']]);
    await db.load('again', [{ name: 'b', type: 'integer' }], [[1], [2]]);
    expect(await db.query('SELECT b FROM again ORDER BY b')).toEqual([{ b: 1 }, { b: 2 }]);
  });

  test('loads 50,000 rows in one go', async (context) => {
    const db = use(context);
    const rows = Array.from({ length: 50_000 }, (_, i) => [`pupil-${i % 997}`, '2024-09-02', i]);
    const columns: readonly SqlColumn[] = [
      { name: 'pupil', type: 'text' },
      { name: 'date', type: 'date' },
      { name: 'n', type: 'integer' },
    ];
    await db.load('many', columns, rows);
    expect(
      await db.query('SELECT count(*) AS rows, count(DISTINCT pupil) AS pupils, sum(n) AS total FROM many')
    ).toEqual([{ rows: 50_000, pupils: 997, total: (49_999 * 50_000) / 2 }]);
  }, 60_000);

  test('runs a script of several statements with comments', async (context) => {
    const db = use(context);
    await db.exec(`-- a comment; with a semicolon
      CREATE TABLE script (x INTEGER); /* another; comment */
      INSERT INTO script VALUES (1), (2), (40);`);
    expect(await db.query('SELECT count(*) AS n, sum(x) AS total, max(x) > 3 AS big FROM script')).toEqual([
      { n: 3, total: 43, big: true },
    ]);
  });

  test('gives whole numbers, dates, booleans and nulls in plain form', async (context) => {
    const db = use(context);
    const [row] = await db.query(
      `SELECT DATE '2024-09-02' AS d, CAST(9007199254740991 AS BIGINT) AS big, CAST(12 AS NUMERIC(10, 0)) AS num,
         CAST(2.5 AS NUMERIC(4, 1)) AS frac, false AS f, CAST(NULL AS TEXT) AS z`
    );
    expect(row).toStrictEqual({
      d: '2024-09-02',
      big: 9007199254740991,
      num: 12,
      frac: 2.5,
      f: false,
      z: null,
    });
  });

  test('rejects a whole number JavaScript cannot hold exactly', async (context) => {
    const db = use(context);
    await expect(db.query('SELECT CAST(9007199254740993 AS BIGINT) AS n')).rejects.toThrow(/safe range/);
  });

  test('rejects errors in SQL with an Error', async (context) => {
    const db = use(context);
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toBeInstanceOf(Error);
    await expect(db.exec('SELEC 1')).rejects.toBeInstanceOf(Error);
    await expect(db.query('SELECT 1 AS a; SELECT 2 AS b')).rejects.toBeInstanceOf(Error);
    // The engine is still usable afterwards.
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  test('refuses what it cannot load the same way everywhere', async (context) => {
    const db = use(context);
    const text: readonly SqlColumn[] = [{ name: 't', type: 'text' }];
    await expect(db.load('bad', text, [['lone \uD800 surrogate']])).rejects.toThrow(/surrogate/);
    await expect(db.load('bad', text, [['nul \0']])).rejects.toThrow(/NUL/);
    await expect(db.load('bad', text, [['a', 'b']])).rejects.toThrow(/2 values for 1 columns/);
    await expect(db.load('bad', [{ name: 'd', type: 'date' }], [['2023-02-29']])).rejects.toThrow(/date/);
    await expect(db.load('bad', [{ name: 'n', type: 'integer' }], [[2 ** 31]])).rejects.toThrow(/32-bit/);
    await expect(db.load('bad"name', text, [])).rejects.toThrow(/identifier/);
  });
});
