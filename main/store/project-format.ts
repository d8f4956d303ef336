/**
 * What makes a file a Claimdesk project: a SQLite database whose header carries our
 * application id, at a format version (`PRAGMA user_version`) this build can read.
 */

/** SQLite `PRAGMA application_id` of every Claimdesk project: "ClMD" as a big-endian int. */
export const APPLICATION_ID = 0x436c4d44;

/** File name extension of a project a user saves or exchanges. */
export const PROJECT_EXTENSION = '.claimdesk';

/** The message shown when a project was written by a newer build than this one. */
export function newerVersionMessage(found: number, latest: number): string {
  return (
    `This project was saved by a newer version of Claimdesk (format ${found}; ` +
    `this version reads up to ${latest}). Update Claimdesk to open it.`
  );
}
