import { version as packageVersion } from '../../package.json';
import { checkMarksAgainstCalendar } from '../calendar/checkMarksAgainstCalendar.js';
import type { IsoDate, SchoolCalendar } from '../calendar/types.js';
import { AttendanceError } from '../errors.js';
import type { AttendanceIssue } from '../errors.js';
import { checkCommand } from './commands/check.js';
import type { AnalysisContext, PupilRegisters } from './commands/context.js';
import { escalationCommand } from './commands/escalation.js';
import type { Casework } from './commands/escalation.js';
import { recordCommand } from './commands/record.js';
import { SQL_DIALECT_TITLES, sqlCommand } from './commands/sql.js';
import { loadCaseLog } from './load/loadCaseLog.js';
import { loadPublishedFigures, loadPupilAttributes } from './load/loadReportFiles.js';
import { readStateFile, stateFileText } from './load/escalationStateFile.js';
import { unwritableFileIssue } from './load/fileIssue.js';
import { latenessCommand } from './commands/lateness.js';
import { penaltyCommand } from './commands/penalty.js';
import { persistentCommand } from './commands/persistent.js';
import { summaryCommand } from './commands/summary.js';
import { ladderOf } from '../escalation/ladder/ladderOf.js';
import { matchFailOn } from './failOn.js';
import { helpText } from './help.js';
import { checkOptionFormats } from './load/checkOptionFormats.js';
import { detectFormat } from './load/detectFormat.js';
import { loadCalendar } from './load/loadCalendar.js';
import { loadCodeList } from './load/loadCodeList.js';
import { loadPolicySetting } from './load/loadPolicySetting.js';
import { locateIssues } from './load/locateIssues.js';
import { loadMapping } from './load/loadMapping.js';
import type { LoadedRegister, LoadRegisterOptions } from './load/loadRegister.js';
import { loadRegister } from './load/loadRegister.js';
import { ATTENDANCE_POLICY_KIND, ESCALATION_POLICY_KIND, LATENESS_POLICY_KIND } from './load/policyKinds.js';
import { createProgressBar } from './output/createProgressBar.js';
import { formatCsv } from './output/formatCsv.js';
import { printable } from './output/displayText.js';
import { groupedIssueLines } from './output/groupIssues.js';
import { writeJson } from './output/writeJson.js';
import { plural } from './output/plural.js';
import { parseCommandLine } from './parseCommandLine.js';
import type { CliIo, CliOptions, CommandName, CommandReport, ExitCode } from './types.js';
import { UsageError } from './usageError.js';

const PROGRAM = 'school-attendance';
// Enough to see what is wrong; `check` lists every problem.
const MOST_ISSUES_SHOWN = 50;
const MOST_WARNINGS_SHOWN = 20;

// Issues of one kind make one line with a count; `check` lists every issue on its own.
function issueLines(issues: readonly AttendanceIssue[], most: number, files: readonly string[]): string[] {
  const { lines, hidden } = groupedIssueLines(issues, most);
  return [
    ...lines.map((line) => `  ${line}`),
    ...(hidden > 0
      ? [`  … and ${hidden} more: run "${PROGRAM} check ${files.join(' ')}" to list them all.`]
      : []),
  ];
}

function writeReport(io: CliIo, report: CommandReport, options: CliOptions): void {
  switch (options.output) {
    case 'json':
      writeJson(report.json, (text) => io.stdout.write(text));
      break;
    case 'csv':
      io.stdout.write(formatCsv(report.csv.header, report.csv.rows, { formulaSafe: options.formulaEscape }));
      break;
    case 'table':
      // Headings and histories name pupils as the register spells them: no control character reaches a terminal.
      io.stdout.write(`${report.text.map(printable).join('\n')}\n`);
      break;
  }
}

function progressFor(
  io: CliIo,
  options: CliOptions
): (label: string, totalBytes: number) => ReturnType<typeof createProgressBar> {
  const enabled = io.stderr.isTTY === true && options.progress && !options.quiet;
  return (label, totalBytes) => createProgressBar(io.stderr, label, totalBytes, enabled, io.now);
}

/** The exit code for `--fail-on`, saying on stderr what matched. */
function failOnExit(io: CliIo, report: CommandReport, options: CliOptions): ExitCode {
  const matched = matchFailOn(options.failOn, report.findings);
  if (matched.length === 0) return 0;
  if (!options.quiet) io.stderr.write(`${PROGRAM}: --fail-on matched: ${matched.join('; ')}.\n`);
  return 1;
}

/** How to read the register files, apart from their format. */
async function registerOptions(
  io: CliIo,
  options: CliOptions,
  calendar: SchoolCalendar | undefined
): Promise<Omit<LoadRegisterOptions, 'format'>> {
  const mapping = options.mapping === undefined ? undefined : await loadMapping(io, options.mapping, options);
  const codeList =
    options.codeList === undefined ? undefined : await loadCodeList(io, options.codeList, options);
  return {
    ...(mapping === undefined ? {} : { mapping }),
    ...(typeof mapping === 'object' && options.mapping !== undefined
      ? { mappingSource: options.mapping }
      : {}),
    ...(codeList === undefined ? {} : { codeList, codeListSource: options.codeList }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.dayModel === undefined ? {} : { dayModel: options.dayModel }),
    ...(options.codeWidth === undefined ? {} : { codeWidth: options.codeWidth }),
    ...(calendar === undefined ? {} : { calendar }),
    maxLineBytes: options.maxLineBytes,
    maxDepth: options.maxDepth,
    progress: progressFor(io, options),
    notice: (text) => {
      if (!options.quiet) io.stderr.write(`${PROGRAM}: ${text}\n`);
    },
  };
}

// Calendar and policy files for `check`: their problems are listed with the register's, not thrown.
async function settingsIssues(
  io: CliIo,
  options: CliOptions
): Promise<{ calendar?: SchoolCalendar; issues: AttendanceIssue[] }> {
  const issues: AttendanceIssue[] = [];
  let calendar: SchoolCalendar | undefined;
  const collect = async (load: () => Promise<unknown>): Promise<void> => {
    try {
      await load();
    } catch (error) {
      if (!(error instanceof AttendanceError)) throw error;
      issues.push(...error.issues);
    }
  };
  if (options.calendar !== undefined) {
    const file = options.calendar;
    await collect(async () => (calendar = await loadCalendar(io, file, options)));
  }
  if (options.policy !== undefined) {
    const spec = options.policy;
    await collect(() => loadPolicySetting(io, spec, ATTENDANCE_POLICY_KIND, options));
  }
  return { ...(calendar === undefined ? {} : { calendar }), issues };
}

async function runCheck(io: CliIo, options: CliOptions): Promise<ExitCode> {
  const formats = options.files.map((file) => detectFormat(file, options.format));
  checkOptionFormats(options, formats, 'check');
  const settings = await settingsIssues(io, options);
  const reading = await registerOptions(io, options, settings.calendar);
  const registers: LoadedRegister[] = [];
  for (const [index, file] of options.files.entries()) {
    registers.push(await loadRegister(io, file, { ...reading, format: formats[index] ?? 'csv' }));
  }
  const report = checkCommand({
    registers,
    ...(settings.calendar === undefined ? {} : { calendar: settings.calendar }),
    settingsIssues: settings.issues,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  writeReport(io, report, options);
  if (report.errors > 0) {
    if (!options.quiet) io.stderr.write(`${PROGRAM}: ${plural(report.errors, 'error')} found.\n`);
    return 2;
  }
  return failOnExit(io, report, options);
}

/** Each pupil's marks up to the as-of date (made one pupil at a time), and that date. */
function groupPupils(
  register: LoadedRegister,
  options: CliOptions
): { pupils: PupilRegisters; pupilIndexes: readonly number[]; asOf: IsoDate | undefined } {
  const store = register.marks;
  const asOf = options.asOf ?? store.lastDate;
  if (options.pupils.length > 0) {
    const unknown = options.pupils.filter((pupilId) => !store.pupilIds.includes(pupilId));
    if (unknown.length > 0) throw new UsageError(`No pupil ${unknown.join(', ')} in ${register.source}.`);
  }
  const wanted = new Set(options.pupils);
  const pupilIndexes = store.pupilIds.flatMap((pupilId, pupil) =>
    wanted.size === 0 || wanted.has(pupilId) ? [pupil] : []
  );
  const pupils: PupilRegisters = {
    *[Symbol.iterator]() {
      for (const pupil of pupilIndexes) {
        const pupilId = store.pupilIds[pupil]!;
        const marks = store.marksOfIndex(pupil, asOf);
        // A pupil with no marks up to the date had no register yet.
        if (marks.length > 0) yield [pupilId, marks] as const;
      }
    },
  };
  return { pupils, pupilIndexes, asOf };
}

/** Every mark the calendar contradicts (a weekend, a holiday, a closure), located in the file. */
function calendarIssues(register: LoadedRegister, calendar: SchoolCalendar): AttendanceIssue[] {
  // Only the pupils with a mark on a contradicted session are read as objects, to word their issues.
  return register.marks.pupilsWithContradictedMarks().flatMap((pupil) => {
    const marks = register.marks.marksOfIndex(pupil);
    return locateIssues(checkMarksAgainstCalendar(marks, calendar), register.source, marks);
  });
}

function requireCalendar(calendar: SchoolCalendar | undefined, command: CommandName): SchoolCalendar {
  if (calendar === undefined) {
    throw new UsageError(`${command} counts in school weeks and half-terms: give --calendar FILE.`, command);
  }
  return calendar;
}

/** Writes a file atomically, reporting a failure as a problem with that file. */
async function writeFileOrFail(io: CliIo, path: string, text: string, what: string): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new AttendanceError([unwritableFileIssue(path, what, error)]);
  }
}

/** `record`: adds one checked event to the end of a case log, which is replaced atomically. */
async function runRecord(io: CliIo, options: CliOptions): Promise<ExitCode> {
  const [source] = options.files as [string];
  const escalationPolicy = await loadPolicySetting(
    io,
    options.escalationPolicy ?? 'hcat-trust',
    ESCALATION_POLICY_KIND,
    options
  );
  const ladder = ladderOf(escalationPolicy.value);
  const log = await loadCaseLog(io, source, ladder, options, 'empty');
  const [pupilId] = options.pupils as [string];
  const { text, event } = recordCommand(log, pupilId, options.record!, ladder);
  await writeFileOrFail(io, source, text, 'case log');
  if (!options.quiet) {
    io.stderr.write(
      `${PROGRAM}: recorded ${event.type} of ${event.on} for pupil ${printable(pupilId)} in ${source} (${log.entries.length + 1} ${log.entries.length === 0 ? 'event' : 'events'}).\n`
    );
  }
  return 0;
}

/**
 * `sql`: the rules compiled to a script for DuckDB or PostgreSQL, written to stdout or, with `-o`, to a file
 * (atomically). It reads the calendar and policy, never a register: the script reads the marks table.
 */
async function runSql(io: CliIo, options: CliOptions): Promise<ExitCode> {
  const sql = options.sql!;
  const calendar = await loadCalendar(io, options.calendar!, options);
  const policy = await loadPolicySetting(io, options.policy ?? 'dfe', ATTENDANCE_POLICY_KIND, options);
  const script = await sqlCommand({ calendar, policy: policy.value, asOf: options.asOf, sql });
  if (sql.outputFile === undefined) {
    io.stdout.write(script.sql);
    return 0;
  }
  await writeFileOrFail(io, sql.outputFile, script.sql, 'SQL script');
  if (!options.quiet) {
    io.stderr.write(
      `${PROGRAM}: wrote the ${SQL_DIALECT_TITLES[script.dialect]} script to ${sql.outputFile} (policy ${policy.name}, calendar ${printable(calendar.name)}): run it once, then query ${script.objects.pupilFigures}, ${script.objects.pupilWindows}, ${script.objects.issues} and ${script.objects.cohort}.\n`
    );
  }
  return 0;
}

/** The register read and checked, with its calendar and policies: what every analysing command works on. */
async function prepareAnalysis(
  io: CliIo,
  command: Exclude<CommandName, 'check' | 'record' | 'sql'>,
  options: CliOptions
): Promise<AnalysisContext> {
  const [source] = options.files as [string];
  const format = detectFormat(source, options.format);
  checkOptionFormats(options, [format], command);
  if (
    options.calendar === undefined &&
    (command === 'penalty' || command === 'lateness' || command === 'escalation' || command === 'report')
  ) {
    requireCalendar(undefined, command);
  }
  const calendar =
    options.calendar === undefined ? undefined : await loadCalendar(io, options.calendar, options);
  const policy = await loadPolicySetting(io, options.policy ?? 'dfe', ATTENDANCE_POLICY_KIND, options);
  const latenessPolicy = await loadPolicySetting(
    io,
    options.latenessPolicy ?? 'hcat-trust',
    LATENESS_POLICY_KIND,
    options
  );
  const escalationPolicy = await loadPolicySetting(
    io,
    options.escalationPolicy ?? 'hcat-trust',
    ESCALATION_POLICY_KIND,
    options
  );
  const register = await loadRegister(io, source, {
    ...(await registerOptions(io, options, calendar)),
    format,
  });
  // A mark the calendar contradicts is bad input whatever the command.
  const [firstError, ...otherErrors] = [
    ...register.issues,
    ...(calendar === undefined ? [] : calendarIssues(register, calendar)),
  ].filter((issue) => issue.severity === 'error');
  if (firstError !== undefined) throw new AttendanceError([firstError, ...otherErrors]);
  const { pupils, pupilIndexes, asOf } = groupPupils(register, options);
  return {
    options,
    register,
    pupils,
    pupilIndexes,
    asOf,
    policy,
    calendar,
    latenessPolicy,
    escalationPolicy,
  };
}

/** Writes warnings and notes to stderr, unless `--quiet`. */
function writeWarnings(io: CliIo, warnings: readonly AttendanceIssue[], options: CliOptions): void {
  if (warnings.length > 0 && !options.quiet) {
    io.stderr.write(
      `${[`${PROGRAM}: ${plural(warnings.length, 'warning')}:`, ...issueLines(warnings, MOST_WARNINGS_SHOWN, options.files)].join('\n')}\n`
    );
  }
}

/**
 * `report`: the attendance report as one HTML file, written to stdout or, with `-o`, to a file (atomically). The
 * report entry and its chart library are loaded only here.
 */
async function runReport(io: CliIo, options: CliOptions): Promise<ExitCode> {
  const reportOptions = options.report!;
  // The small files first: a mistake in one is found before the register is read.
  const pupils =
    reportOptions.pupilsFile === undefined
      ? undefined
      : await loadPupilAttributes(io, reportOptions.pupilsFile);
  const comparison =
    reportOptions.comparison === undefined
      ? undefined
      : await loadPublishedFigures(io, reportOptions.comparison);
  const context = await prepareAnalysis(io, 'report', options);
  const calendar = requireCalendar(context.calendar, 'report');
  const ladder = ladderOf(context.escalationPolicy.value);
  const casework: Casework =
    options.events === undefined
      ? {}
      : { log: await loadCaseLog(io, options.events, ladder, options, 'error') };
  const { reportCommand } = await import('./commands/report.js');
  const run = await reportCommand(context, calendar, {
    report: reportOptions,
    ...(pupils === undefined ? {} : { pupils }),
    ...(comparison === undefined ? {} : { comparison }),
    casework,
  });
  if (reportOptions.outputFile === undefined) {
    io.stdout.write(run.html);
  } else {
    await writeFileOrFail(io, reportOptions.outputFile, run.html, 'report');
  }
  writeWarnings(io, [...context.register.issues, ...run.warnings], options);
  if (!options.quiet) {
    for (const note of run.notes) io.stderr.write(`${PROGRAM}: ${note}\n`);
    if (reportOptions.outputFile !== undefined) {
      const kib = Math.ceil(new TextEncoder().encode(run.html).length / 1024);
      io.stderr.write(
        `${PROGRAM}: wrote the report of ${plural(run.report.headline.enrolments, 'pupil')} (${kib} KiB) to ${reportOptions.outputFile}.\n`
      );
    }
  }
  return 0;
}

async function runAnalysis(
  io: CliIo,
  command: Exclude<CommandName, 'check' | 'record' | 'sql' | 'report'>,
  options: CliOptions
): Promise<ExitCode> {
  const context = await prepareAnalysis(io, command, options);
  const { calendar } = context;
  const report = await (async (): Promise<CommandReport> => {
    switch (command) {
      case 'summary':
        return summaryCommand(context);
      case 'persistent':
        return persistentCommand(context);
      case 'penalty':
        return penaltyCommand(context, requireCalendar(calendar, command));
      case 'lateness':
        return latenessCommand(context, requireCalendar(calendar, command));
      case 'escalation': {
        // A stage the ladder does not have can never be reached: a mistake, not a condition that stays false.
        const stages = ladderOf(context.escalationPolicy.value).stages.length;
        for (const condition of options.failOn) {
          if (condition.kind === 'stage' && condition.atLeast >= stages) {
            throw new UsageError(
              `--fail-on stage>=${condition.atLeast}: the ${context.escalationPolicy.name} ladder has stages 0 to ${stages - 1}.`,
              command
            );
          }
        }
        const ladder = ladderOf(context.escalationPolicy.value);
        const stateWarnings: AttendanceIssue[] = [];
        const casework: Casework = {
          ...(options.events === undefined
            ? {}
            : { log: await loadCaseLog(io, options.events, ladder, options, 'error') }),
          ...(await (async () => {
            if (options.state === undefined) return {};
            const saved = await readStateFile(io, options.state, stateWarnings);
            return saved === undefined ? {} : { saved };
          })()),
        };
        const outcome = escalationCommand(context, requireCalendar(calendar, command), casework);
        if (options.state !== undefined) {
          await writeFileOrFail(io, options.state, stateFileText(outcome.stateFile), 'escalation state file');
        }
        if (!options.quiet) {
          for (const note of outcome.notes) io.stderr.write(`${PROGRAM}: --state: ${note}\n`);
        }
        return { ...outcome.report, warnings: [...stateWarnings, ...outcome.report.warnings] };
      }
    }
  })();
  const warnings = [...context.register.issues, ...report.warnings];
  writeReport(io, report, options);
  writeWarnings(io, warnings, options);
  return failOnExit(io, { ...report, findings: { ...report.findings, issues: warnings.length } }, options);
}

function reportFailure(io: CliIo, error: unknown, files: readonly string[]): ExitCode {
  if (error instanceof UsageError) {
    const help = error.command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${error.command} --help`;
    io.stderr.write(`${PROGRAM}: ${error.message}\nRun "${help}" for usage.\n`);
    return 2;
  }
  if (error instanceof AttendanceError) {
    const count = error.issues.length;
    io.stderr.write(
      `${[`${PROGRAM}: ${plural(count, 'problem')} in the input:`, ...issueLines(error.issues, MOST_ISSUES_SHOWN, files)].join('\n')}\n`
    );
    return 2;
  }
  // Not the input's fault: say so, with the stack, so that it can be reported.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`${PROGRAM}: internal error, please report it:\n${detail}\n`);
  return 3;
}

/**
 * Runs the command-line tool: parses the arguments, reads the files, runs the subcommand and writes its report,
 * returning the exit code. Every outside effect goes through `io`, so that it can be tested without a process.
 *
 * @param argv - The arguments after the program name, e.g. `['summary', 'register.csv', '--json']`.
 * @param io - Output streams and file access.
 * @returns 0 done; 1 a `--fail-on` condition matched; 2 bad input or usage; 3 internal error.
 * @example
 * process.exitCode = await run(process.argv.slice(2), createNodeIo());
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let files: readonly string[] = [];
  try {
    const commandLine = parseCommandLine(argv);
    switch (commandLine.kind) {
      case 'help':
        io.stdout.write(helpText(commandLine.command));
        return 0;
      case 'version':
        io.stdout.write(`${packageVersion}\n`);
        return 0;
      case 'run':
        files = commandLine.options.files;
        if (commandLine.command === 'record') return await runRecord(io, commandLine.options);
        if (commandLine.command === 'sql') return await runSql(io, commandLine.options);
        if (commandLine.command === 'report') return await runReport(io, commandLine.options);
        return commandLine.command === 'check'
          ? await runCheck(io, commandLine.options)
          : await runAnalysis(io, commandLine.command, commandLine.options);
    }
  } catch (error) {
    return reportFailure(io, error, files);
  }
}
