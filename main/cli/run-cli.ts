/**
 * The program: picks the command, runs it and turns what went wrong into a message on
 * standard error and an exit status (0 done, 1 could not be done, 2 wrong command line).
 * Expected failures never print a stack trace; set CLAIMDESK_DEBUG=1 to see one for a bug.
 */
import { AppError } from '../../shared/result';
import { parseClaimsArgs, parseDocumentsArgs, parseExportArgs, type Parsed } from './arguments';
import { claimsCommand } from './claims-command';
import { EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, RuntimeError, UsageError } from './cli-errors';
import type { CliIo } from './cli-io';
import { documentsCommand } from './documents-command';
import { exportCommand } from './export-command';
import { COMMAND_HELP, COMMANDS, isCommand, PROGRAM_HELP, type Command } from './help';
import { VERSION } from './version';

/** Runs the command line `argv` (without the node and script paths); resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await dispatch(argv, io);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Runs `argv` with this process's streams and environment, and sets its exit status. */
export async function main(argv: readonly string[]): Promise<void> {
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('Say which command to run.');
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    io.stdout.write(topic !== undefined && isCommand(topic) ? COMMAND_HELP[topic] : PROGRAM_HELP);
    return;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    io.stdout.write(`claimdesk ${VERSION}\n`);
    return;
  }
  if (first.startsWith('-')) throw new UsageError(`The command comes first, before ${first} (one of ${COMMANDS.join(', ')}).`);
  if (!isCommand(first)) throw new UsageError(`Unknown command "${first}". The commands are: ${COMMANDS.join(', ')}.`);

  switch (first) {
    case 'documents':
      return run(first, parseDocumentsArgs(rest, io.env), io, (args) => documentsCommand(args, io));
    case 'claims':
      return run(first, parseClaimsArgs(rest, io.env), io, (args) => claimsCommand(args, io));
    case 'export':
      return run(first, parseExportArgs(rest, io.env), io, (args) => exportCommand(args, io));
  }
}

async function run<T>(command: Command, parsed: Parsed<T>, io: CliIo, action: (args: T) => void | Promise<void>): Promise<void> {
  if (parsed.help) io.stdout.write(COMMAND_HELP[command]);
  else await action(parsed.args);
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    const help = error.command === null ? 'claimdesk --help' : `claimdesk ${error.command} --help`;
    io.stderr.write(`claimdesk: ${error.message}\nSee "${help}".\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RuntimeError || error instanceof AppError) {
    io.stderr.write(`claimdesk: ${error.message}\n`);
    return EXIT_RUNTIME;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(`claimdesk: something went wrong inside Claimdesk: ${detail}\nYour project has not been changed.\n`);
  if (io.env.CLAIMDESK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_RUNTIME;
}
