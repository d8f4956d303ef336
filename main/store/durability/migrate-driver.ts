/**
 * The migration-kill test's child: opens the project argv[2] the way the app does (the real
 * openProject, which migrates an older file to the latest format in one transaction) and
 * exits. It writes `opening` before it opens and `migrated <from>` once the file is at the
 * latest version, so the test can time its kill. Test-only; bundled by build-child.ts.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readUserVersion } from '../migrate';
import { closeProject, openProject } from '../open-project';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: migrate-driver <project file>');

const peek = new Database(file, { readonly: true, fileMustExist: true });
const from = readUserVersion(peek);
peek.close();
fs.writeSync(1, 'opening\n');
const db = openProject(file);
fs.writeSync(1, `migrated ${from} -> ${readUserVersion(db)}\n`);
closeProject(db);
