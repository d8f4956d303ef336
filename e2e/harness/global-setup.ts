/** Says plainly, once, whether the Electron run happens; prepares Electron's native module if so. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { electronExecutable } from './electron-binary';

export default function globalSetup(): void {
  const exe = electronExecutable();
  if (exe === null) {
    console.log('[claimdesk] No Electron binary installed: the specs run in Chromium only; every test of the "electron" project is reported as skipped.');
    return;
  }
  console.log(`[claimdesk] Electron binary found (${exe}): the specs also run in the real app.`);
  execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/ensure-electron-native.mjs')], { stdio: 'inherit' });
}
