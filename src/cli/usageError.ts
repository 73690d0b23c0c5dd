/**
 * A mistake on the command line (an unknown option, a missing file argument, a value that cannot be read): the
 * tool prints the message and a pointer to `--help`, and exits with 2. Problems inside files are
 * {@link AttendanceError}s instead, whose issues name the file and line.
 */
export class UsageError extends Error {
  /** Always `'UsageError'`. */
  override readonly name = 'UsageError';

  /**
   * Creates the error.
   *
   * @param message - What was wrong, for people.
   * @param command - The subcommand whose help to point to, if any.
   */
  constructor(
    message: string,
    readonly command?: string
  ) {
    super(message);
  }
}
