/**
 * Settings of this installation, kept beside the default project in the user-data folder: who
 * the current user is. They belong to the machine, not to a project — a project file travels
 * between desks, and whoever opens it must act as themselves.
 *
 * The file is written to a temporary name, flushed and renamed, so a crash never leaves half a
 * settings file; a missing or unreadable file reads as "no settings yet".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ProfileFields } from '../../shared/domain';

/** A profile as the machine remembers it (the project stores its own copy by uid). */
export interface LocalProfile extends ProfileFields {
  readonly uid: string;
}

/** The settings of this installation. */
export interface AppSettings {
  readonly currentProfile: LocalProfile | null;
}

/** Reads and writes the settings. */
export interface SettingsStore {
  read(): AppSettings;
  write(settings: AppSettings): void;
}

const EMPTY: AppSettings = { currentProfile: null };

function isProfile(value: unknown): value is LocalProfile {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return ['uid', 'name', 'initials', 'color'].every((k) => typeof p[k] === 'string');
}

/** A settings store in a JSON file. */
export function fileSettingsStore(file: string): SettingsStore {
  return {
    read() {
      try {
        const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        return { currentProfile: isProfile(data['currentProfile']) ? data['currentProfile'] : null };
      } catch {
        return EMPTY;
      }
    },
    write(settings) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      const fd = fs.openSync(temp, 'w');
      try {
        fs.writeSync(fd, JSON.stringify(settings, null, 2));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
    },
  };
}

/** A new random profile uid. */
export function newProfileUid(): string {
  return crypto.randomUUID();
}
