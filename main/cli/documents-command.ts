/** `claimdesk documents`: the documents of a project, newest first. */
import type { DocumentSummary } from '../../shared/domain';
import { listDocuments } from '../store';
import type { DocumentsArgs } from './arguments';
import type { CliIo } from './cli-io';
import { withProject } from './read-project';
import { formatTable } from './text-table';

/** Prints the documents of `args.project` as a table, or as JSON with `args.json`. */
export function documentsCommand(args: DocumentsArgs, io: CliIo): void {
  const documents = withProject(args.project, (db) => listDocuments(db));
  io.stdout.write(args.json ? `${JSON.stringify(documents.map(documentJson), null, 2)}\n` : documentsTable(documents));
}

/** A document as `--json` prints it (the library row, without the body). */
function documentJson(d: DocumentSummary) {
  return {
    id: d.id,
    title: d.title,
    publication: d.publication,
    author: d.author,
    url: d.url,
    publishedOn: d.publishedOn,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    claimCount: d.claimCount,
  };
}

function documentsTable(documents: readonly DocumentSummary[]): string {
  if (documents.length === 0) return 'No documents in this project.\n';
  return formatTable(
    [{ heading: 'ID', right: true }, { heading: 'PUBLISHED' }, { heading: 'CLAIMS', right: true }, { heading: 'TITLE', max: 100 }],
    documents.map((d) => [String(d.id), d.publishedOn ?? '—', String(d.claimCount), d.title]),
  );
}
