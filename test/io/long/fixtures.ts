import { readFileSync } from 'node:fs';

/** The text of a fixture file in this folder's `fixtures/`, read as UTF-8. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A mark without its line, for comparing with marks that were not read from a file. */
export function withoutLine<T extends { readonly line?: number }>(mark: T): Omit<T, 'line'> {
  const copy: { line?: number } = { ...mark };
  delete copy.line;
  return copy as Omit<T, 'line'>;
}

/** A JSON fixture, parsed. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

/** An async source that yields `bytes` in chunks of `size` bytes, as a file stream would. */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) {
    await Promise.resolve();
    yield bytes.subarray(start, start + size);
  }
}

/** An async source that yields `bytes` cut at the given offsets. */
export async function* cutAt(bytes: Uint8Array, offsets: readonly number[]): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  let start = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    if (offset <= start || offset >= bytes.length) continue;
    yield bytes.subarray(start, offset);
    start = offset;
  }
  yield bytes.subarray(start);
}
