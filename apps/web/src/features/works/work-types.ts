/** Shapes of the works API (apps/api/src/routes/works, pages), as the screens use them. */
import type { WorkRole } from '../../lib/work-types.ts';

export type { Genre, Work, WorkList, WorkRole } from '../../lib/work-types.ts';

export interface Page {
  id: number;
  workId: number;
  title: string;
  position: number;
}

export interface Collaborator {
  user: { id: number; handle: string; displayName: string };
  role: WorkRole;
  addedAt: string;
}

/** What a role may do on a work (mirrors apps/api works.policy.ts). */
export function permissionsOf(role: WorkRole | null) {
  return {
    edit: role === 'owner' || role === 'editor',
    manageCollaborators: role === 'owner',
    publish: role === 'owner',
  };
}

export const ROLE_LABELS: Record<WorkRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  viewer: 'Viewer',
};
