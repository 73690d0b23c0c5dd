import { build } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import * as io from '../../src/io/index.js';

// `school-attendance/io` must run in any engine (a browser, a worker, Deno, Bun): bundled for the browser it
// reaches no Node.js built-in, and it runs in a bare context that has only the Web APIs it needs (TextEncoder and
// TextDecoder), with no Buffer and no process.

async function browserBundle(): Promise<{ code: string; external: string[] }> {
  const result = await build({
    entryPoints: ['src/io/index.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'io',
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return {
    code: result.outputFiles[0]!.text,
    external: imports.filter((entry) => entry.external === true).map((entry) => entry.path),
  };
}

const TEXT = 'pupil_id;date;session;code\nP1;02/09/2025;AM;/\r\nPé1;2025-09-02;PM;L\n"P2";2025-09-02;PM;Q9\n';

describe('the io entry in a browser', () => {
  test('bundles for the browser with no Node.js built-in, and reads registers without Buffer or process', async () => {
    const { code, external } = await browserBundle();
    expect(external).toEqual([]);
    const context = createContext({ TextEncoder, TextDecoder });
    runInContext(code, context);
    expect(runInContext('typeof Buffer + typeof process', context)).toBe('undefinedundefined');

    context['text'] = TEXT;
    const read = runInContext(
      `io.readRegisterCsv(text, { delimiter: ';', source: 'r.csv' })`,
      context
    ) as unknown;
    expect(JSON.parse(JSON.stringify(read))).toEqual(
      JSON.parse(JSON.stringify(io.readRegisterCsv(TEXT, { delimiter: ';', source: 'r.csv' })))
    );

    // Bytes in chunks of three (cutting characters), a byte that is not UTF-8, and a delimiter of two bytes.
    const streamed = (await runInContext(
      `(async () => {
        const bytes = new TextEncoder().encode(text.replaceAll(';', '::'));
        async function* source() {
          for (let at = 0; at < bytes.length; at += 3) yield bytes.subarray(at, at + 3);
          yield new Uint8Array([0x50, 0xff, 0x3a, 0x3a, 0x32, 0x30]);
        }
        const options = { delimiter: '::', source: 'r.csv' };
        const general = await io.importRegisterCsv(source(), options);
        const cohort = await io.importCohortRegisterCsv(source(), options);
        return JSON.stringify([general, [cohort.rowsRead, cohort.rowsUsed, cohort.rowsRejected, cohort.issues]]);
      })()`,
      context
    )) as string;
    const [general, cohort] = JSON.parse(streamed) as [io.RegisterImportReport, unknown[]];
    expect(general.rowsRead).toBe(4);
    expect(general.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['unknown_code', 4],
      ['malformed_input', 5],
    ]);
    expect(cohort).toEqual([general.rowsRead, general.rowsUsed, general.rowsRejected, general.issues]);

    const census = runInContext(
      `io.safeParseCensusAttendanceCsv('pupil_id,period\\n"P1,termly\\n').error.issues.map((issue) => issue.code)`,
      context
    ) as unknown;
    expect(JSON.parse(JSON.stringify(census))).toContain('malformed_input');
  });
});
