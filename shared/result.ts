/**
 * Errors are values at the IPC boundary: every call returns `{ok: true, value}` or
 * `{ok: false, error}` with a kind from a closed set the UI knows how to show.
 */

/** The kinds of expected failure. `internal` means a bug: the message is generic. */
export const ERROR_KINDS = [
  'invalid-argument',
  'not-found',
  'conflict',
  'damaged',
  'bad-file',
  'too-large',
  'not-a-project',
  'newer-version',
  'cancelled',
  'forbidden',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface AppErrorValue {
  readonly kind: ErrorKind;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorValue };

/** An expected failure, thrown inside main and turned into `{ok: false}` by the dispatcher. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toValue(): AppErrorValue {
    return { kind: this.kind, message: this.message };
  }
}

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function fail<T = never>(kind: ErrorKind, message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}
