/**
 * What a command may touch of its process: the output streams and the environment. The
 * program passes its own; tests pass buffers, so most of them run in-process.
 */

/** A stream a command writes to. `isTTY` is set when it is a terminal. */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}
