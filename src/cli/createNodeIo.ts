import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { CliIo } from './types.js';

/**
 * The real outside world for the command-line tool: the process's stdout and stderr and the file system.
 *
 * @returns The io.
 * @example
 * process.exitCode = await run(process.argv.slice(2), createNodeIo());
 */
export function createNodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readFile: (path) => readFile(path, 'utf8'),
    async writeFile(path, text) {
      // A temporary file in the same directory, so the rename stays on one file system and is atomic.
      const temporary = `${path}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    now: () => performance.now(),
    async openFile(path) {
      const handle = await open(path, 'r');
      try {
        const info = await handle.stat();
        if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
        return { size: info.size, chunks: handle.createReadStream() };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
  };
}
