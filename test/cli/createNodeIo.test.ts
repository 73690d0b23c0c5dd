import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createNodeIo } from '../../src/cli/createNodeIo.js';

const folder = mkdtempSync(join(tmpdir(), 'school-attendance-io-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test('writeFile replaces a file by renaming a new one over it, leaving no temporary file behind', async () => {
  const io = createNodeIo();
  const path = join(folder, 'state.json');
  writeFileSync(path, 'old');
  await io.writeFile(path, 'new');
  expect(readFileSync(path, 'utf8')).toBe('new');
  await io.writeFile(join(folder, 'fresh.csv'), 'a\n');
  expect(readdirSync(folder).sort()).toEqual(['fresh.csv', 'state.json']);
});

test('a write that fails leaves the file as it was and no temporary file', async () => {
  const io = createNodeIo();
  const path = join(folder, 'no-such-folder', 'state.json');
  await expect(io.writeFile(path, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  await io.writeFile(join(folder, 'keep.txt'), 'kept');
  // Renaming over a directory fails: the temporary file made beside it is removed again.
  await expect(io.writeFile(folder, 'x')).rejects.toThrow();
  expect(
    readdirSync(tmpdir()).filter((name) => name.startsWith(`${folder.split(/[\\/]/).at(-1)!}.`))
  ).toEqual([]);
  expect(readFileSync(join(folder, 'keep.txt'), 'utf8')).toBe('kept');
  expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});
