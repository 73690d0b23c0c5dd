import { readFileSync } from 'node:fs';
import type { CliIo, OpenedFile } from '../../../src/cli/types.js';

/** An io whose files live in memory and whose output is recorded, for testing `run` without a process. */
export interface MemoryIo extends CliIo {
  /** Everything written to stdout. */
  readonly stdoutText: () => string;
  /** Everything written to stderr. */
  readonly stderrText: () => string;
  /** A file's text now (after any `writeFile`), or undefined when there is none. */
  readonly fileText: (path: string) => string | undefined;
}

/** Streams are read in small chunks so that importers see a file arrive in pieces, as from disk. */
const CHUNK_BYTES = 1024;

function missing(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

/**
 * An in-memory io: `files` maps names to contents; stdout and stderr are recorded, and say whether they are
 * terminals as asked.
 */
export function createMemoryIo(
  files: Readonly<Record<string, string | Uint8Array>>,
  terminals: { readonly stdout?: boolean; readonly stderr?: boolean } = {}
): MemoryIo {
  let stdout = '';
  let stderr = '';
  const store = new Map<string, string | Uint8Array>(Object.entries(files));
  const bytesOf = (path: string): Uint8Array => {
    const content = store.get(path);
    if (content === undefined) throw missing(path);
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  return {
    stdout: { write: (text: string) => (stdout += text), isTTY: terminals.stdout ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: terminals.stderr ?? false },
    readFile: (path) => Promise.resolve().then(() => new TextDecoder().decode(bytesOf(path))),
    openFile: (path): Promise<OpenedFile> =>
      Promise.resolve().then(() => {
        const bytes = bytesOf(path);
        async function* chunks(): AsyncGenerator<Uint8Array> {
          for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
            await Promise.resolve();
            yield bytes.subarray(start, start + CHUNK_BYTES);
          }
        }
        return { size: bytes.length, chunks: chunks() };
      }),
    writeFile: (path, text) =>
      Promise.resolve().then(() => {
        store.set(path, text);
      }),
    fileText: (path) => {
      const content = store.get(path);
      return content === undefined || typeof content === 'string'
        ? content
        : new TextDecoder().decode(content);
    },
    stdoutText: () => stdout,
    stderrText: () => stderr,
  };
}

/** The text of a file in test/cli/fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}
