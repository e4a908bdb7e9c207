import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/mysql';
import type { User } from '@pluma/db';
import { assertAvailable } from './register-user.ts';

export interface ProfileChanges {
  displayName?: string | undefined;
  handle?: string | undefined;
  preferences?:
    | {
        emailOnNewFollower?: boolean | undefined;
        emailOnNewPublication?: boolean | undefined;
        emailOnMentorship?: boolean | undefined;
      }
    | undefined;
  availableToMentor?: boolean | undefined;
  needsMentoring?: boolean | undefined;
  interests?: string | null | undefined;
  skills?: string | null | undefined;
}

/** Changes the display name, handle (409 when taken), e-mail preferences and mentorship profile of an account. */
export async function updateProfile(
  em: EntityManager,
  user: User,
  changes: ProfileChanges,
): Promise<User> {
  if (changes.handle !== undefined && changes.handle !== user.handle) {
    await assertAvailable(em, undefined, changes.handle, user.id);
    user.handle = changes.handle;
  }
  if (changes.displayName !== undefined) user.displayName = changes.displayName;
  if (changes.preferences?.emailOnNewFollower !== undefined)
    user.emailOnNewFollower = changes.preferences.emailOnNewFollower;
  if (changes.preferences?.emailOnNewPublication !== undefined)
    user.emailOnNewPublication = changes.preferences.emailOnNewPublication;
  if (changes.preferences?.emailOnMentorship !== undefined)
    user.emailOnMentorship = changes.preferences.emailOnMentorship;
  if (changes.availableToMentor !== undefined) user.availableToMentor = changes.availableToMentor;
  if (changes.needsMentoring !== undefined) user.needsMentoring = changes.needsMentoring;
  // An empty text clears the field, like null.
  if (changes.interests !== undefined) user.interests = changes.interests || null;
  if (changes.skills !== undefined) user.skills = changes.skills || null;
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && changes.handle) {
      em.clear();
      await assertAvailable(em, undefined, changes.handle, user.id);
    }
    throw error;
  }
  return user;
}
