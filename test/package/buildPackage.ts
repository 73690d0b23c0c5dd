import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';
import { SINGLE_FILE_BUILD } from '../../tsup.config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The package's entry points, built once for the run as tsup.config.ts builds them (ESM and CommonJS). */
    packageDist: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the root and `/io` entry points in both formats, and the single-file IIFE build, as the package ships
 * them, into a fresh directory
 * inside node_modules (so that the built files find the dependencies as an installed package does), and gives
 * its path to the tests; the directory is removed afterwards.
 */
export default async function buildPackage(project: TestProject): Promise<() => Promise<void>> {
  const cache = join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, 'school-attendance-dist-'));
  await build({
    entry: { index: join(root, 'src/index.ts'), io: join(root, 'src/io/index.ts') },
    outDir,
    format: ['esm', 'cjs'],
    dts: false,
    target: 'node20',
    shims: true,
    clean: false,
    silent: true,
    config: false,
  });
  // The single-file build for engines with no module loader, as the package ships it.
  await build({
    ...SINGLE_FILE_BUILD,
    entry: { 'school-attendance.udf': join(root, 'src/index.ts') },
    outDir,
    silent: true,
    config: false,
  });
  project.provide('packageDist', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
