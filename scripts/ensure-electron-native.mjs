#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, leaving the copy in
// node_modules built for Node (which the tests use). Runs before `npm start` and `npm run dev`;
// does nothing when the Electron build is already there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = path.join(root, '.native', `electron-${electronVersion}`);
const binary = path.join(target, 'better_sqlite3.node');

if (fs.existsSync(binary)) process.exit(0);

const sqliteSource = path.join(root, 'node_modules/better-sqlite3');
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteSource, 'package.json'), 'utf8')).version;
const staging = path.join(root, '.native', 'staging');
fs.rmSync(staging, { recursive: true, force: true });
fs.mkdirSync(path.join(staging, 'node_modules'), { recursive: true });
fs.cpSync(sqliteSource, path.join(staging, 'node_modules/better-sqlite3'), {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});
fs.writeFileSync(
  path.join(staging, 'package.json'),
  JSON.stringify({ name: 'claimdesk-native-staging', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
);

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once per Electron version)…`);
const rebuild = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--module-dir', staging, '--only', 'better-sqlite3', '--force'],
  { stdio: 'inherit' },
);
const built = path.join(staging, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
if (rebuild.status !== 0 || !fs.existsSync(built)) {
  console.error('Could not build better-sqlite3 for Electron. Check that a C++ toolchain (python3, make, g++) is installed.');
  process.exit(1);
}
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(built, binary);
fs.rmSync(staging, { recursive: true, force: true });
console.log(`Electron build of better-sqlite3 ready in ${path.relative(root, target)}`);
