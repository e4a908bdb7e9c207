import { YjsVersion } from '@pluma/db';
import type { HistoryDeps, VersionSummary } from './history-deps.ts';
import { presentVersion } from './present-version.ts';

/** Named versions of a document, newest first; `before` (a version id) pages further back. */
export async function listVersions(
  deps: Pick<HistoryDeps, 'orm'>,
  input: { documentName: string; limit: number; before?: number | undefined },
): Promise<{ versions: VersionSummary[]; nextBefore: number | null }> {
  const versions = await deps.orm.em.fork().find(
    YjsVersion,
    {
      documentName: input.documentName,
      ...(input.before === undefined ? {} : { id: { $lt: input.before } }),
    },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: ['createdBy'] },
  );
  const page = versions.slice(0, input.limit);
  return {
    versions: page.map(presentVersion),
    nextBefore: versions.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
