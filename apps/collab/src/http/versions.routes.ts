import { Hono } from 'hono';
import { AppError } from '@pluma/errors';
import { z } from 'zod';
import { pageDocumentName } from '../document-name.ts';
import { createVersion } from '../history/create-version.ts';
import type { HistoryDeps } from '../history/history-deps.ts';
import { listVersions } from '../history/list-versions.ts';
import { restoreVersion } from '../history/restore-version.ts';
import { viewVersion } from '../history/view-version.ts';
import { authorizePageRequest, type RequestAuthDeps } from './authorize-request.ts';

const READERS = ['owner', 'editor', 'viewer'] as const;
const WRITERS = ['owner', 'editor'] as const;

const PageParamsSchema = z.object({ pageId: z.coerce.number().int().positive() });
const VersionParamsSchema = PageParamsSchema.extend({
  versionId: z.coerce.number().int().positive(),
});
const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().positive().optional(),
});
const CreateBodySchema = z.object({ name: z.string().trim().min(1).max(200) });

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    throw new AppError('request.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
      errors,
    });
  }
  return result.data;
}

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('request.invalid', 'The body must be JSON.');
  }
}

/**
 * Named versions of a page, on the collab server's HTTP side (it holds the open documents, so a
 * restore reaches every connected editor at once). Authenticated with the same access JWT:
 *   GET  /collab/pages/:pageId/versions                      list (any collaborator)
 *   POST /collab/pages/:pageId/versions {name}               create (owner, editor)
 *   GET  /collab/pages/:pageId/versions/:versionId           ProseMirror JSON + plain text
 *   POST /collab/pages/:pageId/versions/:versionId/restore   restore as a new edit (owner, editor)
 */
export function createVersionRoutes(deps: HistoryDeps & RequestAuthDeps): Hono {
  const app = new Hono();

  app.get('/pages/:pageId/versions', async (c) => {
    const { pageId } = parse(PageParamsSchema, c.req.param());
    const query = parse(ListQuerySchema, c.req.query());
    await authorizePageRequest(deps, c.req.header('authorization'), pageId, READERS);
    return c.json(await listVersions(deps, { documentName: pageDocumentName(pageId), ...query }));
  });

  app.post('/pages/:pageId/versions', async (c) => {
    const { pageId } = parse(PageParamsSchema, c.req.param());
    const body = parse(CreateBodySchema, await jsonBody(c.req.raw));
    const context = await authorizePageRequest(
      deps,
      c.req.header('authorization'),
      pageId,
      WRITERS,
    );
    const version = await createVersion(deps, {
      documentName: pageDocumentName(pageId),
      name: body.name,
      userId: context.userId,
    });
    return c.json(version, 201);
  });

  app.get('/pages/:pageId/versions/:versionId', async (c) => {
    const { pageId, versionId } = parse(VersionParamsSchema, c.req.param());
    await authorizePageRequest(deps, c.req.header('authorization'), pageId, READERS);
    const version = await viewVersion(deps, { documentName: pageDocumentName(pageId), versionId });
    if (!version)
      throw new AppError('resource.not_found', `Page ${pageId} has no version ${versionId}.`);
    return c.json(version);
  });

  app.post('/pages/:pageId/versions/:versionId/restore', async (c) => {
    const { pageId, versionId } = parse(VersionParamsSchema, c.req.param());
    const context = await authorizePageRequest(
      deps,
      c.req.header('authorization'),
      pageId,
      WRITERS,
    );
    const result = await restoreVersion(deps, {
      documentName: pageDocumentName(pageId),
      versionId,
      context,
    });
    if (!result)
      throw new AppError('resource.not_found', `Page ${pageId} has no version ${versionId}.`);
    return c.json(result);
  });

  return app;
}
