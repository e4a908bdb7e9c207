import { User, YjsVersion } from '@pluma/db';
import { loadDocumentState } from '../storage/document-store.ts';
import type { HistoryDeps, VersionSummary } from './history-deps.ts';
import { presentVersion } from './present-version.ts';

/** Saves the document's current stored state as a named version. */
export async function createVersion(
  deps: HistoryDeps,
  input: { documentName: string; name: string; userId: number | null },
): Promise<VersionSummary> {
  // Everything applied in memory was stored first, so the stored state is the current state.
  const state = await loadDocumentState(deps.orm, input.documentName, deps.retry, deps.log);
  const em = deps.orm.em.fork();
  const version = em.create(YjsVersion, {
    documentName: input.documentName,
    name: input.name,
    state: Buffer.from(state),
    createdBy: input.userId === null ? null : em.getReference(User, input.userId),
  });
  await em.flush();
  await em.populate(version, ['createdBy']);
  return presentVersion(version);
}
