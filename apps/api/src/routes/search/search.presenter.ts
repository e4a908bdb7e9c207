import type { z } from '@hono/zod-openapi';
import type { SearchHit } from '../../commands/search-documents.ts';
import type { SearchTerm } from '../../commands/parse-search-query.ts';
import { highlight, makeSnippet } from './highlight.ts';
import type { SearchResultSchema } from './search.schema.ts';

/** A hit as the client sees it: highlighted title, snippet around the first match, its author. */
export function presentSearchHit(
  hit: SearchHit,
  terms: readonly SearchTerm[],
): z.infer<typeof SearchResultSchema> {
  return {
    type: hit.kind,
    id: hit.id,
    workId: hit.workId,
    workTitle: hit.kind === 'page' ? hit.workTitle : null,
    title: hit.title,
    titleHtml: highlight(hit.title, terms),
    snippet: makeSnippet(hit.body, terms),
    author:
      hit.authorHandle && hit.authorName
        ? { handle: hit.authorHandle, displayName: hit.authorName }
        : null,
    score: Math.round(hit.score * 1e4) / 1e4,
  };
}
