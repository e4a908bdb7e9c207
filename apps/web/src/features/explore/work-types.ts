export interface Genre {
  slug: string;
  name: string;
}

/** A work as GET /v1/works and /v1/works/:id return it. */
export interface Work {
  id: number;
  title: string;
  description: string | null;
  genre: Genre | null;
  owner: { id: number; handle: string; displayName: string };
  coverUrl: string | null;
  published: boolean;
  publishedAt: string | null;
  role: 'owner' | 'editor' | 'viewer' | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkList {
  items: Work[];
  nextCursor: string | null;
}
