/**
 * Whether a project file sits on a network file system. SQLite's write-ahead log relies on
 * shared memory between the processes that open a file, which network file systems do not
 * provide: two machines opening the same project on a share can corrupt it. Claimdesk does not
 * refuse such a file, but it never opens one silently.
 *
 * What can be known: on Linux, the file system's magic number from statfs; on Windows, a UNC
 * path (`\\server\share\…`). A mapped drive letter on Windows and any path on macOS (where
 * statfs's type is not a stable number and `/Volumes` holds local disks too) cannot be told
 * apart from a local disk with what Node provides, so they count as local.
 */
import fs from 'node:fs';

/** Linux statfs magic numbers of network (and cluster) file systems, by name. */
export const NETWORK_FS_TYPES: Readonly<Record<string, number>> = {
  nfs: 0x6969,
  smb: 0x517b,
  cifs: 0xff534d42,
  smb2: 0xfe534d42,
  afs: 0x5346414f,
  kafs: 0x6b414653,
  '9p': 0x01021997,
  coda: 0x73757245,
  ncp: 0x564c,
  ceph: 0x00c36400,
  lustre: 0x0bd00bd0,
  gfs2: 0x01161970,
  ocfs2: 0x7461636f,
};

const NETWORK_TYPES = new Map(Object.entries(NETWORK_FS_TYPES).map(([name, type]) => [type, name]));

/** What the decision is made from. */
export interface FileSystemFacts {
  readonly platform: NodeJS.Platform;
  /** The file's path as given. */
  readonly path: string;
  /** `fs.statfsSync(folder).type`, or null when it could not be read. */
  readonly fsType: number | bigint | null;
}

/** The network file system a path is on ("nfs", "smb", "unc"…), or null when it looks local. Pure. */
export function networkFileSystem(facts: FileSystemFacts): string | null {
  if (facts.platform === 'win32') return isUncPath(facts.path) ? 'unc' : null;
  if (facts.platform !== 'linux' || facts.fsType === null) return null;
  // statfs's f_type is a signed long on some builds: compare as an unsigned 32-bit number.
  const type = Number(BigInt.asUintN(32, BigInt(facts.fsType)));
  return NETWORK_TYPES.get(type) ?? null;
}

/** `\\server\share\…`, `//server/share/…` or `\\?\UNC\server\…`; not `\\?\C:\…` nor `\\.\…`. */
export function isUncPath(p: string): boolean {
  if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(p)) return true;
  return /^[\\/]{2}[^\\/?.][^\\/]*[\\/]+[^\\/]+/.test(p);
}

/** Reads the facts for `file` (its folder when it does not exist yet) and decides. */
export function detectNetworkFileSystem(file: string, platform: NodeJS.Platform = process.platform): string | null {
  let fsType: number | null = null;
  if (platform === 'linux') {
    for (const candidate of [file, parentOf(file)]) {
      try {
        fsType = fs.statfsSync(candidate).type;
        break;
      } catch {
        // Missing file: try its folder.
      }
    }
  }
  return networkFileSystem({ platform, path: file, fsType });
}

function parentOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i > 0 ? file.slice(0, i) : '.';
}

/** The warning shown before and while a project on a network share is open. */
export function networkShareMessage(kind: string): string {
  const what = kind === 'unc' ? 'a network share' : `a network share (${kind.toUpperCase()})`;
  return (
    `This project is on ${what}. SQLite's write-ahead log does not work reliably over a network: ` +
    'if two computers open it at once, or the connection drops while saving, the file can be damaged. ' +
    'Copy it to this computer to work on it, and save a copy back when you are done.'
  );
}
