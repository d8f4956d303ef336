/**
 * Who is working. Every change is attributed to a local profile chosen on first run. Profiles
 * are stored in the project (so its history can name people on any machine); each has a
 * random `uid` so the same person is recognised when a project travels between desks.
 */

/** A person working on the project. */
export interface Profile {
  readonly id: number;
  readonly uid: string;
  readonly name: string;
  /** Two or three letters shown beside changes. */
  readonly initials: string;
  /** `#rrggbb` */
  readonly color: string;
}

/** What a user types to create their profile. */
export interface ProfileFields {
  readonly name: string;
  readonly initials: string;
  readonly color: string;
}
