import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { describe, expect, test } from 'vitest';

// The root entry point must stay free of the parsers behind `school-attendance/io`, so that a dashboard that only
// counts sessions never loads the CSV scanner or saxes. Bundling each entry with a metafile lists every module it
// reaches.
function metafileOf(entry: string): Promise<Metafile> {
  return build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  }).then((result) => result.metafile);
}

async function modulesReachedFrom(entry: string): Promise<string[]> {
  return Object.keys((await metafileOf(entry)).inputs);
}

/** The Node.js built-in modules an entry imports, anywhere in what it reaches. */
async function builtinsImportedBy(entry: string): Promise<string[]> {
  const result = { metafile: await metafileOf(entry) };
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return [...new Set(imports.filter((entry) => entry.external === true).map((entry) => entry.path))].sort();
}

const PARSERS = ['src/io/long/_internal/csvByteScanner.ts', 'node_modules/saxes/'];

describe('entry points', () => {
  test('the root entry reaches neither the CSV scanner nor saxes', async () => {
    const modules = await modulesReachedFrom('src/index.ts');
    expect(modules.some((path) => path.startsWith('src/sessions/'))).toBe(true);
    expect(modules.filter((path) => PARSERS.some((parser) => path.includes(parser)))).toEqual([]);
  });

  test('the io entry does reach both parsers, so the check above can fail', async () => {
    const modules = await modulesReachedFrom('src/io/index.ts');
    for (const parser of PARSERS) expect(modules.some((path) => path.includes(parser))).toBe(true);
  });

  test('files and threads stay in the io/node entry: the io entry imports neither node:fs nor node:worker_threads', async () => {
    const io = await builtinsImportedBy('src/io/index.ts');
    const ioNode = await builtinsImportedBy('src/io/node/index.ts');
    for (const builtin of ['node:worker_threads', 'node:fs', 'node:fs/promises']) {
      expect(io).not.toContain(builtin);
      expect(ioNode).toContain(builtin);
    }
  });
});
