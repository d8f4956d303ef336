/**
 * Static checks of the rules that keep the renderer boxed in: one place registers IPC
 * handlers, the preload exposes only `window.api`, and lint fails on imports that cross the
 * process boundaries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('process boundaries', () => {
  const files = ['main', 'preload', 'renderer', 'shared'].flatMap(sourceFiles);

  it('registers IPC handlers only through the dispatcher bridge', () => {
    const offenders = files.filter((f) => /ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual(['main/electron/ipc-bridge.ts']);
  });

  it('exposes only window.api from the preload, and never ipcRenderer or an event object', () => {
    const preload = fs.readFileSync(path.join(ROOT, 'preload/index.ts'), 'utf8');
    const exposures = [...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'\s*,\s*(\w+)\s*\)/g)].map((m) => [m[1], m[2]]);
    expect(exposures).toEqual([['api', 'api']]);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    // The event listener forwards the payload only.
    expect(preload).toMatch(/\(_event: IpcRendererEvent, payload: unknown\) => listener\(payload\)/);
    expect(files.filter((f) => f.startsWith('renderer/') && /ipcRenderer|require\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('lint fails on imports in the wrong direction', { timeout: 60_000 }, async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const cases: [string, string][] = [
      ['renderer/app/bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
      ['renderer/app/bad.ts', "import { openProject } from '../../main/store/open-project';\nexport const x = openProject;\n"],
      ['shared/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
      ['shared/bad.ts', "import path from 'path';\nexport const x = path;\n"],
      ['main/store/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
      ['preload/bad.ts', "import { argSchemas } from '../shared/ipc/contract';\nexport const x = argSchemas;\n"],
    ];
    for (const [filePath, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
      expect(result!.messages.map((m) => m.ruleId), `${filePath}: ${code}`).toContain('no-restricted-imports');
    }
    const [allowed] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", { filePath: path.join(ROOT, 'main/electron/ok.ts') });
    expect(allowed!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
