/**
 * One small interface over the SQL engines the generated SQL must run on: DuckDB, PGlite (PostgreSQL compiled to
 * WebAssembly, always available) and a real PostgreSQL server (when `SA_TEST_POSTGRES_URL` names one). Tests load
 * the same rows into each, run the same SQL and compare plain JavaScript values, so every engine hands rows back
 * in ONE shape: whole numbers as numbers, dates as `'YYYY-MM-DD'` strings, text as strings, booleans, null.
 *
 * Values are always bound (parameters, DuckDB's appender), never pasted into SQL text: the rows are test data
 * full of quotes and backslashes, and quoting them by hand would test the harness instead of the SQL.
 */
import { randomBytes } from 'node:crypto';
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBValue } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export type SqlEngineName = 'duckdb' | 'pglite' | 'postgres';

export interface SqlColumn {
  readonly name: string;
  readonly type: 'text' | 'date' | 'integer';
}

export type SqlValue = string | number | null;

export interface SqlEngine {
  readonly name: SqlEngineName;
  readonly dialect: 'duckdb' | 'postgres';
  /** Runs a script of several statements separated by semicolons (comments `--` and `/* *\/` may appear). */
  exec(sql: string): Promise<void>;
  /**
   * Runs ONE statement (more is an error on every engine); rows as plain objects: integers and bigints as JS
   * numbers, booleans, null, DATE values as 'YYYY-MM-DD' strings, text as strings.
   */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * Drops table `name` if it exists, creates it with these columns and inserts the rows with bind parameters or
   * the DuckDB appender: a value is NEVER pasted into SQL text. Text may hold any characters but NUL and lone
   * surrogates (PostgreSQL cannot store the one, UTF-8 cannot encode the other), null is SQL NULL, dates are
   * 'YYYY-MM-DD' strings and integers 32-bit (SQL INTEGER). The rows are checked the same way for every engine.
   */
  load(table: string, columns: readonly SqlColumn[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
  close(): Promise<void>;
}

/** True when a missing PostgreSQL server is a failure rather than a skip: in CI, or when one was asked for. */
export function postgresRequired(): boolean {
  return Boolean(process.env['SA_TEST_POSTGRES_URL']) || Boolean(process.env['CI']);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared by the engines: identifiers, checks of the rows, the column types.

const SQL_TYPE: Readonly<Record<SqlColumn['type'], string>> = {
  text: 'TEXT',
  date: 'DATE',
  integer: 'INTEGER',
};
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** A double-quoted identifier. Names with `"` or NUL are refused rather than escaped: no test needs them. */
function identifier(name: string): string {
  if (name === '' || name.includes('"') || name.includes('\0')) {
    throw new Error(`Unsupported SQL identifier ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

function createTableSql(table: string, columns: readonly SqlColumn[]): string {
  const list = columns.map((column) => `${identifier(column.name)} ${SQL_TYPE[column.type]}`).join(', ');
  return `DROP TABLE IF EXISTS ${identifier(table)}; CREATE TABLE ${identifier(table)} (${list})`;
}

/** The `[year, month, day]` of a real calendar date, or an error (DuckDB's appender would not check it). */
function dateParts(value: string): [number, number, number] {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return [year, month, day];
    }
  }
  throw new Error(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(value)}`);
}

/**
 * Checks every row against the columns before any engine sees it, so a bad row fails the same way on all of
 * them instead of being coerced differently (or, for a lone surrogate, silently replaced by U+FFFD).
 */
function checkRows(columns: readonly SqlColumn[], rows: readonly (readonly SqlValue[])[]): void {
  if (columns.length === 0) throw new Error('A table needs at least one column');
  rows.forEach((row, index) => {
    if (row.length !== columns.length) {
      throw new Error(`Row ${index} has ${row.length} values for ${columns.length} columns`);
    }
    columns.forEach((column, c) => {
      const value = row[c];
      if (value === null) return;
      const where = `row ${index}, column ${column.name}`;
      if (column.type === 'integer') {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
          throw new Error(`${where}: not a 32-bit integer: ${String(value)}`);
        }
      } else if (typeof value !== 'string') {
        throw new Error(`${where}: not a string: ${String(value)}`);
      } else if (column.type === 'date') {
        dateParts(value);
      } else if (value.includes('\0') || /\p{Surrogate}/u.test(value)) {
        throw new Error(
          `${where}: text with NUL or a lone surrogate cannot be stored the same on every engine`
        );
      }
    });
  });
}

/** A whole number that JavaScript holds exactly, or an error: a silently rounded count would hide a bug. */
function safeInteger(value: bigint | string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || BigInt(value) !== BigInt(number)) {
    throw new Error(`Integer ${String(value)} is outside JavaScript's safe range`);
  }
  return number;
}

/**
 * NUMERIC (PostgreSQL's `sum` of integers is one): whole values as safe integers (else an error), others as the
 * nearest double, which is what a test compares a rate with.
 */
function numeric(text: string): number {
  return /^-?\d+$/.test(text) ? safeInteger(text) : Number(text);
}

// ---------------------------------------------------------------------------------------------------------------
// DuckDB

/** DuckDB's values in the plain forms above; types no test needs yet are refused rather than guessed. */
function fromDuckDb(value: DuckDBValue): unknown {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  ) {
    return value;
  }
  if (typeof value === 'bigint') return safeInteger(value); // count(*) is BIGINT, sum() of integers HUGEINT
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBDecimalValue) return numeric(value.toString());
  throw new Error(`The harness does not convert DuckDB values like ${value.toString()} yet`);
}

function append(appender: DuckDBAppender, type: SqlColumn['type'], value: SqlValue): void {
  if (value === null) appender.appendNull();
  else if (type === 'integer') appender.appendInteger(value as number);
  else if (type === 'date') {
    const [year, month, day] = dateParts(value as string);
    appender.appendDate(DuckDBDateValue.fromParts({ year, month, day }));
  } else appender.appendVarchar(value as string);
}

/** An in-memory DuckDB on one thread: the tests compare results, and the machine's other cores are busy. */
export async function openDuckDb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET threads = 1');
  return {
    name: 'duckdb',
    dialect: 'duckdb',
    async exec(sql) {
      await connection.run(sql); // without parameters this is duckdb_query, which runs every statement
    },
    async query(sql) {
      const { count } = await connection.extractStatements(sql);
      if (count !== 1) throw new Error(`query() runs one statement, got ${count}`);
      const reader = await connection.runAndReadAll(sql);
      return reader
        .getRowObjects()
        .map((row) =>
          Object.fromEntries(Object.entries(row).map(([key, value]) => [key, fromDuckDb(value)]))
        );
    },
    async load(table, columns, rows) {
      checkRows(columns, rows);
      await connection.run(createTableSql(table, columns));
      const appender = await connection.createAppender(table);
      try {
        for (const row of rows) {
          columns.forEach((column, c) => {
            append(appender, column.type, row[c]!);
          });
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: PGlite and a server share the SQL of `load` and the type parsers.

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
type TypeFormat = Parameters<typeof pg.types.getTypeParser>[1];
const ARRAY_TYPE: Readonly<Record<SqlColumn['type'], string>> = {
  text: 'text[]',
  date: 'date[]',
  integer: 'integer[]',
};

/**
 * The parsers that differ from the drivers' defaults: a DATE stays the server's 'YYYY-MM-DD' text (a JS Date
 * would be midnight in the machine's time zone), INT8 (`count(*)`) and NUMERIC (`sum` of integers) become numbers.
 */
const POSTGRES_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: safeInteger,
  [OID.date]: (text) => text,
  [OID.numeric]: numeric,
};

/**
 * One INSERT for all rows: each column goes in as ONE array parameter and `unnest` turns the arrays back into
 * rows. That keeps clear of the 65,535 parameters a statement may have, and 50,000 rows are one round trip.
 */
function insertSql(table: string, columns: readonly SqlColumn[]): string {
  const names = columns.map((column) => identifier(column.name)).join(', ');
  const arrays = columns.map((column, c) => `$${c + 1}::${ARRAY_TYPE[column.type]}`).join(', ');
  return `INSERT INTO ${identifier(table)} (${names}) SELECT * FROM unnest(${arrays})`;
}

function columnArrays(columns: readonly SqlColumn[], rows: readonly (readonly SqlValue[])[]): SqlValue[][] {
  return columns.map((_, c) => rows.map((row) => row[c]!));
}

/** In-memory PGlite (PostgreSQL in WebAssembly): PostgreSQL semantics with nothing to install. */
export async function openPglite(): Promise<SqlEngine> {
  const db = await PGlite.create({ parsers: POSTGRES_PARSERS });
  return {
    name: 'pglite',
    dialect: 'postgres',
    async exec(sql) {
      await db.exec(sql);
    },
    async query(sql) {
      // PGlite's query() uses the extended protocol, which refuses more than one statement.
      return (await db.query<Record<string, unknown>>(sql)).rows;
    },
    async load(table, columns, rows) {
      checkRows(columns, rows);
      await db.exec(createTableSql(table, columns));
      await db.query(insertSql(table, columns), columnArrays(columns, rows));
    },
    close: () => db.close(),
  };
}

/**
 * A real PostgreSQL server at `SA_TEST_POSTGRES_URL` (in CI, Debian's package started by .ci/start-postgres), or
 * undefined when the variable is not set. Each engine works in a fresh schema with a random name, dropped on
 * close, so test files running at the same time on one server cannot see each other's tables. DateStyle is set
 * to ISO, as a server's postgresql.conf may say otherwise and DATE values are passed on as the server writes them.
 */
export async function openPostgres(): Promise<SqlEngine | undefined> {
  const url = process.env['SA_TEST_POSTGRES_URL'];
  if (!url) return undefined;
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: (oid: TypeId, format?: TypeFormat): unknown =>
        POSTGRES_PARSERS[oid] ?? pg.types.getTypeParser(oid, format),
    },
  });
  // Without a listener, a connection the server drops between queries would crash the test worker;
  // the next query on the dead client rejects instead.
  client.on('error', () => undefined);
  await client.connect();
  const schema = identifier(`sa_test_${randomBytes(8).toString('hex')}`);
  try {
    await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET datestyle TO ISO`);
  } catch (error) {
    await client.end();
    throw error;
  }
  // pg sends a query without parameters with the simple protocol, which runs any number of statements; `query`
  // forces the extended protocol so that more than one statement is refused, as on PGlite and DuckDB.
  // (`queryMode` is in pg since 8.12 but not in @types/pg.)
  const oneStatement = (text: string): pg.QueryConfig & { queryMode: 'extended' } => ({
    text,
    queryMode: 'extended',
  });
  return {
    name: 'postgres',
    dialect: 'postgres',
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql) {
      return (await client.query<Record<string, unknown>>(oneStatement(sql))).rows;
    },
    async load(table, columns, rows) {
      checkRows(columns, rows);
      await client.query(createTableSql(table, columns));
      await client.query(insertSql(table, columns), columnArrays(columns, rows));
    },
    async close() {
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Opens an engine once for the tests of the calling `describe` block and closes it after them. `running(context)`
 * gives the engine in a test; where it is not running here the test is skipped, unless the engine is required
 * (in CI, or when a server was named), when the test fails. An engine that fails to open fails every test (an
 * error in `beforeAll` would only skip them, and CI's count of failed tests would miss it).
 *
 * @param name - The engine's name, for messages.
 * @param open - Opens it; undefined when it is not configured here.
 * @returns The accessor for tests.
 */
export function useEngine(
  name: string,
  open: () => Promise<SqlEngine | undefined>
): { running(context: { skip: () => void }): SqlEngine } {
  let engine: SqlEngine | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      engine = await open();
    } catch (error) {
      failure = error;
    }
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });
  return {
    running(context) {
      if (failure !== undefined)
        throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
      if (engine === undefined) {
        if (postgresRequired()) throw new Error(`${name} is required here but was not available`);
        context.skip();
      }
      return engine!;
    },
  };
}
