import { readRegisterCsv } from '../../io/long/readRegisterCsv.js';
import { readRegisterJson } from '../../io/long/readRegisterJson.js';
import { REGISTER_COLUMN_PRESETS } from '../../io/long/registerColumnPresets.js';
import type { InputLimits } from '../../io/limits/inputLimits.js';
import type {
  RegisterColumnPresetName,
  RegisterCsvOptions,
  RegisterJsonOptions,
} from '../../io/long/types.js';

const PRESETS = Object.keys(REGISTER_COLUMN_PRESETS) as RegisterColumnPresetName[];

// A header is looked for in at most this many bytes at the start of the file; a longer first line is left to the
// importer (and its line limit).
const MOST_HEADER_BYTES = 64 * 1024;

/** What the header says about the mapping to read a register with, when no `--mapping` was given. */
export type MappingDetection =
  /** The default (`generic`) reads it, or no preset does (the importer then says which columns are missing). */
  | { readonly kind: 'default' }
  /** One preset other than `generic` reads it. */
  | { readonly kind: 'preset'; readonly preset: RegisterColumnPresetName }
  /** Several presets other than `generic` read it, and none is to be preferred. */
  | { readonly kind: 'ambiguous'; readonly presets: readonly RegisterColumnPresetName[] };

/**
 * The mapping to read a register with, from the presets whose columns it has: the default when `generic` is one
 * of them or none is, the preset when there is one, and otherwise the choice is the user's.
 *
 * @param matching - The presets that find a column for every required field.
 * @returns The detection.
 * @example
 * chooseMapping(['sims']) //=> { kind: 'preset', preset: 'sims' }
 * chooseMapping(['generic', 'wonde']) //=> { kind: 'default' }
 */
export function chooseMapping(matching: readonly RegisterColumnPresetName[]): MappingDetection {
  const [only, ...others] = matching;
  if (only === undefined || matching.includes('generic')) return { kind: 'default' };
  return others.length === 0 ? { kind: 'preset', preset: only } : { kind: 'ambiguous', presets: matching };
}

/**
 * The presets that find a column for each required field (pupil, date, session, code) in a CSV header, as the
 * importer matches them (ignoring case, spaces, underscores and hyphens): the header is read by the importer
 * itself, once per preset.
 *
 * @param header - The header line.
 * @param delimiter - The field delimiter, `,` by default.
 * @returns The presets, in the order of `REGISTER_COLUMN_PRESETS`.
 * @example
 * presetsMatchingCsvHeader('PersonID,UPN,AttendanceDate,SessionName,AttendanceMark') //=> ['sims']
 */
export function presetsMatchingCsvHeader(header: string, delimiter?: string): RegisterColumnPresetName[] {
  return PRESETS.filter((preset) => {
    const options: RegisterCsvOptions = {
      mapping: preset,
      ...(delimiter === undefined ? {} : { delimiter }),
    };
    return !readRegisterCsv(`${header}\n`, options).issues.some((issue) => issue.code === 'missing_column');
  });
}

/**
 * The presets that find a key for each required field in the first record of a JSON register (an array of
 * records, or `{ "data": [...] }`), as the importer finds them.
 *
 * @param value - The parsed register.
 * @param limits - `--max-line-bytes` and `--max-depth`, which the record is held to as the import will hold it.
 * @returns The presets, in the order of `REGISTER_COLUMN_PRESETS`; none when there is no record to look at.
 * @example
 * presetsMatchingJsonRecord({ data: [{ student_id: 'S1', session_date: '2024-09-03', session_name: 'AM', attendance_mark: '/' }] })
 * //=> ['assembly']
 */
export function presetsMatchingJsonRecord(
  value: unknown,
  limits: InputLimits = {}
): RegisterColumnPresetName[] {
  const records: unknown =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)['data']
      : value;
  if (!Array.isArray(records)) return [];
  const record: unknown = records.find(
    (item: unknown) => typeof item === 'object' && item !== null && !Array.isArray(item)
  );
  if (record === undefined) return [];
  const matching: RegisterColumnPresetName[] = [];
  for (const preset of PRESETS) {
    const options: RegisterJsonOptions = { mapping: preset, ...limits };
    const { issues } = readRegisterJson([record], options);
    // A record over a limit is refused before its keys are looked at: it tells nothing about the mapping.
    if (issues.some((issue) => issue.code === 'too_deep' || issue.code === 'too_long')) return [];
    if (!issues.some((issue) => issue.code === 'missing_column')) matching.push(preset);
  }
  return matching;
}

function decoderFor(
  head: Uint8Array,
  encoding: RegisterCsvOptions['encoding']
): InstanceType<typeof TextDecoder> {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le');
  if (encoding === 'latin1') return new TextDecoder('windows-1252');
  return new TextDecoder('utf-8');
}

/**
 * Reads the first line of a CSV stream without losing it: the chunks read to find it are handed on, followed by
 * the rest of the stream, so the importer still reads every byte once. The line is decoded as the importer will
 * decode it (a byte order mark, else the encoding option); nothing is given when the first line is longer than
 * 64 KiB.
 *
 * @param chunks - The file's bytes.
 * @param encoding - The `--encoding` option.
 * @returns The first line (without its line break), if found, and the stream to read from now on.
 * @example
 * const { header, chunks: rest } = await peekCsvHeader(file.chunks, 'auto');
 */
export async function peekCsvHeader(
  chunks: AsyncIterable<Uint8Array>,
  encoding: RegisterCsvOptions['encoding']
): Promise<{ header: string | undefined; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < MOST_HEADER_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    buffered.push(next.value);
    size += next.value.byteLength;
    if (next.value.includes(0x0a)) break;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* buffered;
    if (ended) return;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  const head = new Uint8Array(size);
  let offset = 0;
  for (const chunk of buffered) {
    head.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = decoderFor(head, encoding).decode(head.subarray(0, MOST_HEADER_BYTES));
  const end = text.indexOf('\n');
  const header = end >= 0 ? text.slice(0, end).replace(/\r$/, '') : ended ? text : undefined;
  return { header, chunks: replay() };
}
