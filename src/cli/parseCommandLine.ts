import { parseArgs } from 'node:util';
import { isIsoDate } from '../calendar/isIsoDate.js';
import type { IsoDate } from '../calendar/types.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from '../io/limits/inputLimits.js';
import { REGISTER_COLUMN_PRESETS } from '../io/long/registerColumnPresets.js';
import { parseFailOn } from './failOn.js';
import { COMMAND_NAMES } from './help.js';
import type { RegisterDateFormat } from '../io/long/types.js';
import { SQL_DIALECTS } from '../sql/dialects/dialect.js';
import type {
  CliOptions,
  CommandName,
  RegisterFormat,
  ReportCommandOptions,
  ReportComparisonOptions,
  SqlCommandOptions,
} from './types.js';
import { UsageError } from './usageError.js';
import { excerpt } from '../_internal/excerpt.js';

const OPTIONS = {
  calendar: { type: 'string' },
  policy: { type: 'string' },
  'lateness-policy': { type: 'string' },
  'escalation-policy': { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  mapping: { type: 'string' },
  'code-list': { type: 'string' },
  'date-format': { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  'day-model': { type: 'string' },
  'code-width': { type: 'string' },
  'max-line-bytes': { type: 'string' },
  'max-depth': { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  'no-formula-escape': { type: 'boolean' },
  limit: { type: 'string' },
  pupil: { type: 'string', multiple: true },
  'fail-on': { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'no-progress': { type: 'boolean' },
  explain: { type: 'boolean' },
  events: { type: 'string' },
  state: { type: 'string' },
  'due-since': { type: 'string' },
  date: { type: 'string' },
  event: { type: 'string' },
  detail: { type: 'string', multiple: true },
  dialect: { type: 'string' },
  'marks-table': { type: 'string' },
  'date-type': { type: 'string' },
  'order-column': { type: 'string' },
  schema: { type: 'string' },
  prefix: { type: 'string' },
  duplicates: { type: 'string' },
  'unique-sessions': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  pupils: { type: 'string' },
  'group-by': { type: 'string' },
  compare: { type: 'string' },
  'compare-level': { type: 'string' },
  'compare-phase': { type: 'string' },
  'aggregate-only': { type: 'boolean' },
  'small-numbers': { type: 'string' },
  title: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

const COMMON: readonly OptionName[] = [
  'calendar',
  'policy',
  'as-of',
  'format',
  'mapping',
  'code-list',
  'date-format',
  'delimiter',
  'encoding',
  'day-model',
  'code-width',
  'max-line-bytes',
  'max-depth',
  'json',
  'csv',
  'no-formula-escape',
  'limit',
  'pupil',
  'fail-on',
  'quiet',
  'no-progress',
  'help',
];

/** The options each subcommand takes; any other is a usage error, so a misplaced option is never ignored. */
const ALLOWED: Readonly<Record<CommandName, readonly OptionName[]>> = {
  summary: COMMON,
  persistent: COMMON,
  penalty: COMMON,
  lateness: [...COMMON, 'lateness-policy'],
  escalation: [...COMMON, 'escalation-policy', 'explain', 'events', 'state', 'due-since'],
  report: [
    ...COMMON.filter(
      (name) =>
        name !== 'json' &&
        name !== 'csv' &&
        name !== 'no-formula-escape' &&
        name !== 'limit' &&
        name !== 'fail-on'
    ),
    'escalation-policy',
    'events',
    'pupils',
    'group-by',
    'compare',
    'compare-level',
    'compare-phase',
    'aggregate-only',
    'small-numbers',
    'title',
    'output',
  ],
  check: COMMON.filter((name) => name !== 'as-of' && name !== 'pupil'),
  record: [
    'pupil',
    'date',
    'event',
    'detail',
    'escalation-policy',
    'max-line-bytes',
    'max-depth',
    'quiet',
    'help',
  ],
  sql: [
    'calendar',
    'policy',
    'as-of',
    'dialect',
    'marks-table',
    'date-type',
    'order-column',
    'schema',
    'prefix',
    'duplicates',
    'unique-sessions',
    'output',
    'max-line-bytes',
    'max-depth',
    'quiet',
    'help',
  ],
};

const FORMATS: readonly RegisterFormat[] = ['csv', 'json', 'ctf'];

const MAPPING_PRESETS = Object.keys(REGISTER_COLUMN_PRESETS);

const DATE_FORMATS: readonly RegisterDateFormat[] = ['auto', 'iso', 'dmy'];

const ENCODINGS: readonly NonNullable<CliOptions['encoding']>[] = ['auto', 'utf-8', 'utf-16le', 'latin1'];

const DAY_MODELS: readonly NonNullable<CliOptions['dayModel']>[] = ['calendarDays', 'schoolDays', 'auto'];

const SQL_DATE_TYPES: readonly NonNullable<SqlCommandOptions['dateType']>[] = ['date', 'text'];

const SQL_DUPLICATES: readonly NonNullable<SqlCommandOptions['duplicates']>[] = ['error', 'precedence'];

// A tab is awkward to type in a shell, so it has names.
const TAB_NAMES: readonly string[] = ['tab', '\\t', '\t'];

/** What the command line asks for. */
export type CommandLine =
  | { readonly kind: 'help'; readonly command?: CommandName }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CommandName; readonly options: CliOptions };

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && (COMMAND_NAMES as readonly string[]).includes(name);
}

const PARSE_CONFIG = { options: OPTIONS, allowPositionals: true, strict: true } as const;

function parse(argv: readonly string[]): ReturnType<typeof parseArgs<typeof PARSE_CONFIG>> {
  try {
    return parseArgs({ ...PARSE_CONFIG, args: [...argv] });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`Unknown option ${option}.`, isCommand(argv[0]) ? argv[0] : undefined);
    }
    throw new UsageError(message, isCommand(argv[0]) ? argv[0] : undefined);
  }
}

function checkedLimit(text: string | undefined, command: CommandName): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text)) {
    throw new UsageError(
      `--limit must be a whole number of ${command === 'check' ? 'problems' : 'pupils'}, 1 or more; received ${excerpt(text)}.`,
      command
    );
  }
  return Number(text);
}

function checkedFormat(text: string | undefined, command: CommandName): RegisterFormat | undefined {
  if (text === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(text)) {
    throw new UsageError(`--format must be csv, json or ctf; received ${excerpt(text)}.`, command);
  }
  return text as RegisterFormat;
}

function checkedChoice<T extends string>(
  option: string,
  text: string | undefined,
  choices: readonly T[],
  command: CommandName
): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    const listed = `${choices.slice(0, -1).join(', ')} or ${choices.at(-1) ?? ''}`;
    throw new UsageError(`--${option} must be ${listed}; received ${excerpt(text)}.`, command);
  }
  return text as T;
}

function checkedDelimiter(text: string | undefined, command: CommandName): string | undefined {
  if (text === undefined) return undefined;
  if (TAB_NAMES.includes(text.toLowerCase())) return '\t';
  if (text.length !== 1 || /["\r\n]/.test(text)) {
    throw new UsageError(
      `--delimiter must be one character other than a quote or a line break, such as ";" or "|", or tab; received ${excerpt(text)}.`,
      command
    );
  }
  return text;
}

function checkedCodeWidth(text: string | undefined, command: CommandName): 1 | 2 | undefined {
  if (text === undefined) return undefined;
  if (text !== '1' && text !== '2') {
    throw new UsageError(
      `--code-width must be 1 or 2 (characters per session); received ${excerpt(text)}.`,
      command
    );
  }
  return text === '1' ? 1 : 2;
}

// Sizes may be written in bytes or in binary units, as the default is documented ("1 MiB").
const SIZE = /^([1-9]\d*)\s*(KiB|MiB|GiB)?$/i;
const UNIT_BYTES: Readonly<Record<string, number>> = { kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

function checkedMaxLineBytes(text: string | undefined, command: CommandName): number {
  if (text === undefined) return DEFAULT_MAX_LINE_BYTES;
  const match = SIZE.exec(text.trim());
  const bytes = match === null ? NaN : Number(match[1]) * (UNIT_BYTES[match[2]?.toLowerCase() ?? ''] ?? 1);
  if (!Number.isSafeInteger(bytes)) {
    throw new UsageError(
      `--max-line-bytes must be a whole number of bytes, 1 or more, optionally in KiB, MiB or GiB (e.g. 4194304 or 4MiB); received ${excerpt(text)}.`,
      command
    );
  }
  return bytes;
}

function checkedMaxDepth(text: string | undefined, command: CommandName): number {
  if (text === undefined) return DEFAULT_MAX_DEPTH;
  if (!/^[1-9]\d{0,5}$/.test(text)) {
    throw new UsageError(
      `--max-depth must be a whole number of levels from 1 to 999999; received ${excerpt(text)}.`,
      command
    );
  }
  return Number(text);
}

function checkedAsOf(text: string | undefined, command: CommandName): IsoDate | undefined {
  if (text === undefined || isIsoDate(text)) return text;
  throw new UsageError(
    `--as-of must be a date as YYYY-MM-DD naming a real day; received ${excerpt(text)}.`,
    command
  );
}

/**
 * Reads the command line: the subcommand, the register files and the options, each checked, so that a mistake
 * is reported before any file is read.
 *
 * @param argv - The arguments after the program name.
 * @returns What to do: show help, show the version, or run a subcommand with its options.
 * @throws {@link UsageError} For a missing or unknown command, an unknown or misplaced option, or a bad value.
 * @example
 * parseCommandLine(['summary', 'register.csv', '--json']) // { kind: 'run', command: 'summary', options: { output: 'json', … } }
 * parseCommandLine(['penalty', '--help']) //=> { kind: 'help', command: 'penalty' }
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { values, positionals } = parse(argv);
  const [first, ...files] = positionals;
  if (values.version === true) return { kind: 'version' };
  if (first === 'help') {
    const [topic] = files;
    if (topic === undefined) return { kind: 'help' };
    if (!isCommand(topic)) throw new UsageError(`Unknown command "${topic}".`);
    return { kind: 'help', command: topic };
  }
  if (first === undefined) {
    if (values.help === true) return { kind: 'help' };
    throw new UsageError(`Give a command: ${COMMAND_NAMES.join(', ')}.`);
  }
  if (!isCommand(first))
    throw new UsageError(`Unknown command "${first}": use one of ${COMMAND_NAMES.join(', ')}.`);
  const command = first;
  if (values.help === true) return { kind: 'help', command };

  const allowed = ALLOWED[command];
  for (const name of Object.keys(values) as OptionName[]) {
    if (!allowed.includes(name)) throw new UsageError(`--${name} does not apply to ${command}.`, command);
  }
  if (command === 'record') return { kind: 'run', command, options: recordOptions(values, files) };
  if (command === 'sql') return { kind: 'run', command, options: sqlOptions(values, files) };
  if (files.length === 0) throw new UsageError(`Give the register file to read.`, command);
  if (files.length > 1 && command !== 'check') {
    throw new UsageError(
      `${command} reads one register file; received ${files.length}: ${files.join(', ')}.`,
      command
    );
  }
  if (command === 'report') return { kind: 'run', command, options: reportOptions(values, files) };
  if (values.json === true && values.csv === true)
    throw new UsageError('Give --json or --csv, not both.', command);
  if (values['no-formula-escape'] === true && values.csv !== true) {
    throw new UsageError('--no-formula-escape applies only to --csv output.', command);
  }
  return { kind: 'run', command, options: analysisOptions(values, files, command) };
}

type ParsedValues = ReturnType<typeof parse>['values'];

/** The options of the commands that read one register (or several, for `check`). */
function analysisOptions(values: ParsedValues, files: readonly string[], command: CommandName): CliOptions {
  const asOf = checkedAsOf(values['as-of'], command);
  const mapping = values.mapping;
  if (mapping !== undefined && !MAPPING_PRESETS.includes(mapping) && !mapping.endsWith('.json')) {
    throw new UsageError(
      `--mapping must be one of ${MAPPING_PRESETS.join(', ')}, or a .json file of column names; received ${excerpt(mapping)}.`,
      command
    );
  }
  const dueSince = values['due-since'];
  if (dueSince !== undefined && !isIsoDate(dueSince)) {
    throw new UsageError(
      `--due-since must be a date as YYYY-MM-DD naming a real day; received ${excerpt(dueSince)}.`,
      command
    );
  }
  if (values.state !== undefined && values.state === values.events) {
    throw new UsageError('--state and --events must be different files.', command);
  }
  const format = checkedFormat(values.format, command);
  const limit = checkedLimit(values.limit, command);
  const dateFormat = checkedChoice('date-format', values['date-format'], DATE_FORMATS, command);
  const delimiter = checkedDelimiter(values.delimiter, command);
  const encoding = checkedChoice('encoding', values.encoding, ENCODINGS, command);
  const dayModel = checkedChoice('day-model', values['day-model'], DAY_MODELS, command);
  const codeWidth = checkedCodeWidth(values['code-width'], command);
  const maxLineBytes = checkedMaxLineBytes(values['max-line-bytes'], command);
  const maxDepth = checkedMaxDepth(values['max-depth'], command);
  if (dayModel === 'schoolDays' && values.calendar === undefined) {
    throw new UsageError(
      '--day-model schoolDays dates the marks by the school days of a calendar: give --calendar FILE.',
      command
    );
  }

  const options: CliOptions = {
    files,
    ...(values.calendar === undefined ? {} : { calendar: values.calendar }),
    ...(values.policy === undefined ? {} : { policy: values.policy }),
    ...(values['lateness-policy'] === undefined ? {} : { latenessPolicy: values['lateness-policy'] }),
    ...(values['escalation-policy'] === undefined ? {} : { escalationPolicy: values['escalation-policy'] }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(format === undefined ? {} : { format }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(values['code-list'] === undefined ? {} : { codeList: values['code-list'] }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(encoding === undefined ? {} : { encoding }),
    ...(dayModel === undefined ? {} : { dayModel }),
    ...(codeWidth === undefined ? {} : { codeWidth }),
    ...(limit === undefined ? {} : { limit }),
    maxLineBytes,
    maxDepth,
    output: values.json === true ? 'json' : values.csv === true ? 'csv' : 'table',
    formulaEscape: values['no-formula-escape'] !== true,
    failOn: parseFailOn(values['fail-on'] ?? [], command),
    pupils: values.pupil ?? [],
    quiet: values.quiet === true,
    progress: values['no-progress'] !== true,
    explain: values.explain === true,
    ...(values.events === undefined ? {} : { events: values.events }),
    ...(values.state === undefined ? {} : { state: values.state }),
    ...(dueSince === undefined ? {} : { dueSince }),
  };
  return options;
}

/** The options of `record`: one case log file, one pupil, the event's type and date, and its details. */
function recordOptions(values: ParsedValues, files: readonly string[]): CliOptions {
  const command = 'record';
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0
        ? 'Give the case log file to add the event to (.csv, or .json).'
        : `record adds to one case log file; received ${files.length}: ${files.join(', ')}.`,
      command
    );
  }
  const pupils = values.pupil ?? [];
  if (pupils.length !== 1)
    throw new UsageError('Give the pupil the event is for, once: --pupil ID.', command);
  const { date, event } = values;
  if (date === undefined || !isIsoDate(date)) {
    throw new UsageError(
      `--date must be the date the event happened, as YYYY-MM-DD naming a real day; received ${date === undefined ? 'nothing' : excerpt(date)}.`,
      command
    );
  }
  if (event === undefined) {
    throw new UsageError('Give the event to record: --event TYPE (e.g. letter-sent).', command);
  }
  return {
    files,
    ...(values['escalation-policy'] === undefined ? {} : { escalationPolicy: values['escalation-policy'] }),
    maxLineBytes: checkedMaxLineBytes(values['max-line-bytes'], command),
    maxDepth: checkedMaxDepth(values['max-depth'], command),
    output: 'table',
    formulaEscape: true,
    failOn: [],
    pupils,
    quiet: values.quiet === true,
    progress: false,
    explain: false,
    record: { event, date, details: values.detail ?? [] },
  };
}

/** `SCHEMA.NAME` or `NAME`: a table and, where given, its schema; more than one dot is a mistake. */
function checkedMarksTable(text: string | undefined, command: CommandName): SqlCommandOptions['marksTable'] {
  if (text === undefined) return undefined;
  const parts = text.split('.');
  if (parts.length > 2 || parts.some((part) => part === '')) {
    throw new UsageError(
      `--marks-table must be a table's name, or SCHEMA.NAME for a table in another schema; received ${excerpt(text)}.`,
      command
    );
  }
  const [first, second] = parts as [string, string?];
  return second === undefined ? { table: first } : { schema: first, table: second };
}

/**
 * The options of `sql`: the calendar and policy to compile, the engine, the marks table, where the generated
 * objects go, and the file to write. It reads no register: the script reads the marks table in the database.
 */
function sqlOptions(values: ParsedValues, files: readonly string[]): CliOptions {
  const command = 'sql';
  if (files.length > 0) {
    throw new UsageError(
      `sql reads no register file: the script it writes reads the marks table in the database (see --marks-table); received ${files.join(', ')}.`,
      command
    );
  }
  if (values.calendar === undefined) {
    throw new UsageError(
      'sql writes the school calendar into the script, for school weeks and open sessions: give --calendar FILE.',
      command
    );
  }
  for (const name of ['marks-table', 'order-column', 'schema', 'prefix', 'output'] as const) {
    if (values[name] === '') {
      throw new UsageError(`${name === 'output' ? '-o' : `--${name}`} must not be empty.`, command);
    }
  }
  const asOf = checkedAsOf(values['as-of'], command);
  const dialect = checkedChoice('dialect', values.dialect, SQL_DIALECTS, command) ?? 'duckdb';
  const marksTable = checkedMarksTable(values['marks-table'], command);
  const dateType = checkedChoice('date-type', values['date-type'], SQL_DATE_TYPES, command);
  const duplicates = checkedChoice('duplicates', values.duplicates, SQL_DUPLICATES, command);
  const outputFile = values.output;
  const sql: SqlCommandOptions = {
    dialect,
    ...(marksTable === undefined ? {} : { marksTable }),
    ...(dateType === undefined ? {} : { dateType }),
    ...(values['order-column'] === undefined ? {} : { orderColumn: values['order-column'] }),
    ...(values.schema === undefined ? {} : { schema: values.schema }),
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    ...(duplicates === undefined ? {} : { duplicates }),
    ...(values['unique-sessions'] === true ? { uniqueSessions: true } : {}),
    ...(outputFile === undefined ? {} : { outputFile }),
  };
  return {
    files,
    calendar: values.calendar,
    ...(values.policy === undefined ? {} : { policy: values.policy }),
    ...(asOf === undefined ? {} : { asOf }),
    maxLineBytes: checkedMaxLineBytes(values['max-line-bytes'], command),
    maxDepth: checkedMaxDepth(values['max-depth'], command),
    output: 'table',
    formulaEscape: true,
    failOn: [],
    pupils: [],
    quiet: values.quiet === true,
    progress: false,
    explain: false,
    sql,
  };
}

const COMPARE_LEVELS: Readonly<Record<string, ReportComparisonOptions['level']>> = {
  national: 'national',
  regional: 'regional',
  region: 'regional',
  la: 'local-authority',
  'local-authority': 'local-authority',
};

/** `--compare-level national`, `regional:NAME` or `la:NAME` (an LA's name or code). */
function checkedCompareLevel(
  text: string | undefined
): Pick<ReportComparisonOptions, 'level'> & { readonly area?: string } {
  const command = 'report';
  if (text === undefined) return { level: 'national' };
  const colon = text.indexOf(':');
  const levelText = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  const area = colon < 0 ? undefined : text.slice(colon + 1).trim();
  const level = COMPARE_LEVELS[levelText];
  if (level === undefined || (level === 'national' && area !== undefined) || area === '') {
    throw new UsageError(
      `--compare-level must be national, regional:NAME or la:NAME (a local authority's name or code), e.g. "regional:North West" or "la:Camden"; received ${excerpt(text)}.`,
      command
    );
  }
  if (level !== 'national' && area === undefined) {
    throw new UsageError(
      `--compare-level ${levelText} needs the ${level === 'regional' ? 'region' : 'local authority'}: write ${levelText}:NAME.`,
      command
    );
  }
  return { level, ...(area === undefined ? {} : { area }) };
}

/**
 * The options of `report`: the register options of every analysing command, then what the report shows (the
 * pupil attributes, groups, comparison, aggregate-only mode, pupil cards) and where it is written.
 */
function reportOptions(values: ParsedValues, files: readonly string[]): CliOptions {
  const command = 'report';
  if (values.calendar === undefined) {
    throw new UsageError(
      'report draws the weekly trend and the escalation picture in school weeks: give --calendar FILE.',
      command
    );
  }
  for (const name of ['pupils', 'compare', 'title', 'output', 'group-by'] as const) {
    if (values[name] === '') {
      throw new UsageError(`${name === 'output' ? '-o' : `--${name}`} must not be empty.`, command);
    }
  }
  const cards = values.pupil ?? [];
  const aggregateOnly = values['aggregate-only'] === true;
  if (aggregateOnly && cards.length > 0) {
    throw new UsageError(
      '--aggregate-only names no pupil, so it draws no pupil card: leave out --pupil, or --aggregate-only.',
      command
    );
  }
  const smallText = values['small-numbers'];
  if (smallText !== undefined && !/^[1-9]\d{0,5}$/.test(smallText)) {
    throw new UsageError(
      `--small-numbers must be a whole number of pupils, 1 or more (counts below it are suppressed); received ${excerpt(smallText)}.`,
      command
    );
  }
  if (smallText !== undefined && !aggregateOnly) {
    throw new UsageError('--small-numbers applies only with --aggregate-only.', command);
  }
  if (values.compare === undefined) {
    for (const name of ['compare-level', 'compare-phase'] as const) {
      if (values[name] !== undefined) {
        throw new UsageError(
          `--${name} says which published figures --compare FILE gives: give --compare too.`,
          command
        );
      }
    }
  }
  const groupBy = values['group-by']
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (groupBy !== undefined && values.pupils === undefined) {
    throw new UsageError(
      '--group-by names columns of the pupil-attributes file: give --pupils FILE too.',
      command
    );
  }
  const comparison: ReportComparisonOptions | undefined =
    values.compare === undefined
      ? undefined
      : {
          file: values.compare,
          ...checkedCompareLevel(values['compare-level']),
          ...(values['compare-phase'] === undefined ? {} : { phase: values['compare-phase'] }),
        };
  const report: ReportCommandOptions = {
    ...(values.pupils === undefined ? {} : { pupilsFile: values.pupils }),
    ...(groupBy === undefined ? {} : { groupBy }),
    ...(comparison === undefined ? {} : { comparison }),
    aggregateOnly,
    ...(smallText === undefined ? {} : { smallNumbers: Number(smallText) }),
    cards,
    ...(values.title === undefined ? {} : { title: values.title }),
    ...(values.output === undefined ? {} : { outputFile: values.output }),
  };
  // The register is read as every analysing command reads it; `--pupil` names cards here, not a filter.
  return { ...analysisOptions({ ...values, pupil: [] }, files, command), pupils: [], report };
}
