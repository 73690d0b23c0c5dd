import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The command-line tool, built once for the run. */
    cliPath: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the command-line tool once, as tsup.config.ts builds it for the package, into a fresh directory, and
 * gives its path to the tests; the directory is removed afterwards. It sits inside node_modules so that the
 * built file finds the package's dependencies the way the installed binary does.
 */
export default async function buildCli(project: TestProject): Promise<() => Promise<void>> {
  const cache = join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, 'school-attendance-cli-'));
  await build({
    entry: { cli: join(root, 'src/cli/bin.ts') },
    outDir,
    format: ['esm'],
    dts: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    clean: false,
    silent: true,
    config: false,
  });
  project.provide('cliPath', join(outDir, 'cli.js'));
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
