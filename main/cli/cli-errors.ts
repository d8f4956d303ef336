/**
 * The two kinds of expected failure on the command line. A usage error means the command line
 * itself is wrong (exit status 2, with a pointer to --help); a runtime error means the command
 * was fine but could not be done — no such project or document, a browser missing for PDF
 * (exit status 1). Neither prints a stack trace. AppErrors from the store count as runtime
 * errors; anything else is a bug.
 */

/** Exit status of a command that did what it was asked. */
export const EXIT_OK = 0;
/** Exit status of a command that could not be done. */
export const EXIT_RUNTIME = 1;
/** Exit status of a command line that is wrong. */
export const EXIT_USAGE = 2;

/** The command line is wrong: unknown command, option or format, a missing or malformed value. */
export class UsageError extends Error {
  /** `command` names the command whose --help to point at, if any. */
  constructor(
    message: string,
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command was understood but cannot be done; the message says why in plain words. */
export class RuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeError';
  }
}
