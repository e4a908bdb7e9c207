import type { YjsVersion } from '@pluma/db';
import type { VersionSummary } from './history-deps.ts';

/** A version as the version routes show it. */
export function presentVersion(version: YjsVersion): VersionSummary {
  const createdBy = version.createdBy;
  return {
    id: version.id,
    name: version.name,
    createdAt: version.createdAt.toISOString(),
    createdBy: createdBy ? { id: createdBy.id, displayName: createdBy.displayName ?? '' } : null,
  };
}
