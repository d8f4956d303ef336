/**
 * Reading each command's options with Node's own parser (`util.parseArgs`, strict), and
 * turning its errors into usage errors worded for people. Values are checked here only as far
 * as the command line can tell (a document id is a whole number); whether the project has
 * such a document is the command's business.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CLAIM_STATUSES, type ClaimStatus } from '../../shared/domain';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../shared/export/formats';
import { UsageError } from './cli-errors';
import type { Command } from './help';

const PROJECT = { project: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } } as const;
const DOC = { doc: { type: 'string', short: 'd' } } as const;
const SELECTION = {
  verdict: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
} as const;

const OPTIONS = {
  documents: { ...PROJECT, json: { type: 'boolean' } },
  claims: { ...PROJECT, ...DOC, ...SELECTION, json: { type: 'boolean' } },
  export: {
    ...PROJECT,
    ...DOC,
    ...SELECTION,
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    'include-notes': { type: 'boolean' },
    'include-confidential': { type: 'boolean' },
    desk: { type: 'string' },
  },
} as const satisfies Record<Command, ParseArgsConfig['options']>;

/** Which claims of a document a command lists or exports; empty lists do not narrow. */
export interface SelectionArgs {
  readonly verdicts: readonly string[];
  readonly tags: readonly string[];
  readonly statuses: readonly ClaimStatus[];
}

export interface DocumentsArgs {
  readonly project: string;
  readonly json: boolean;
}

export interface ClaimsArgs extends SelectionArgs {
  readonly project: string;
  readonly doc: number;
  readonly json: boolean;
}

export interface ExportArgs extends SelectionArgs {
  readonly project: string;
  readonly doc: number;
  readonly format: ExportFormat;
  readonly out: string | null;
  readonly includeNotes: boolean;
  readonly includeConfidential: boolean;
  readonly desk: string | null;
}

/** What parsing a command's arguments gives: a request for its help, or its arguments. */
export type Parsed<T> = { readonly help: true } | { readonly help: false; readonly args: T };

/** The arguments of `documents`; UsageError when they are wrong. */
export function parseDocumentsArgs(argv: readonly string[], env: Env): Parsed<DocumentsArgs> {
  const values = parse('documents', argv);
  if (values.help) return { help: true };
  return { help: false, args: { project: project(values.project, env, 'documents'), json: values.json ?? false } };
}

/** The arguments of `claims`; UsageError when they are wrong. */
export function parseClaimsArgs(argv: readonly string[], env: Env): Parsed<ClaimsArgs> {
  const values = parse('claims', argv);
  if (values.help) return { help: true };
  return {
    help: false,
    args: {
      project: project(values.project, env, 'claims'),
      doc: documentId(values.doc, 'claims'),
      json: values.json ?? false,
      ...selection(values, 'claims'),
    },
  };
}

/** The arguments of `export`; UsageError when they are wrong. */
export function parseExportArgs(argv: readonly string[], env: Env): Parsed<ExportArgs> {
  const values = parse('export', argv);
  if (values.help) return { help: true };
  const format = values.format;
  if (format === undefined) {
    throw new UsageError(`Say which format to export with --format (${EXPORT_FORMATS.join(', ')}).`, 'export');
  }
  if (!isExportFormat(format)) {
    throw new UsageError(`Unknown format "${format}". The formats are: ${EXPORT_FORMATS.join(', ')}.`, 'export');
  }
  if (values.out === '') throw new UsageError('--out needs a file name.', 'export');
  if (values.desk !== undefined && values.desk.trim() === '') throw new UsageError('--desk needs a name.', 'export');
  return {
    help: false,
    args: {
      project: project(values.project, env, 'export'),
      doc: documentId(values.doc, 'export'),
      format,
      out: values.out ?? null,
      includeNotes: values['include-notes'] ?? false,
      includeConfidential: values['include-confidential'] ?? false,
      desk: values.desk?.trim() ?? null,
      ...selection(values, 'export'),
    },
  };
}

/** The environment variables the commands read. */
export type Env = Readonly<Record<string, string | undefined>>;

function parse<C extends Command>(command: C, argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS[command], strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(parseErrorMessage(error), command);
  }
}

/** A parseArgs error in plain words (its own messages explain its syntax at length). */
export function parseErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${quoted}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument "${quoted}" (values follow their option, as in --doc 3).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
      if (message.includes('does not take an argument')) return `${option} does not take a value.`;
      if (message.includes('ambiguous')) return `${option} needs a value (to give one that starts with "-", write ${option}=VALUE).`;
      return `${option} needs a value.`;
    }
    default:
      if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return message.split('. ')[0] ?? message;
      throw error;
  }
}

function project(value: string | undefined, env: Env, command: Command): string {
  const file = value ?? env.CLAIMDESK_PROJECT;
  if (file === undefined || file === '') {
    throw new UsageError('Say which project to read with --project FILE (or set CLAIMDESK_PROJECT).', command);
  }
  return file;
}

function documentId(value: string | undefined, command: Command): number {
  if (value === undefined) {
    throw new UsageError('Say which document with --doc ID (the ids are listed by "claimdesk documents").', command);
  }
  const id = /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new UsageError(`--doc takes a document id, a whole number such as 3 (not "${value}").`, command);
  }
  return id;
}

function selection(
  values: { verdict?: string[] | undefined; tag?: string[] | undefined; status?: string[] | undefined },
  command: Command,
): SelectionArgs {
  const statuses = (values.status ?? []).map((status): ClaimStatus => {
    const found = CLAIM_STATUSES.find((s) => s === status.trim().toLowerCase());
    if (found === undefined) {
      throw new UsageError(`Unknown status "${status}". The statuses are: ${CLAIM_STATUSES.join(', ')}.`, command);
    }
    return found;
  });
  return { verdicts: values.verdict ?? [], tags: values.tag ?? [], statuses };
}
