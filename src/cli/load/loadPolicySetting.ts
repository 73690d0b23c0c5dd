import { excerpt } from '../../_internal/excerpt.js';
import { AttendanceError } from '../../errors.js';
import type { CliIo } from '../types.js';
import { UsageError } from '../usageError.js';
import { locateIssues } from './locateIssues.js';
import type { JsonLimits } from './jsonLimits.js';
import { readJsonFile } from './readJsonFile.js';

/** A kind of policy the command line accepts as a preset name or a JSON file. */
export interface PolicyKind<T> {
  /** What it is, for messages, e.g. `'attendance policy'`. */
  readonly what: string;
  /** The option that names it, e.g. `'--policy'`. */
  readonly option: string;
  /** The presets by name (aliases included). */
  readonly presets: Readonly<Record<string, T>>;
  /** The preset a file builds on when it names none. */
  readonly defaultBase: string;
  /** Builds and validates the policy from a file's settings and a base; throws an `AttendanceError`. */
  define(settings: Readonly<Record<string, unknown>>, base: T): T;
}

/** A policy read from the command line, with the name to show for it. */
export interface LoadedPolicy<T> {
  /** The policy. */
  readonly value: T;
  /** The preset's name, or the file. */
  readonly name: string;
}

/** Whether an option value names a file rather than a preset. */
function isFileName(value: string): boolean {
  return value.endsWith('.json') || value.includes('/') || value.includes('\\');
}

/**
 * Reads a policy given as a preset name (e.g. `dfe`, `trust`) or as a JSON file of settings. A file holds the
 * settings that differ from a base preset, which it may name in an `"extends"` field; they are validated by the
 * library, and every problem names the file and the setting's path.
 *
 * @param io - The file system.
 * @param spec - The option's value.
 * @param kind - Which policy, with its presets and validation.
 * @param limits - `--max-depth` and `--max-line-bytes`, for a file.
 * @returns The policy and its name.
 * @throws {@link UsageError} If `spec` is neither a preset nor a `.json` file name.
 * @throws {@link AttendanceError} If the file cannot be read or its settings are invalid.
 * @example
 * const { value: policy } = await loadPolicySetting(io, 'trust', ATTENDANCE_POLICY_KIND, limits);
 */
export async function loadPolicySetting<T>(
  io: CliIo,
  spec: string,
  kind: PolicyKind<T>,
  limits: JsonLimits
): Promise<LoadedPolicy<T>> {
  const preset = Object.hasOwn(kind.presets, spec) ? kind.presets[spec] : undefined;
  if (preset !== undefined) return { value: preset, name: spec };
  if (!isFileName(spec)) {
    throw new UsageError(
      `Unknown ${kind.what} "${spec}" for ${kind.option}: give one of ${Object.keys(kind.presets).join(', ')}, or a .json file.`
    );
  }
  const input = await readJsonFile(io, spec, kind.what, limits);
  const fail = (message: string, field: string, expected: string, received: string): never => {
    throw new AttendanceError([
      {
        code: 'invalid_value',
        severity: 'error',
        message,
        path: field === '' ? [] : [field],
        source: spec,
        expected,
        received,
      },
    ]);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(
      `The ${kind.what} file "${spec}" must hold a JSON object of settings.`,
      '',
      'a JSON object',
      Array.isArray(input) ? 'an array' : typeof input
    );
  }
  const { extends: baseName = kind.defaultBase, ...settings } = input as Record<string, unknown>;
  const base =
    typeof baseName === 'string' && Object.hasOwn(kind.presets, baseName)
      ? kind.presets[baseName]
      : undefined;
  if (base === undefined) {
    return fail(
      `The ${kind.what} file "${spec}" extends an unknown preset.`,
      'extends',
      `one of ${Object.keys(kind.presets).join(', ')}`,
      typeof baseName === 'string' ? excerpt(baseName) : excerpt(JSON.stringify(baseName))
    );
  }
  try {
    return { value: kind.define(settings, base), name: spec };
  } catch (error) {
    if (!(error instanceof AttendanceError)) throw error;
    const [first, ...rest] = locateIssues(error.issues, spec);
    throw new AttendanceError([first!, ...rest]);
  }
}
