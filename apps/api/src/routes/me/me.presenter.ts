import type { User } from '@pluma/db';
import type { ObjectStore } from '@pluma/storage';

/** How long a presigned avatar URL works; clients fetch the profile again for a fresh one. */
export const AVATAR_URL_TTL_SECONDS = 15 * 60;

/** A short-lived GET URL of an avatar object, or null when there is none. */
export async function presentAvatarUrl(
  storage: ObjectStore,
  key: string | null | undefined,
): Promise<string | null> {
  return key
    ? storage.client.presignedGetObject(storage.bucket, key, AVATAR_URL_TTL_SECONDS)
    : null;
}

/** The signed-in user's own account, as GET /v1/me answers. */
export async function presentMe(storage: ObjectStore, user: User) {
  return {
    id: user.id,
    email: user.email,
    handle: user.handle,
    displayName: user.displayName,
    emailVerified: user.emailVerifiedAt != null,
    avatarUrl: await presentAvatarUrl(storage, user.avatarKey),
    preferences: {
      emailOnNewFollower: user.emailOnNewFollower,
      emailOnNewPublication: user.emailOnNewPublication,
      emailOnMentorship: user.emailOnMentorship,
    },
    ...presentMentorshipProfile(user),
    createdAt: user.createdAt.toISOString(),
  };
}

/** Whether a user mentors or looks for a mentor, and in what; public, so mentors and mentees find each other. */
export function presentMentorshipProfile(user: User) {
  return {
    availableToMentor: user.availableToMentor,
    needsMentoring: user.needsMentoring,
    interests: user.interests ?? null,
    skills: user.skills ?? null,
  };
}
