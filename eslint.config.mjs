// Lint enforces the direction of imports between processes (see README, "Layout"):
// shared/ imports nothing platform-specific; renderer/ never reaches main, preload, Node or
// Electron; preload/ is a thin bridge; only main/electron/ touches the Electron API.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'worker_threads',
  'stream', 'buffer', 'events', 'http', 'https', 'net', 'module', 'process',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', 'prosemirror-view', '**/main/**', '**/renderer/**', '**/preload/**', '**/e2e/**'],
      'shared/ must stay platform-free: no Node, Electron, DOM or process-specific imports.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', '**/main/**', '**/preload/**', '**/e2e/**'],
      'renderer/ may only talk to main through window.api.',
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'better-sqlite3', 'zod', 'react', '**/main/**', '**/renderer/**', '**/shared/ipc/contract', '**/e2e/**'],
      'preload/ is a thin bridge: electron plus shared/ipc/channels and client only.',
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/index.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron', 'react', 'react-dom', 'prosemirror-view', '**/renderer/**', '**/preload/**', '**/e2e/**'],
      'Only main/electron/ touches the Electron API; the rest of main is plain Node (usable from tests and the CLI).',
    ),
  },
  {
    files: ['main/electron/**/*.ts', 'main/index.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['react', 'react-dom', 'prosemirror-view', '**/renderer/**', '**/preload/**', '**/e2e/**'], 'main may not import the renderer or preload.'),
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
