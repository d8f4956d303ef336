#!/usr/bin/env node
// The `claimdesk` command: runs the bundled command line, or says how to build it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'out', 'cli', 'claimdesk.cjs');

if (!fs.existsSync(bundle)) {
  process.stderr.write(
    `claimdesk: the command line has not been built yet. Build it with "npm run build:cli" in ${root}, then try again.\n`,
  );
  process.exit(1);
}

// A reader that stops early (`claimdesk documents | head -1`) is not an error.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (process.env.CLAIMDESK_DEBUG) process.setSourceMapsEnabled(true);
require(bundle).main(process.argv.slice(2));
