// Types of fuses.mjs for the TypeScript tests (the script itself stays plain JavaScript so a
// packager can load it without a compile step).
import type { FuseV1Config, FuseV1Options } from '@electron/fuses';

/** The name of a fuse in @electron/fuses' V1 wire. */
export type FuseName = Extract<keyof typeof FuseV1Options, string>;

/** The required value of every fuse, by name. */
export declare const FUSE_SETTINGS: Readonly<Record<FuseName, boolean>>;

/** The settings as @electron/fuses' config (V1 wire, every fuse required). */
export declare function fuseConfig(): FuseV1Config & { strictlyRequireAllFuses: true };

/** Flips the fuses of one Electron binary (or macOS .app bundle) in place. */
export declare function applyFuses(electronBinaryPath: string): Promise<void>;

/** What fuses.mjs reads of electron-builder's AfterPackContext. */
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The packaged binary an afterPack context points at. */
export declare function packagedBinaryPath(context: AfterPackContext): string;

/** electron-builder's afterPack hook. */
export default function afterPack(context: AfterPackContext): Promise<void>;
