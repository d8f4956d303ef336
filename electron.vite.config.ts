import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/security/csp';

/** Writes the CSP into index.html for built pages (the dev server's React refresh needs inline script). */
function cspMeta(): Plugin {
  // frame-ancestors is ignored in a <meta> policy; the protocol header carries it.
  const policy = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'claimdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head' }],
  };
}

// Only `dependencies` (better-sqlite3 and the import readers) stay external in main; everything else is bundled. The
// preload runs sandboxed, where `require` of node_modules is impossible, so it is bundled whole.
export default defineConfig({
  main: {
    build: {
      // The import and version workers are their own entries: worker threads load them from
      // out/main/import-worker.js and out/main/version-worker.js.
      lib: {
        entry: {
          index: resolve(__dirname, 'main/index.ts'),
          'import-worker': resolve(__dirname, 'main/import/worker/import-worker.ts'),
          'version-worker': resolve(__dirname, 'main/versions/worker/version-worker.ts'),
        },
      },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      lib: { entry: resolve(__dirname, 'preload/index.ts') },
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    build: {
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      // No inline scripts or data: modules: the CSP forbids them.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
    plugins: [react(), cspMeta()],
  },
});
