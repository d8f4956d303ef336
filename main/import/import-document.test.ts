import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { SAMPLE_ARTICLE } from '../sample/sample-article';
import { listDocuments } from '../store/documents';
import { closeProject, openProject } from '../store/open-project';
import { importText } from './import-article';
import { importFileBytes, readImportFile } from './import-document';
import { createImportHost } from './worker/import-host';
import { buildImportWorker } from './worker/worker-build';

/** Everything a user could lose: every row of every table, as text. */
function snapshot(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((row) => JSON.stringify(row)).sort()]));
}

describe('importing an article through the import worker', () => {
  const importer = createImportHost({ workerFile: buildImportWorker() });
  afterAll(() => importer.close());
  const importFile = async (file: string) => {
    const outcome = await importFileBytes(db, importer, readImportFile(file), file);
    if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
    return outcome.document;
  };
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-import-'));
    db = openProject(path.join(dir, 'desk.claimdesk'), { create: true });
    importText(db, 'An earlier article.\n\nWith two paragraphs.', 'earlier.txt');
  });
  afterEach(() => {
    closeProject(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a dated .txt file from disk with its title, date and paragraphs', async () => {
    const file = path.join(dir, 'Unrest_in-Verano.txt');
    fs.writeFileSync(file, SAMPLE_ARTICLE.replace(/\n/g, '\r\n'));
    const doc = await importFile(file);
    expect(doc).toMatchObject({ title: 'Unrest in Verano', publishedOn: '2026-03-14', claimCount: 0, sourceFormat: 'text' });
    const row = db.prepare('SELECT plain_text FROM documents WHERE id = ?').get(doc.id) as { plain_text: string };
    expect(row.plain_text.startsWith('Security forces in the Republic of Verano')).toBe(true);
    expect(row.plain_text.split('\n\n')).toHaveLength(7);
  });

  const refusals: [string, string, Uint8Array, RegExp][] = [
    ['a PNG renamed .txt', 'photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
    ['an empty file', 'empty.txt', new Uint8Array(), /empty/],
    ['a zip that is not a Word file', 'report.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]), /ZIP|Word/],
    ['a spreadsheet', 'budget.xlsx', new TextEncoder().encode('a,b\n1,2\n'), /imports/],
    ['a PDF named .txt', 'statement.txt', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), /PDF/],
  ];

  it.each(refusals)('refuses %s with a message naming the problem, and changes nothing', async (_label, name, bytes, message) => {
    const before = snapshot(db);
    let error: unknown;
    try {
      await importFileBytes(db, importer, bytes, name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).message).toContain(name);
    expect(snapshot(db)).toBe(before);
  });

  it('asks for the encoding of text that is not UTF-8, with a preview, and imports it once told', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' owners closed early.')]);
    const before = snapshot(db);
    const question = await importFileBytes(db, importer, latin1, 'latin1.txt');
    expect(question).toMatchObject({ status: 'needs-encoding', fileName: 'latin1.txt', token: null });
    if (question.status !== 'needs-encoding') return;
    expect(question.candidates).toContain('windows-1252');
    expect(question.sample).toEqual(latin1);
    expect(snapshot(db)).toBe(before);
    const done = await importFileBytes(db, importer, latin1, 'latin1.txt', { encoding: 'windows-1252' });
    expect(done).toMatchObject({ status: 'imported', document: { title: 'latin1' } });
    expect(db.prepare("SELECT plain_text FROM documents WHERE title = 'latin1'").pluck().get()).toBe('Café owners closed early.');
  });

  it('refuses a file over the size cap before reading it', () => {
    const file = path.join(dir, 'huge.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 21 * 1024 * 1024);
    expect(() => readImportFile(file)).toThrow(/21\.0 MB.*up to 20 MB/);
  });

  it('refuses a missing file and a folder', () => {
    expect(() => readImportFile(path.join(dir, 'gone.txt'))).toThrow(/could not be read/);
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    expect(() => readImportFile(path.join(dir, 'folder.txt'))).toThrow(/not a file/);
    expect(listDocuments(db)).toHaveLength(1);
  });
});
