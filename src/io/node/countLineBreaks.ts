const LF = 10;
const CR = 13;

/**
 * The number of line breaks in a stream of bytes, as the CSV scanner counts them, for files that end their lines
 * all with LF or all with CRLF: null when the CRs and LFs do not pair up that way (the caller then reads the file
 * on one thread). A quoted field's line breaks count too, as the scanner counts them.
 *
 * @param source - The bytes.
 * @returns The line breaks, or null when the line endings are mixed.
 * @example
 * await countLineBreaks(createReadStream(path, { end: 999 })); //=> 41
 */
export async function countLineBreaks(source: AsyncIterable<Uint8Array>): Promise<number | null> {
  let lineFeeds = 0;
  let carriageReturns = 0;
  for await (const chunk of source) {
    let index = chunk.indexOf(LF);
    while (index >= 0) {
      lineFeeds += 1;
      index = chunk.indexOf(LF, index + 1);
    }
    if (chunk.includes(CR)) {
      for (const byte of chunk) if (byte === CR) carriageReturns += 1;
    }
  }
  return carriageReturns === 0 || carriageReturns === lineFeeds ? lineFeeds : null;
}
