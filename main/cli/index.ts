/**
 * The command line: `claimdesk documents | claims | export`, reading a project without the
 * window and without changing it. Bundled by scripts/build-cli.mjs; bin/claimdesk.cjs calls main.
 */
export { main, runCli } from './run-cli';
export type { CliIo, OutputStream } from './cli-io';
export { EXIT_OK, EXIT_RUNTIME, EXIT_USAGE } from './cli-errors';
