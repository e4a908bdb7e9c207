/** Shapes of the works API (apps/api/src/routes/works, pages), as the screens use them. */
export type WorkRole = 'owner' | 'editor' | 'viewer';

export interface Genre {
  slug: string;
  name: string;
}

export interface Work {
  id: number;
  title: string;
  description: string | null;
  genre: Genre | null;
  owner: { id: number; handle: string; displayName: string };
  coverUrl: string | null;
  published: boolean;
  publishedAt: string | null;
  role: WorkRole | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkList {
  items: Work[];
  nextCursor: string | null;
}

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
