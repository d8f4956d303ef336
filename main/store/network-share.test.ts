import { describe, expect, it } from 'vitest';
import { detectNetworkFileSystem, isUncPath, networkFileSystem, networkShareMessage } from './network-share';

describe('networkFileSystem', () => {
  it('names the network file systems Linux reports by magic number', () => {
    const cases: [number | bigint, string | null][] = [
      [0x6969, 'nfs'],
      [0x517b, 'smb'],
      [0xff534d42, 'cifs'],
      [0xfe534d42, 'smb2'],
      [0x5346414f, 'afs'],
      [0x01021997, '9p'],
      [0x00c36400, 'ceph'],
      [-0xacb2be, 'cifs'], // 0xff534d42 read as a signed 32-bit number
      [BigInt(0xfe534d42), 'smb2'],
      [0xef53, null], // ext4
      [0x9123683e, null], // btrfs
      [0x01021994, null], // tmpfs
      [0x58465342, null], // xfs
      [0x65735546, null], // FUSE: could be anything, counted local
    ];
    for (const [fsType, expected] of cases) expect(networkFileSystem({ platform: 'linux', path: '/srv/desk.claimdesk', fsType }), String(fsType)).toBe(expected);
    expect(networkFileSystem({ platform: 'linux', path: '/srv/desk.claimdesk', fsType: null })).toBeNull();
  });

  it('treats UNC paths on Windows as network shares, and drive letters as local', () => {
    expect(networkFileSystem({ platform: 'win32', path: '\\\\newsroom\\desk\\unrest.claimdesk', fsType: null })).toBe('unc');
    expect(networkFileSystem({ platform: 'win32', path: '//newsroom/desk/unrest.claimdesk', fsType: null })).toBe('unc');
    expect(networkFileSystem({ platform: 'win32', path: '\\\\?\\UNC\\newsroom\\desk\\unrest.claimdesk', fsType: null })).toBe('unc');
    expect(networkFileSystem({ platform: 'win32', path: '\\\\?\\C:\\desk\\unrest.claimdesk', fsType: null })).toBeNull();
    expect(networkFileSystem({ platform: 'win32', path: '\\\\.\\PhysicalDrive0', fsType: null })).toBeNull();
    expect(networkFileSystem({ platform: 'win32', path: 'C:\\Users\\mara\\unrest.claimdesk', fsType: null })).toBeNull();
    // statfs types mean nothing on Windows.
    expect(networkFileSystem({ platform: 'win32', path: 'Z:\\unrest.claimdesk', fsType: 0x6969 })).toBeNull();
  });

  it('says nothing on macOS, where neither /Volumes nor the statfs number tells', () => {
    expect(networkFileSystem({ platform: 'darwin', path: '/Volumes/desk/unrest.claimdesk', fsType: 0x6969 })).toBeNull();
  });

  it('recognises UNC paths only with a server and a share', () => {
    expect(isUncPath('\\\\server')).toBe(false);
    expect(isUncPath('\\\\server\\share')).toBe(true);
    expect(isUncPath('/home/mara')).toBe(false);
  });

  it('finds this machine’s temporary folder local, even for a file not yet created', () => {
    expect(detectNetworkFileSystem('/tmp/does-not-exist.claimdesk', 'linux')).toBeNull();
  });

  it('words the warning', () => {
    expect(networkShareMessage('nfs')).toMatch(/^This project is on a network share \(NFS\)\. SQLite's write-ahead log/);
  });
});
