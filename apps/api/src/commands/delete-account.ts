import type { EntityManager } from '@mikro-orm/mysql';
import { revokeUserAccessTokens } from '@pluma/auth';
import { EmailToken, Session, User, Work, WorkCollaborator } from '@pluma/db';
import { publishWorkAccessChanged, type WorkAccessChanged } from '@pluma/queue';
import type { ApiDeps } from '../deps.ts';
import { endMentorshipsOf } from './end-mentorships-of.ts';
import { findAccount } from './find-account.ts';

/**
 * Deletes an account by anonymising it (see README "Accounts"): personal data is erased and the
 * e-mail address and handle are freed, but the row stays so what others wrote with this person
 * keeps its references. Works the user owned alone are deleted; a work with co-authors passes to
 * the longest-standing of them (editors before viewers). The user leaves every other work.
 * Sessions and e-mail tokens are deleted and every access token is revoked; collab nodes are told
 * so open editors of the user close and heirs are upgraded at once.
 */
export async function deleteAccount(
  deps: Pick<ApiDeps, 'redis' | 'redisPrefix' | 'storage' | 'log'>,
  em: EntityManager,
  userId: number,
): Promise<void> {
  const accessChanges: WorkAccessChanged[] = [];
  const avatarKey = await em.transactional(async (tx) => {
    const user = await findAccount(tx, userId);
    const memberships = await tx.find(WorkCollaborator, { user: userId }, { fields: ['work'] });
    accessChanges.push(...memberships.map((m) => ({ workId: m.work.id, userId, role: null })));
    const owned = await tx.find(Work, { owner: userId });
    for (const work of owned) {
      const heirs = await tx.find(
        WorkCollaborator,
        { work: work.id, user: { $ne: userId } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      const heir = heirs.find((c) => c.role === 'editor') ?? heirs[0];
      if (!heir) {
        tx.remove(work);
        continue;
      }
      work.owner = tx.getReference(User, heir.user.id);
      heir.role = 'owner';
      accessChanges.push({ workId: work.id, userId: heir.user.id, role: 'owner' });
    }
    await tx.flush();
    await tx.nativeDelete(WorkCollaborator, { user: userId });
    await tx.nativeDelete(Session, { user: userId });
    await tx.nativeDelete(EmailToken, { user: userId });
    await endMentorshipsOf(tx, userId);

    const previousAvatar = user.avatarKey;
    Object.assign(user, {
      email: `deleted-${user.id}@deleted.invalid`,
      handle: `deleted-${user.id}`,
      displayName: 'Deleted user',
      passwordHash: '!',
      emailVerifiedAt: null,
      avatarKey: null,
      emailOnNewFollower: false,
      emailOnNewPublication: false,
      emailOnMentorship: false,
      availableToMentor: false,
      needsMentoring: false,
      interests: null,
      skills: null,
      deletedAt: new Date(),
    });
    await tx.flush();
    return previousAvatar;
  });
  await revokeUserAccessTokens(deps.redis, userId, deps.redisPrefix ?? '');
  for (const change of accessChanges)
    await publishWorkAccessChanged(deps.redis, change, deps.redisPrefix ?? '');
  if (avatarKey) {
    await deps.storage.client.removeObject(deps.storage.bucket, avatarKey).catch((err: unknown) => {
      deps.log.warn({ err, userId }, 'avatar of deleted account not removed');
    });
  }
}
