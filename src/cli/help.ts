import type { CommandName } from './types.js';

const PROGRAM = 'school-attendance';

interface CommandHelp {
  readonly summary: string;
  readonly usage: string;
  readonly description: readonly string[];
  readonly options: readonly (readonly [string, string])[];
  readonly failOn: string;
  readonly examples: readonly string[];
}

const REGISTER_OPTIONS: readonly (readonly [string, string])[] = [
  ['--format csv|json|ctf', 'The register format, when the extension (.csv, .json, .xml) does not say'],
  [
    '--mapping PRESET|FILE',
    'CSV, JSON: which columns hold each field: generic, arbor, sims, assembly, wonde, go4schools, or a .json file naming the column of each field. Default: generic, or the one preset whose columns the header has (said on stderr)',
  ],
  [
    '--code-list FILE',
    'CSV, JSON: a JSON object mapping a system\'s display codes or ids to register codes, e.g. { "9": "Y" }',
  ],
  [
    '--date-format auto|iso|dmy',
    'CSV, JSON: dates as YYYY-MM-DD (iso), DD/MM/YYYY (dmy) or either (auto, default)',
  ],
  ['--delimiter CHAR', 'CSV: the field delimiter, e.g. ";" or tab (default ",")'],
  [
    '--encoding NAME',
    'CSV: auto (default: a byte order mark, else UTF-8), utf-8, utf-16le, or latin1 (Windows-1252)',
  ],
  [
    '--day-model MODEL',
    'CTF: each pair of mark characters is a calendar day (calendarDays, default), a school day of --calendar (schoolDays), or either, decided per record (auto)',
  ],
  ['--code-width 1|2', 'CTF: characters per session in the mark strings (default 1)'],
  [
    '--max-line-bytes N',
    'Every file: the longest line or text accepted, in bytes or KiB, MiB, GiB (default 1MiB); a longer one is an error',
  ],
  [
    '--max-depth N',
    'Every JSON or XML file: the deepest nesting accepted (default 64); a deeper one is an error',
  ],
];

const REGISTER_NOTE = [
  '',
  'An option for a format that none of the register files has (--delimiter with a CTF file) is a usage error.',
];

const POLICY_OPTION: readonly [string, string] = [
  '--policy NAME|FILE',
  'Attendance policy: dfe (default), dfe-live-figures, dfe-2010-to-2015, dfe-2005-to-2010, hcat-trust (or trust), or a JSON file of settings',
];

const AS_OF_OPTION: readonly [string, string] = [
  '--as-of DATE',
  'Figures as of this date (YYYY-MM-DD); later marks are left out. Default: the last date in the register',
];

const OUTPUT_OPTIONS: readonly (readonly [string, string])[] = [
  ['--json', 'Write one JSON document'],
  ['--csv', 'Write CSV (RFC 4180)'],
  [
    '--no-formula-escape',
    "With --csv: write a text cell starting with =, +, -, @, tab or CR as it is, without the leading ' that stops a spreadsheet running it",
  ],
  ['--limit N', 'List at most N pupils, each with all their rows; the totals still cover everyone'],
  ['--pupil ID', 'Only this pupil (repeat for more)'],
  ['--fail-on LIST', 'Exit with 1 when a finding matches (comma-separated conditions; see below)'],
  ['--quiet, -q', 'No warnings or progress bar on stderr'],
  ['--no-progress', 'No progress bar'],
  ['--help, -h', 'This help'],
];

const CALENDAR_REQUIRED: readonly [string, string] = [
  '--calendar FILE',
  'The school calendar (JSON); required. A mark on a day it has closed is an error',
];

const CALENDAR_OPTIONAL: readonly [string, string] = [
  '--calendar FILE',
  'A school calendar (JSON) to check the marks against; a mark on a day it has closed is an error',
];

/** Every subcommand's help, in the order the general help lists them. */
const COMMANDS: Readonly<Record<CommandName, CommandHelp>> = {
  summary: {
    summary: "Each pupil's sessions, attendance rate, band and PA/SA flags, then the overall figures",
    usage: `${PROGRAM} summary <register-file> [options]`,
    description: [
      'For each pupil: possible sessions, attended, authorised and unauthorised absence, the attendance rate',
      "(in the policy's display format), the band of the policy's band table, and whether the pupil is a",
      'persistent absentee (PA) or severely absent (SA). Then one overall line computed as DfE does: sums of',
      'sessions over all pupils, divided once. Thresholds are compared on whole sessions: 38 absences in 380',
      'possible sessions is persistent absence; 38 in 381, which displays as 10.0 %, is not.',
    ],
    options: [POLICY_OPTION, AS_OF_OPTION, CALENDAR_OPTIONAL, ...REGISTER_OPTIONS, ...OUTPUT_OPTIONS],
    failOn: 'persistent (any persistent absentee), severe (any severely absent pupil), issues (any warning)',
    examples: [
      `${PROGRAM} summary register.csv --policy trust`,
      `${PROGRAM} summary register.csv --as-of 2025-02-14 --csv > autumn-and-spring-1.csv`,
      `${PROGRAM} summary export.csv --mapping sims --code-list sims-codes.json --date-format dmy --delimiter ";"`,
      `${PROGRAM} summary transfer.ctf.xml --calendar calendar.json --day-model schoolDays --code-width 2`,
    ],
  },
  persistent: {
    summary: 'Persistent (10 % or more missed) and severe (50 % or more) absentees, highest rate first',
    usage: `${PROGRAM} persistent <register-file> [options]`,
    description: [
      'Lists the severely absent and the persistent absentees (severe included) with their possible sessions,',
      "sessions missed and absence rate, highest rate first, by the policy's thresholds. Rates are of each",
      "pupil's own possible sessions and compared exactly: 38 of 380 is persistent absence, 38 of 381 is not.",
    ],
    options: [POLICY_OPTION, AS_OF_OPTION, CALENDAR_OPTIONAL, ...REGISTER_OPTIONS, ...OUTPUT_OPTIONS],
    failOn: 'persistent, severe, issues',
    examples: [`${PROGRAM} persistent register.csv --csv > persistent-absentees.csv`],
  },
  penalty: {
    summary: 'Who reached the penalty-notice threshold, when, and which sessions counted',
    usage: `${PROGRAM} penalty <register-file> --calendar FILE [options]`,
    description: [
      "Applies the policy's penalty-notice threshold to each pupil: nationally (policy dfe), 10 sessions of",
      'unauthorised absence (G, N, O, U) within a rolling 10 school weeks, counted from 19 August 2024; the',
      'trust preset uses its own rule (10 sessions of O, U or G within 12 calendar weeks). Lists each pupil who',
      'reached it, the date the threshold was first reached, the window, and the sessions in it. Reaching it',
      'means a notice must be considered, not that one is issued.',
    ],
    options: [CALENDAR_REQUIRED, POLICY_OPTION, AS_OF_OPTION, ...REGISTER_OPTIONS, ...OUTPUT_OPTIONS],
    failOn: 'penalty (any pupil reached the threshold), issues',
    examples: [`${PROGRAM} penalty register.csv --calendar calendar.json --as-of 2025-03-31`],
  },
  lateness: {
    summary: 'Late marks per half-term, the lateness actions reached, and persistent lateness',
    usage: `${PROGRAM} lateness <register-file> --calendar FILE [options]`,
    description: [
      "Counts each pupil's L (late before the register closed) and U (late after it closed) marks in each",
      "half-term of the calendar, the lateness policy's half-term actions reached and when (trust preset: a",
      'letter at the third L, a meeting from the fourth to the sixth, a warning at the fifth U), and persistent',
      "lateness over the policy's rolling window (trust preset: 10 U within 12 calendar weeks).",
    ],
    options: [
      CALENDAR_REQUIRED,
      [
        '--lateness-policy NAME|FILE',
        'Lateness policy: hcat-trust (default, or trust), or a JSON file of settings',
      ],
      AS_OF_OPTION,
      ...REGISTER_OPTIONS,
      ...OUTPUT_OPTIONS,
    ],
    failOn: 'lateness (any half-term action reached), persistent-lateness, issues',
    examples: [`${PROGRAM} lateness register.csv --calendar calendar.json --limit 20`],
  },
  escalation: {
    summary: "Each pupil's stage of support (0-5) and the actions due as of a date",
    usage: `${PROGRAM} escalation <register-file> --calendar FILE [options]`,
    description: [
      'Runs the escalation stages over the school year up to --as-of, with a review at the end of every school',
      'week: 0 universal monitoring, 1 letter and monitoring, 2 attendance panel and plan, 3 education welfare',
      'referral, 4 penalty notice, 5 continued monitoring. Lists each pupil, most serious first (stages 4, 3, 2,',
      '1, then 5, then 0), with the date the stage began, year-to-date attendance and the actions due. The',
      "policy's penalty-notice rule feeds the reviews. Actions stay listed as due until the case log given with",
      "--events records them done (add to it with the record command). With --state, each pupil's state is",
      'kept in a file between runs, so a weekly job continues from last week; --due-since lists only what',
      'became due on or after a date.',
    ],
    options: [
      CALENDAR_REQUIRED,
      AS_OF_OPTION,
      [
        '--escalation-policy NAME|FILE',
        'Stages of support: hcat-trust (default, or trust), dfe-support-first (or support-first), a JSON file of settings that extends one, or a ladder (stages, actions, rules)',
      ],
      POLICY_OPTION,
      ['--explain', "Add each listed pupil's history in plain English"],
      [
        '--events FILE',
        'The case log (CSV with pupil_id, date, event, details, or a .json list): letters sent, meetings held, plans, barriers, support, referrals, notices and overrides; an event after --as-of or a malformed row is an error, an event for a pupil not in the register a warning',
      ],
      [
        '--state FILE',
        "Each pupil's escalation state: read when the file exists (the run continues from it), written after the run (atomically). Made by the same ladder, school year and case log, or an error says why not",
      ],
      [
        '--due-since DATE',
        'List only actions due on or after this date (YYYY-MM-DD), and the pupils with one',
      ],
      ...REGISTER_OPTIONS,
      ...OUTPUT_OPTIONS,
    ],
    failOn:
      'stage>=N (any pupil at stage N or above, N from 0 to 5 on the trust ladder, 0 to 9 on the support-first ladder), issues',
    examples: [
      `${PROGRAM} escalation register.csv --calendar calendar.json --as-of 2025-01-31 --limit 10`,
      `${PROGRAM} escalation register.csv --calendar calendar.json --pupil P0042 --explain`,
      `${PROGRAM} escalation register.csv --calendar calendar.json --events case-log.csv --state state.json --due-since 2025-01-27`,
    ],
  },
  report: {
    summary:
      'Draw the attendance report: one self-contained HTML file of charts and tables, for print or a browser',
    usage: `${PROGRAM} report <register-file> --calendar FILE [options] [-o report.html]`,
    description: [
      'Draws one HTML file that opens offline (inline CSS and SVG, no scripts, no requests) and prints on A4:',
      'the headline figures with their exact fractions, the weekly trend of the school and of each group of',
      "--pupils with the 90 % and 95 % lines, pupils across DfE's 5-point absence bands, sessions by reason and by",
      'category, a weekday-by-session heat map, the escalation picture (pupils per stage, actions due,',
      'penalty-notice threshold reached), published figures side by side with --compare, and the lists of',
      'persistent and severe absentees and penalty-notice candidates; --pupil adds a one-page card. The charts',
      'are drawn with @observablehq/plot and linkedom (optional peer dependencies: npm install them to use it).',
    ],
    options: [
      CALENDAR_REQUIRED,
      POLICY_OPTION,
      AS_OF_OPTION,
      [
        '--escalation-policy NAME|FILE',
        'The ladder for the escalation picture: hcat-trust (default), support-first, or a JSON file',
      ],
      ['--events FILE', 'The case log (as for escalation): actions recorded done are not listed as due'],
      [
        '--pupils FILE',
        'A pupil-attributes CSV: pupil_id, then columns such as year_group, fsm, sen; each group gets a weekly trend',
      ],
      [
        '--group-by LIST',
        'The --pupils columns to group by (comma-separated). Default: every column with at most 20 values',
      ],
      [
        '--compare FILE',
        'DfE\'s "Pupil attendance in schools" year-to-date CSV: its figures are shown beside the school\'s',
      ],
      [
        '--compare-level LEVEL',
        "national (default), regional:NAME or la:NAME (a local authority's name or code)",
      ],
      ['--compare-phase PHASE', 'Primary, Secondary, Special or Total (default)'],
      [
        '--aggregate-only',
        'For governors and partners: no pupil ids or lists; counts below 5 shown as "fewer than 5"',
      ],
      ['--small-numbers N', 'With --aggregate-only: suppress counts below N (default 5)'],
      [
        '--pupil ID',
        'Add a one-page card for this pupil: every session, the weekly trend, the case history (repeat for more)',
      ],
      ['--title TEXT', 'The report\'s title (default "Attendance report")'],
      ['-o, --output FILE', 'Write the report to this file (atomically) rather than to stdout'],
      ...REGISTER_OPTIONS,
      ['--quiet, -q', 'No warnings, progress or note of the file written on stderr'],
      ['--no-progress', 'No progress bar'],
      ['--help, -h', 'This help'],
    ],
    failOn: '',
    examples: [
      `${PROGRAM} report register.csv --calendar calendar.json --policy trust --pupils pupils.csv -o report.html`,
      `${PROGRAM} report register.csv --calendar calendar.json --compare EES_ytd_data.csv --compare-level la:Camden --compare-phase Secondary -o report.html`,
      `${PROGRAM} report register.csv --calendar calendar.json --aggregate-only -o governors.html`,
    ],
  },
  record: {
    summary: 'Add an event (a letter sent, a meeting held, a referral…) to a case log',
    usage: `${PROGRAM} record <case-log-file> --pupil ID --date DATE --event TYPE [--detail NAME=VALUE]...`,
    description: [
      'Checks the event as the escalation stages take it and adds it to the end of the case log (CSV, or a',
      '.json list; a new file is started with its header). What the log already holds is kept as it is, and the',
      'file is replaced atomically. Events: letter-sent (letter=KIND), meeting-held, plan-agreed (reviewOn=DATE),',
      'referral-made (service=ID), referral-outcome (service, outcome), barrier-recorded (barrier, details),',
      'support-assessed (appropriate=yes|no), support-offered (support, tier=voluntary|formal), support-accepted',
      'and support-declined (support), penalty-notice-issued (noticeId, parentId), penalty-notice-paid and',
      'penalty-notice-withdrawn (noticeId), action-done (action=KIND), override (toStage, reason, by).',
    ],
    options: [
      ['--pupil ID', 'The pupil the event is for'],
      ['--date DATE', 'The date it happened (YYYY-MM-DD)'],
      ['--event TYPE', 'What happened, e.g. letter-sent'],
      ['--detail NAME=VALUE', 'One of its details, e.g. letter=letter-1 (repeat for each)'],
      [
        '--escalation-policy NAME|FILE',
        'The ladder whose letters, actions and stages the event names (default hcat-trust)',
      ],
    ],
    failOn: '',
    examples: [
      `${PROGRAM} record case-log.csv --pupil P0042 --date 2025-01-24 --event letter-sent --detail letter=letter-1`,
      `${PROGRAM} record case-log.csv --pupil P0042 --date 2025-01-28 --event override --detail toStage=2 --detail "reason=Agreed at panel" --detail by=AB`,
    ],
  },
  check: {
    summary: 'Validate register files and list every problem with its file and line',
    usage: `${PROGRAM} check <register-file>... [options]`,
    description: [
      'Reads each register file and lists every problem with its file, line, pupil, date, session and field,',
      'what was expected and what was found, and how many rows were read, used and rejected. Also finds two',
      'marks for one session and, with --calendar, marks on days the school is closed; any calendar or policy',
      'file given is validated too. Exits with 2 when there is any error.',
    ],
    options: [
      ['--calendar FILE', 'Also check marks against this school calendar (and the calendar itself)'],
      ['--policy FILE', 'Also validate this policy file'],
      ...REGISTER_OPTIONS,
      ...OUTPUT_OPTIONS.filter(([name]) => !name.startsWith('--pupil')).map(
        (option): readonly [string, string] =>
          option[0] === '--limit N'
            ? ['--limit N', 'List at most N problems; the counts still cover all']
            : option
      ),
    ],
    failOn: 'issues (any warning; errors always exit with 2)',
    examples: [
      `${PROGRAM} check export.csv --calendar calendar.json`,
      `${PROGRAM} check export.txt --format csv --delimiter tab --encoding latin1`,
    ],
  },
  sql: {
    summary: 'Write the rules as a SQL script for DuckDB or PostgreSQL, to run where the register is',
    usage: `${PROGRAM} sql --calendar FILE [options]`,
    description: [
      'Writes a script that creates small tables (the as-of date, the register codes, the calendar day by day,',
      "the bands and the policy's penalty-notice rule) and views over a table of marks (pupil_id, date, session,",
      "code: one row per mark, as in the long register CSV): each pupil's session counts, exact rates, persistent",
      'and severe absence and band (sa_pupil_figures), the penalty-notice window (sa_pupil_windows), every',
      'problem with a mark (sa_issues) and the cohort by the DfE method (sa_cohort, sa_cohort_bands). Run it once',
      'in the database, then query the views; change the as-of date with UPDATE sa_parameters SET as_of = DATE',
      "'YYYY-MM-DD'. No register file is read, and the script only reads the marks table.",
    ],
    options: [
      [
        '--calendar FILE',
        'The school calendar (JSON); required. Its school weeks and open sessions are written into the script',
      ],
      POLICY_OPTION,
      ['--dialect duckdb|postgres', 'The engine: DuckDB 1.1 or later (default), or PostgreSQL 11 or later'],
      [
        '--as-of DATE',
        "The script's as-of date (YYYY-MM-DD): later marks are not counted. Default: every mark is counted",
      ],
      ['--marks-table NAME', 'The table or view of marks, or SCHEMA.NAME (default marks)'],
      [
        '--date-type date|text',
        'Its date column: a SQL DATE (default), or YYYY-MM-DD text, each value checked to be a real day',
      ],
      [
        '--order-column NAME',
        "A column of the marks' order (e.g. a line number): of two marks of equal precedence for a session, the earlier counts",
      ],
      [
        '--duplicates error|precedence',
        "A second mark for a session withholds the pupil's figures (error, default), or the mark of higher precedence counts",
      ],
      [
        '--unique-sessions',
        'The marks table has a primary or unique key on pupil, date and session: trust it and skip the duplicate check (faster)',
      ],
      [
        '--schema NAME',
        'The schema to create the tables and views in (it must exist). Default: the current one',
      ],
      ['--prefix PREFIX', 'The start of every name created: lower-case letters, digits and _ (default sa_)'],
      ['-o, --output FILE', 'Write the script to this file (atomically) rather than to stdout'],
      ...REGISTER_OPTIONS.filter(([name]) => name.startsWith('--max-')),
      ['--quiet, -q', 'No note on stderr of the file written'],
      ['--help, -h', 'This help'],
    ],
    failOn: '',
    examples: [
      `${PROGRAM} sql --calendar calendar.json --policy trust -o rules.sql`,
      `${PROGRAM} sql --calendar calendar.json --dialect postgres --marks-table attendance.marks --schema attendance > rules.sql`,
    ],
  },
};

/** The subcommands, in help order. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly CommandName[];

function optionLines(options: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...options.map(([name]) => name.length));
  return options.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
}

const EXIT_CODES = [
  'Exit codes:',
  '  0  done (no --fail-on condition matched)',
  '  1  a --fail-on condition matched',
  '  2  bad input or usage: unreadable file, invalid register, calendar or policy, unknown option',
  '  3  internal error (a bug: please report it)',
];

/**
 * The help text: the general help, or one subcommand's with its options, `--fail-on` conditions and examples.
 *
 * @param command - The subcommand, or nothing for the general help.
 * @returns The text, ending with a line break.
 * @example
 * helpText('summary').startsWith('Usage: school-attendance summary') //=> true
 */
export function helpText(command?: CommandName): string {
  if (command === undefined) {
    const width = Math.max(...COMMAND_NAMES.map((name) => name.length));
    return `${[
      `Usage: ${PROGRAM} <command> <register-file> [options]`,
      '',
      'Attendance figures from a school register file, by the rules for schools in England.',
      '',
      'Commands:',
      ...COMMAND_NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
      '',
      'Common options:',
      ...optionLines([
        [
          '--calendar FILE',
          'The school calendar (JSON); required by penalty, lateness and escalation, and any mark on a day it has closed is an error',
        ],
        POLICY_OPTION,
        AS_OF_OPTION,
        ...REGISTER_OPTIONS,
        ...OUTPUT_OPTIONS.map((option): readonly [string, string] =>
          option[0] === '--limit N'
            ? [
                '--limit N',
                'List at most N pupils, each with all their rows (check: N problems); the totals still cover everyone',
              ]
            : option
        ),
        ['--version', 'The version'],
      ]),
      ...REGISTER_NOTE,
      '',
      'Output is an aligned table unless --json or --csv is given. Data goes to stdout; progress, warnings',
      'and errors go to stderr; problems of one kind (the same code and field) found three times or more are',
      'listed as one line with a count and their first lines (check lists each one). In --csv output, a text',
      "cell starting with =, +, -, @, tab or CR gets a leading ' so that a spreadsheet shows it rather than",
      'running it as a formula (--no-formula-escape turns this off).',
      '',
      '--fail-on conditions:',
      ...COMMAND_NAMES.filter((name) => COMMANDS[name].failOn !== '').map(
        (name) => `  ${name.padEnd(width)}  ${COMMANDS[name].failOn}`
      ),
      '',
      ...EXIT_CODES,
      '',
      `Run "${PROGRAM} <command> --help" for a command's options and examples, e.g.`,
      `  ${PROGRAM} summary register.csv --calendar calendar.json --policy trust`,
    ].join('\n')}\n`;
  }
  const help = COMMANDS[command];
  return `${[
    `Usage: ${help.usage}`,
    '',
    ...help.description,
    '',
    'Options:',
    ...optionLines(help.options),
    // `record` and `sql` read no register; they and `report` have no findings.
    ...(command === 'record' || command === 'sql' ? [] : REGISTER_NOTE),
    '',
    ...(help.failOn === '' ? [] : [`--fail-on conditions: ${help.failOn}.`, '']),
    ...EXIT_CODES,
    '',
    help.examples.length === 1 ? 'Example:' : 'Examples:',
    ...help.examples.map((example) => `  ${example}`),
  ].join('\n')}\n`;
}
