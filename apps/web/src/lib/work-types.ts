/** A work as the API returns it (GET /v1/works, /v1/works/:id), shared by every screen that shows one. */
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
  /** The caller's role on the work, null when they have none. */
  role: WorkRole | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkList {
  items: Work[];
  nextCursor: string | null;
}
