import { raw, type FilterQuery } from '@mikro-orm/mysql';
import { AppError } from '@pluma/errors';
import type { Work, WorkRole } from '@pluma/db';

/** A work as the caller sees it: the row, and the caller's role on it (null for non-collaborators). */
export interface WorkAccess {
  work: Work;
  role: WorkRole | null;
}

/**
 * Who may do what to a work. `roles`: the collaborator roles allowed; `readers`: whether anybody
 * (anonymous included) may do it while the work is published. Publishing is the owner's alone:
 * it shows the text to the world under the owner's name, so editors write and the owner decides.
 */
const WORK_RULES = {
  read: { roles: ['owner', 'editor', 'viewer'], readers: true },
  update: { roles: ['owner', 'editor'], readers: false },
  setCover: { roles: ['owner', 'editor'], readers: false },
  delete: { roles: ['owner'], readers: false },
  listCollaborators: { roles: ['owner', 'editor', 'viewer'], readers: false },
  manageCollaborators: { roles: ['owner'], readers: false },
  publish: { roles: ['owner'], readers: false },
  readDraftPages: { roles: ['owner', 'editor', 'viewer'], readers: false },
  writePages: { roles: ['owner', 'editor'], readers: false },
  trackReading: { roles: ['owner', 'editor', 'viewer'], readers: true },
} as const satisfies Record<string, { roles: readonly WorkRole[]; readers: boolean }>;

export type WorkAction = keyof typeof WORK_RULES;

const refusals: Record<WorkAction, string> = {
  read: 'You may not read this work.',
  update: "Only the work's owner and editors may change it.",
  setCover: "Only the work's owner and editors may change its cover.",
  delete: "Only the work's owner may delete it.",
  listCollaborators: "Only the work's collaborators may list them.",
  manageCollaborators: "Only the work's owner may add, change or remove collaborators.",
  publish: "Only the work's owner may publish or unpublish it.",
  readDraftPages: "Only the work's collaborators may read its draft pages.",
  writePages: "Only the work's owner and editors may add, change, reorder or delete its pages.",
  trackReading: 'You may not read this work.',
};

/** True when the caller may do `action` on the work. */
export function canOnWork(access: WorkAccess, action: WorkAction): boolean {
  const rule: { roles: readonly WorkRole[]; readers: boolean } = WORK_RULES[action];
  if (access.role && rule.roles.includes(access.role)) return true;
  return rule.readers && access.work.publishedAt !== null && access.work.publishedAt !== undefined;
}

/** True when the caller may know the work exists: a collaborator, or anybody once it is published. */
export function canSeeWork(access: WorkAccess): boolean {
  return canOnWork(access, 'read');
}

/**
 * Throws unless the caller may do `action`: 404 when the work is a draft the caller may not see
 * (indistinguishable from a missing work), 403 when they see it but their role does not allow this.
 */
export function authorizeWork(access: WorkAccess, action: WorkAction): void {
  if (canOnWork(access, action)) return;
  if (!canSeeWork(access)) throw workNotFound(access.work.id);
  throw new AppError('auth.forbidden', refusals[action]);
}

/** The 404 of a work that does not exist or that the caller may not see. */
export function workNotFound(id: number): AppError {
  return new AppError('resource.not_found', `No work with id ${id}.`);
}

/** Which works a caller may list: published ones, plus drafts they collaborate on. */
export function visibleWorksWhere(userId: number | undefined): FilterQuery<Work> {
  const published: FilterQuery<Work> = { publishedAt: { $ne: null } };
  if (userId === undefined) return published;
  // A subquery rather than a join: one row per work however many collaborators it has, so LIMIT holds.
  const collaborating = raw('select `work_id` from `work_collaborators` where `user_id` = ?', [
    userId,
  ]);
  return { $or: [published, { id: { $in: collaborating } }] };
}
