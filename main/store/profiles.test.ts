import { describe, expect, it } from 'vitest';
import { getActor, setActor } from './actor';
import { listHistory } from './history';
import { closeProject, openProject } from './open-project';
import { ensureProfile, getProfile, listProfiles } from './profiles';
import { createSource } from './sources';
import { expectRefused, sourceFields, tempProject } from './test-support';

const lena = { uid: 'b7f1c0de', name: 'Lena Hartsby', initials: 'LH', color: '#336699' };

describe('profiles', () => {
  it('creates a profile, and updates the same uid instead of duplicating it', () => {
    const { db } = tempProject();
    const created = ensureProfile(db, lena);
    expect(created).toEqual({ id: created.id, ...lena });
    const renamed = ensureProfile(db, { ...lena, name: 'Lena H.', color: '#AABBCC' });
    expect(renamed).toEqual({ ...created, name: 'Lena H.', color: '#aabbcc' });
    expect(listProfiles(db)).toEqual([renamed]);
    expect(getProfile(db, created.id)).toEqual(renamed);
    expect(() => getProfile(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('refuses a blank name, long initials or a bad colour', () => {
    const { db } = tempProject();
    expectRefused(db, () => ensureProfile(db, { ...lena, name: ' ' }), 'invalid-argument', 'Please type your name.');
    expectRefused(db, () => ensureProfile(db, { ...lena, initials: 'LENA' }), 'invalid-argument', 'Initials are one to three letters.');
    expectRefused(db, () => ensureProfile(db, { ...lena, color: 'blue' }), 'invalid-argument');
    expectRefused(db, () => ensureProfile(db, { ...lena, uid: '' }), 'invalid-argument');
  });
});

describe('actor', () => {
  it('attributes changes on a connection to the profile set on it, and on no other connection', () => {
    const { db, file } = tempProject();
    expect(getActor(db)).toBeNull();
    const profile = ensureProfile(db, lena);
    setActor(db, profile.id);
    expect(getActor(db)).toBe(profile.id);
    createSource(db, sourceFields());
    expect(listHistory(db)[0]?.actor).toEqual({ id: profile.id, name: 'Lena Hartsby', initials: 'LH' });

    const other = openProject(file);
    try {
      expect(getActor(other)).toBeNull();
      createSource(other, sourceFields({ title: 'Anonymous edit' }));
      expect(listHistory(other)[0]?.actor).toBeNull();
    } finally {
      closeProject(other);
    }
    setActor(db, null);
    expect(getActor(db)).toBeNull();
  });

  it('refuses a profile that does not exist', () => {
    const { db } = tempProject();
    expect(() => setActor(db, 42)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(getActor(db)).toBeNull();
  });
});
