/**
 * The help texts: one for the program and one per command. Kept beside each other so the
 * commands, their options and the README can be compared at a glance.
 */
import { EXPORT_FORMATS } from '../../shared/export/formats';

/** The commands the program knows, in the order the help lists them. */
export const COMMANDS = ['documents', 'claims', 'export'] as const;
export type Command = (typeof COMMANDS)[number];

/** Whether `value` names a command. */
export function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value);
}

const PROJECT_OPTION = `  -p, --project FILE     the project file (.claimdesk); default: $CLAIMDESK_PROJECT`;
const SELECTION_OPTIONS = `  --verdict LABEL        only claims with this verdict (label or key; repeatable)
  --tag NAME             only claims with this tag or a tag under it (name or path
                         such as "Casualties/Deaths"; repeatable)
  --status STATUS        only claims with this status: open, in-review, settled (repeatable)`;

/** The program's help. */
export const PROGRAM_HELP = `Usage: claimdesk <command> [options]

Reads a Claimdesk project file without changing it: lists its documents and claims, and
exports a document's report or open formats to a file or to standard output.

Commands:
  documents   list the documents of a project
  claims      list the claims of a document
  export      export a document as ${EXPORT_FORMATS.join(', ')}

Options:
  -h, --help      show this help, or a command's help: claimdesk <command> --help
  -V, --version   show the version

Examples:
  claimdesk documents --project desk.claimdesk
  claimdesk claims --project desk.claimdesk --doc 3 --json
  claimdesk export --project desk.claimdesk --doc 3 --format html > report.html

Exit status: 0 done, 1 the command could not be done, 2 the command line is wrong.
`;

/** Each command's help. */
export const COMMAND_HELP: Readonly<Record<Command, string>> = {
  documents: `Usage: claimdesk documents --project FILE [--json]

Lists the documents of a project, newest first: id, publication date, number of claims
and title. The id is what --doc takes in the other commands.

Options:
${PROJECT_OPTION}
  --json                 print a JSON array instead of a table
  -h, --help             show this help
`,
  claims: `Usage: claimdesk claims --project FILE --doc ID [--json] [filters]

Lists the claims of a document in reading order: number, verdict, confidence, speaker,
tags and quote. Numbers are those of the report exported with the same filters. Notes and
sources are not listed (see "claimdesk export").

Options:
${PROJECT_OPTION}
  -d, --doc ID           the document's id, as listed by "claimdesk documents"
  --json                 print a JSON array instead of a table
${SELECTION_OPTIONS}
  -h, --help             show this help
`,
  export: `Usage: claimdesk export --project FILE --doc ID --format FORMAT [options]

Exports a document to standard output, or to a file with --out. Internal notes and
confidential sources are left out unless asked for.

Formats:
  html             the annotated report, one file that opens offline
  pdf              the report printed to PDF by Chromium or Chrome (see below)
  markdown         the report in Markdown
  web-annotation   W3C Web Annotation (JSON-LD)
  claim-review     schema.org ClaimReview (JSON-LD)
  csl-json         the cited sources as CSL-JSON
  csv              one row per claim

Options:
${PROJECT_OPTION}
  -d, --doc ID             the document's id, as listed by "claimdesk documents"
  -f, --format FORMAT      one of the formats above
  -o, --out FILE           write to FILE (replaced in one step) instead of standard output
  --include-notes          include the claims' internal notes
  --include-confidential   include sources marked confidential
  --desk NAME              the desk named as author of reviews and annotations;
                           default: $CLAIMDESK_DESK, else the project file's name
${SELECTION_OPTIONS}
  -h, --help               show this help

PDF needs Chromium, Chrome or Edge on this computer: set CLAIMDESK_CHROMIUM to its program,
or have chromium, chromium-browser or google-chrome on the PATH.

The export is dated now, or by SOURCE_DATE_EPOCH (seconds since 1970) when it is set, so an
unchanged document exports to the same bytes.
`,
};
