import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

// The root entry point must stay free of the parsers behind `school-attendance/io`, so that a dashboard that only
// counts sessions never loads csv-parse or saxes. Bundling each entry with a metafile lists every module it reaches.
async function modulesReachedFrom(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const PARSERS = ['node_modules/csv-parse/', 'node_modules/saxes/'];

describe('entry points', () => {
  test('the root entry reaches neither csv-parse nor saxes', async () => {
    const modules = await modulesReachedFrom('src/index.ts');
    expect(modules.some((path) => path.startsWith('src/sessions/'))).toBe(true);
    expect(modules.filter((path) => PARSERS.some((parser) => path.includes(parser)))).toEqual([]);
  });

  test('the io entry does reach both parsers, so the check above can fail', async () => {
    const modules = await modulesReachedFrom('src/io/index.ts');
    for (const parser of PARSERS) expect(modules.some((path) => path.includes(parser))).toBe(true);
  });
});
