import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { buildReportModel } from '../../shared/export/report-model';
import { gatherBundle } from '../export/gather-bundle';
import { tempFolder } from '../store/test-support';
import {
  CONFIDENTIAL_SOURCE,
  fixtureProject,
  INTERNAL_NOTE,
  parseCsv,
  PUBLIC_SOURCE,
  runCaptured,
  runOn,
} from './cli-test-support';
import { withProject } from './read-project';
import { VERSION } from './version';

const TEXT_FORMATS = EXPORT_FORMATS.filter((f) => f !== 'pdf');

describe('claimdesk documents', () => {
  it('lists the documents with id, date, claim count and title', async () => {
    const { file, doc, emptyDoc } = fixtureProject();
    const run = await runOn(file, ['documents', '--project', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+PUBLISHED\s+CLAIMS\s+TITLE$/);
    expect(lines.slice(1).map((line) => line.trim().split(/\s{2,}/))).toEqual([
      [String(emptyDoc), '—', '0', 'Quiet day'],
      [String(doc), '—', '3', 'Unrest in the capital'],
    ]);
  });

  it('prints JSON with --json', async () => {
    const { file, doc } = fixtureProject();
    const run = await runOn(file, ['documents', `--project=${file}`, '--json']);
    const documents = JSON.parse(run.stdout) as { id: number; title: string; claimCount: number }[];
    expect(documents.map((d) => [d.id, d.title, d.claimCount])).toEqual([
      [doc + 1, 'Quiet day', 0],
      [doc, 'Unrest in the capital', 3],
    ]);
    expect(Object.keys(documents[0] ?? {})).toEqual(['id', 'title', 'publication', 'author', 'url', 'publishedOn', 'createdAt', 'updatedAt', 'claimCount']);
  });

  it('reads the project named in CLAIMDESK_PROJECT', async () => {
    const { file } = fixtureProject();
    const run = await runOn(file, ['documents'], { CLAIMDESK_PROJECT: file });
    expect(run.stdout).toContain('Unrest in the capital');
  });
});

describe('claimdesk claims', () => {
  it('lists the claims numbered as in the report, without notes or sources', async () => {
    const { file, doc } = fixtureProject();
    const run = await runOn(file, ['claims', '-p', file, '-d', String(doc)]);
    expect(run.code).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ['#', 'VERDICT', 'CONF', 'SPEAKER', 'TAGS', 'QUOTE'],
      ['1', 'Verified', '90%', '—', 'Casualties › Deaths', 'Police said 14 people were killed'],
      ['2', 'Unproven', '50%', '—', '—', 'Police said'],
      ['3', 'False', '70%', 'Interior Minister', 'Security', 'The interior minister denied that a shoot-to-kill order had been given'],
    ]);
    expect(run.stdout).not.toContain(INTERNAL_NOTE);
    expect(run.stdout).not.toContain(CONFIDENTIAL_SOURCE);
  });

  it('prints JSON with --json, with the numbers the report gives', async () => {
    const { file, doc } = fixtureProject();
    const run = await runOn(file, ['claims', '-p', file, '-d', String(doc), '--json']);
    const claims = JSON.parse(run.stdout) as { number: number; id: number; quote: string; verdict: { key: string }; speakers: unknown[]; tags: string[]; status: string }[];
    expect(claims[2]).toMatchObject({
      number: 3,
      verdict: { key: 'false', label: 'False' },
      confidence: 70,
      status: 'in-review',
      attribution: 'direct-quote',
      speakers: [{ name: 'Interior Minister', role: 'said' }],
      tags: ['Security'],
    });
    const report = withProject(file, (db) => buildReportModel(gatherBundle(db, doc, { includeNotes: false, includeConfidential: false }, { desk: 'D', generator: 'G' })));
    expect(claims.map((c) => [c.number, c.id])).toEqual(report.claims.map((c) => [c.number, c.id]));
    expect(run.stdout).not.toContain(INTERNAL_NOTE);
    expect(run.stdout).not.toContain(CONFIDENTIAL_SOURCE);
  });

  it('narrows by verdict, tag (a parent takes in its children) and status', async () => {
    const { file, doc } = fixtureProject();
    const quotes = async (...filters: string[]) => {
      const run = await runOn(file, ['claims', '-p', file, '-d', String(doc), '--json', ...filters]);
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { quote: string }[]).map((c) => c.quote);
    };
    expect(await quotes('--verdict', 'verified', '--verdict', 'Unproven')).toEqual(['Police said 14 people were killed', 'Police said']);
    expect(await quotes('--tag', 'Casualties')).toEqual(['Police said 14 people were killed']);
    expect(await quotes('--tag', 'casualties/deaths')).toEqual(['Police said 14 people were killed']);
    expect(await quotes('--status', 'in-review')).toEqual(['The interior minister denied that a shoot-to-kill order had been given']);
    expect(await quotes('--verdict', 'False', '--status', 'open')).toEqual([]);
    const none = await runOn(file, ['claims', '-p', file, '-d', String(doc), '--verdict', 'False', '--status', 'open']);
    expect(none.stdout).toBe('No claims of this document match.\n');
  });

  it('says so for a document without claims', async () => {
    const { file, emptyDoc } = fixtureProject();
    expect((await runOn(file, ['claims', '-p', file, '-d', String(emptyDoc)])).stdout).toBe('No claims in this document.\n');
    expect((await runOn(file, ['claims', '-p', file, '-d', String(emptyDoc), '--json'])).stdout).toBe('[]\n');
  });
});

describe('claimdesk export', () => {
  it.each(TEXT_FORMATS)('writes %s to standard output and the same bytes to --out', async (format) => {
    const { file, doc } = fixtureProject();
    const out = path.join(tempFolder(), `report.${format}`);
    const env = { SOURCE_DATE_EPOCH: '1718000000' };
    const toStdout = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', format], env);
    const toFile = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', format, '-o', out], env);
    expect(toStdout).toMatchObject({ code: 0, stderr: '' });
    expect(toFile).toMatchObject({ code: 0, stderr: '', stdout: '' });
    const written = fs.readFileSync(out);
    expect(written.equals(toStdout.bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(out)]);

    const text = written.toString('utf8');
    switch (format) {
      case 'html': {
        expect(text).not.toMatch(/<script/i);
        const page = new JSDOM(text).window.document;
        expect(page.title).toContain('Unrest in the capital');
        expect(page.body.textContent).toContain('Police said 14 people were killed');
        break;
      }
      case 'markdown':
        expect(text).toContain('Unrest in the capital');
        break;
      case 'csv': {
        const [header, ...rows] = parseCsv(text);
        expect(header?.[0]).toBe('Number');
        expect(rows.map((r) => r[1]).sort()).toEqual(['Police said', 'Police said 14 people were killed', 'The interior minister denied that a shoot-to-kill order had been given']);
        break;
      }
      default:
        expect(() => JSON.parse(text) as unknown).not.toThrow();
    }
    if (format === 'web-annotation') expect(text).toContain('"generated": "2024-06-10T06:13:20.000Z"');
    if (format === 'claim-review') expect(text).toContain('"datePublished": "2024-06-10"');
  });

  it('leaves notes and confidential sources out unless asked', async () => {
    const { file, doc } = fixtureProject();
    // Public formats carry no internal notes; Web Annotation names a source with a URL by its URL.
    const carriesNotes = ['html', 'markdown', 'web-annotation', 'csv'];
    const public_ = (format: string) => (format === 'web-annotation' ? 'https://police.example/statement' : PUBLIC_SOURCE);
    for (const format of TEXT_FORMATS) {
      const base = ['export', '-p', file, '-d', String(doc), '-f', format];
      const plain = await runOn(file, base);
      expect(plain.stdout, format).not.toContain(INTERNAL_NOTE);
      expect(plain.stdout, format).not.toContain(CONFIDENTIAL_SOURCE);
      expect(plain.stdout, format).toContain(public_(format));

      const notes = await runOn(file, [...base, '--include-notes']);
      if (carriesNotes.includes(format)) expect(notes.stdout, format).toContain(INTERNAL_NOTE);
      expect(notes.stdout, format).not.toContain(CONFIDENTIAL_SOURCE);

      const confidential = await runOn(file, [...base, '--include-confidential']);
      expect(confidential.stdout, format).toContain(CONFIDENTIAL_SOURCE);
      expect(confidential.stdout, format).not.toContain(INTERNAL_NOTE);
    }
  });

  it('names the desk from --desk, then CLAIMDESK_DESK, then the project file', async () => {
    const { file, doc } = fixtureProject();
    const author = async (args: string[], env = {}) => {
      const run = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'claim-review', ...args], env);
      return (JSON.parse(run.stdout) as { '@graph': { author: { name: string } }[] })['@graph'][0]?.author.name;
    };
    expect(await author(['--desk', 'Velm Fact Desk'], { CLAIMDESK_DESK: 'Other' })).toBe('Velm Fact Desk');
    expect(await author([], { CLAIMDESK_DESK: 'Elswick Desk' })).toBe('Elswick Desk');
    expect(await author([])).toBe('test');
  });

  it('exports only the claims the filters select', async () => {
    const { file, doc } = fixtureProject();
    const run = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'csv', '--tag', 'Security']);
    expect(parseCsv(run.stdout).slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['1', 'The interior minister denied that a shoot-to-kill order had been given'],
    ]);
  });

  it('replaces an existing --out file and refuses to write over the project', async () => {
    const { file, doc } = fixtureProject();
    const out = path.join(path.dirname(file), 'report.md');
    fs.writeFileSync(out, 'old report');
    expect((await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'markdown', '-o', out])).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('Unrest in the capital');

    const link = path.join(path.dirname(file), 'link.claimdesk');
    fs.symlinkSync(file, link);
    const relative = path.relative(process.cwd(), file);
    for (const target of [file, relative, `${file}-wal`, link]) {
      const run = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'html', '--out', target]);
      expect(run.code, target).toBe(2);
      expect(run.stderr).toContain('--out names the project file itself');
    }
    const left = fs.readdirSync(path.dirname(file)).filter((name) => !/-(wal|shm)$/.test(name));
    expect(left.sort()).toEqual(['link.claimdesk', 'report.md', 'test.claimdesk']);
  });

  it('refuses to print a PDF to a terminal', async () => {
    const { file, doc } = fixtureProject();
    const err: string[] = [];
    const { runCli } = await import('./run-cli');
    const code = await runCli(['export', '-p', file, '-d', String(doc), '-f', 'pdf'], {
      stdout: { write: () => expect.fail('nothing may be written'), isTTY: true },
      stderr: { write: (chunk) => err.push(String(chunk)) },
      env: {},
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain('--out FILE');
  });
});

describe('errors', () => {
  it.each([
    [[], 'Say which command to run.', '"claimdesk --help"'],
    [['publish'], 'Unknown command "publish"', '"claimdesk --help"'],
    [['--project', 'x', 'documents'], 'The command comes first', '"claimdesk --help"'],
    [['documents', '--frob'], 'Unknown option --frob.', '"claimdesk documents --help"'],
    [['documents'], 'Say which project to read with --project', '"claimdesk documents --help"'],
    [['documents', '-p'], '--project needs a value.', '"claimdesk documents --help"'],
    [['documents', '-p', 'x', 'extra'], 'Unexpected argument "extra"', '"claimdesk documents --help"'],
    [['claims', '-p', 'x'], 'Say which document with --doc ID', '"claimdesk claims --help"'],
    [['claims', '-p', 'x', '--doc', 'three'], '--doc takes a document id', '"claimdesk claims --help"'],
    [['claims', '-p', 'x', '--doc', '0'], '--doc takes a document id', '"claimdesk claims --help"'],
    [['claims', '-p', 'x', '--doc', '1', '--status', 'closed'], 'Unknown status "closed"', '"claimdesk claims --help"'],
    [['export', '-p', 'x', '--doc', '1'], 'Say which format to export with --format', '"claimdesk export --help"'],
    [['export', '-p', 'x', '--doc', '1', '-f', 'docx'], 'Unknown format "docx". The formats are: html, pdf,', '"claimdesk export --help"'],
    [['export', '-p', 'x', '-f', 'html'], 'Say which document with --doc ID', '"claimdesk export --help"'],
    [['export', '-p', 'x', '-d', '1', '-f', 'html', '--json'], 'Unknown option --json.', '"claimdesk export --help"'],
    [['export', '-p', 'x', '-d', '1', '-f', 'html', '--include-notes=yes'], '--include-notes does not take a value.', '"claimdesk export --help"'],
  ])('%j is a usage error (exit 2)', async (argv, message, hint) => {
    const run = await runCaptured(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(hint);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('reports what cannot be done with exit 1 and no stack trace', async () => {
    const { file, doc } = fixtureProject();
    const folder = path.dirname(file);
    const cases: [string[], string][] = [
      [['documents', '-p', path.join(folder, 'missing.claimdesk')], 'missing.claimdesk" does not exist.'],
      [['claims', '-p', file, '-d', '99'], `There is no document 99 in "${file}". "claimdesk documents --project`],
      [['export', '-p', file, '-d', '99', '-f', 'csv'], 'There is no document 99'],
      [['claims', '-p', file, '-d', String(doc), '--verdict', 'Half true'], 'No verdict "Half true" in this project. Its verdicts are "Verified", "Likely true"'],
      [['claims', '-p', file, '-d', String(doc), '--tag', 'Arrests'], 'No tag "Arrests" in this project. Its tags are "Casualties", "Casualties › Deaths", "Security".'],
      [['export', '-p', file, '-d', String(doc), '-f', 'html', '-o', path.join(folder, 'no-such-folder', 'r.html')], 'the folder'],
      [['export', '-p', file, '-d', String(doc), '-f', 'html', '-o', folder], 'it is a folder'],
      [['export', '-p', file, '-d', String(doc), '-f', 'pdf', '-o', path.join(folder, 'r.pdf')], 'CLAIMDESK_CHROMIUM is set to'],
    ];
    for (const [argv, message] of cases) {
      const run = await runOn(file, argv, { CLAIMDESK_CHROMIUM: path.join(folder, 'no-browser') });
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    }
    expect(fs.readdirSync(folder).filter((name) => !name.startsWith('test.claimdesk'))).toEqual([]);
  });
});

describe('help and version', () => {
  it('prints the program help, each command help and the version', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await runCaptured(argv);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('Usage: claimdesk <command> [options]');
    }
    for (const command of ['documents', 'claims', 'export']) {
      for (const argv of [[command, '--help'], [command, '-p', 'x', '-h'], ['help', command]]) {
        const run = await runCaptured(argv);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(`Usage: claimdesk ${command} --project FILE`);
      }
    }
    expect((await runCaptured(['export', '--help'])).stdout).toContain('--include-confidential');
    expect((await runCaptured(['--version'])).stdout).toBe(`claimdesk ${VERSION}\n`);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});
