// V8 holds a string of at most 2^29 - 24 UTF-16 units (about 512 MiB of ASCII); a JSON register must be parsed
// whole, so a file larger than this is refused with an issue before its text outgrows what a string can hold.
const MOST_JSON_BYTES = 500 * 1024 * 1024;

/** A JSON register's text, or how large it was when it proved too large to read at once. */
export type JsonRegisterText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly bytes: number; readonly limit: number };

/**
 * Reads a JSON register's bytes as UTF-8 text, whole (`JSON.parse` needs it so), refusing a file larger than a
 * string can hold rather than failing inside the runtime: a 1 GB file is refused from its size, before it is
 * read, or, where the size is not known, once the bytes read pass the limit.
 *
 * @param chunks - The file's bytes.
 * @param size - The file's size, when known.
 * @param limit - The most bytes read (500 MiB; smaller in tests).
 * @returns The text, or the size reached and the limit.
 * @example
 * const read = await readJsonRegisterText(file.chunks, file.size);
 * if (read.ok) JSON.parse(read.text);
 */
export async function readJsonRegisterText(
  chunks: AsyncIterable<Uint8Array>,
  size: number | undefined,
  limit: number = MOST_JSON_BYTES
): Promise<JsonRegisterText> {
  if (size !== undefined && size > limit) return { ok: false, bytes: size, limit };
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (bytes > limit) return { ok: false, bytes, limit };
    text += decoder.decode(chunk, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}
