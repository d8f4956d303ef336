/** Who is working: the current profile of this machine, mirrored into the open project. */
import type { Handlers } from '../../../shared/ipc/contract';
import type { Profile } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { newProfileUid, type LocalProfile } from '../../settings/app-settings';
import { setActor } from '../../store/actor';
import { ensureProfile, getProfile, listProfiles } from '../../store/profiles';
import type { HandlerContext } from '../handler-context';

type ProfileHandlers = Pick<Handlers, 'profiles:list' | 'profiles:current' | 'profiles:create' | 'profiles:switch'>;

/** Makes `local` the current profile: stored in the project, acting on every change, remembered. */
function becomeCurrent(ctx: HandlerContext, local: LocalProfile): Profile {
  const profile = ensureProfile(ctx.db, local);
  setActor(ctx.db, profile.id);
  ctx.settings.write({ ...ctx.settings.read(), currentProfile: local });
  return profile;
}

/** On opening a project: the machine's current profile acts from the first change. */
export function adoptCurrentProfile(ctx: HandlerContext): Profile | null {
  const local = ctx.settings.read().currentProfile;
  if (!local) return null;
  const profile = ensureProfile(ctx.db, local);
  setActor(ctx.db, profile.id);
  return profile;
}

/** The profile handlers. */
export function profileHandlers(ctx: HandlerContext): ProfileHandlers {
  let current = adoptCurrentProfile(ctx);
  return {
    'profiles:list': () => listProfiles(ctx.db),
    'profiles:current': () => current,
    'profiles:create': ({ fields }) => {
      current = becomeCurrent(ctx, { uid: newProfileUid(), ...fields });
      return current;
    },
    'profiles:switch': ({ id }) => {
      const profile = getProfile(ctx.db, id);
      if (!profile) throw new AppError('not-found', 'That profile does not exist.');
      current = becomeCurrent(ctx, { uid: profile.uid, name: profile.name, initials: profile.initials, color: profile.color });
      return current;
    },
  };
}
