import type { z } from '@hono/zod-openapi';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { MentorshipEvent } from '@pluma/queue';
import { acceptMentorship } from '../../commands/accept-mentorship.ts';
import { changeMentorshipState } from '../../commands/change-mentorship-state.ts';
import { findMentorshipAccess } from '../../commands/find-mentorship-access.ts';
import { findCurrentMentorship, listMentorships } from '../../commands/list-mentorships.ts';
import { requestMentorship } from '../../commands/request-mentorship.ts';
import { tellMentorshipParty } from '../../commands/tell-mentorship-party.ts';
import { withdrawMentorship } from '../../commands/withdraw-mentorship.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { createApiNotifier } from '../../realtime/api-notifier.ts';
import { jsonBodyLimit } from '../works/body-limits.ts';
import { createMentorshipTasksRoutes } from './mentorship-tasks.routes.ts';
import { authorizeMentorship } from './mentorships.policy.ts';
import { presentMentorship } from './mentorships.presenter.ts';
import {
  CreateMentorshipBodySchema,
  CurrentMentorshipSchema,
  ListMentorshipsQuerySchema,
  MentorshipIdParamsSchema,
  MentorshipListSchema,
  MentorshipSchema,
  PageQuerySchema,
} from './mentorships.schema.ts';

const tags = ['Mentorships'];
const security = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const createMentorshipRoute = createRoute({
  method: 'post',
  path: '/mentorships',
  tags,
  summary: 'Ask someone to mentor you (mentorHandle) or offer to mentor someone (menteeHandle)',
  description:
    'The mentor must be availableToMentor and the mentee needsMentoring; the end date is 4 to 24 weeks from now; neither may be in an accepted mentorship. The other user is notified.',
  security,
  middleware: [jsonBodyLimit] as const,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: CreateMentorshipBodySchema } },
    },
  },
  responses: {
    201: json(MentorshipSchema, 'The PENDING request'),
    ...problemResponses(400, 401, 404, 409, 413, 415),
  },
});

const listRoute = (path: string, summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags,
    summary,
    security,
    request: { query: path === '/mentorships' ? ListMentorshipsQuerySchema : PageQuerySchema },
    responses: {
      200: json(MentorshipListSchema, 'One page of relations, newest first'),
      ...problemResponses(400, 401),
    },
  });
const listAllRoute = listRoute(
  '/mentorships',
  'Your relations, as mentor or mentee, optionally of one state',
);
const listPastRoute = listRoute(
  '/mentorships/past',
  'Your finished relations: REJECTED, CANCELLED or COMPLETED',
);
const listPendingRoute = listRoute(
  '/mentorships/pending',
  'Requests waiting for an answer, sent and received',
);

const currentRoute = createRoute({
  method: 'get',
  path: '/mentorships/current',
  tags,
  summary: 'Your ACCEPTED relation (a user has at most one)',
  security,
  responses: {
    200: json(CurrentMentorshipSchema, 'The current relation, or null'),
    ...problemResponses(401),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/mentorships/{id}',
  tags,
  summary: 'A relation (its two parties only)',
  security,
  request: { params: MentorshipIdParamsSchema },
  responses: { 200: json(MentorshipSchema, 'The relation'), ...problemResponses(400, 401, 404) },
});

const TRANSITIONS = {
  accept: {
    summary:
      'Accept a PENDING request (its receiver; neither party may be in another accepted relation)',
    event: 'accepted',
  },
  reject: { summary: 'Reject a PENDING request (its receiver)', event: 'rejected' },
  cancel: { summary: 'Cancel an ACCEPTED relation (either party)', event: 'cancelled' },
  complete: {
    summary: 'Mark an ACCEPTED relation as completed (either party)',
    event: 'completed',
  },
} as const satisfies Record<string, { summary: string; event: MentorshipEvent }>;

const transitionRoute = (action: keyof typeof TRANSITIONS) =>
  createRoute({
    method: 'post',
    path: `/mentorships/{id}/${action}`,
    tags,
    summary: TRANSITIONS[action].summary,
    security,
    request: { params: MentorshipIdParamsSchema },
    responses: {
      200: json(MentorshipSchema, 'The relation in its new state'),
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/mentorships/{id}',
  tags,
  summary: 'Withdraw a PENDING request (its sender); answered requests stay on record',
  security,
  request: { params: MentorshipIdParamsSchema },
  responses: { 204: { description: 'Withdrawn' }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** Mentorship relations: request, answer, cancel, complete, withdraw, list; tasks and comments are mounted from their own file. */
export function createMentorshipsRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const notifier = createApiNotifier(deps);
  const tellDeps = (c: { get(key: 'em'): ApiEnv['Variables']['em'] }) => ({
    em: c.get('em'),
    jobs: deps.jobs,
    notifier,
    log: deps.log,
  });

  app.openapi(createMentorshipRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const mentorship = await requestMentorship(c.get('em'), userId, c.req.valid('json'));
    deps.log.info({ mentorshipId: mentorship.id }, 'mentorship requested');
    await tellMentorshipParty(tellDeps(c), mentorship, userId, 'requested');
    return c.json(presentMentorship(mentorship, userId), 201);
  });

  app.openapi(listAllRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const { state, ...page } = c.req.valid('query') as z.infer<typeof ListMentorshipsQuerySchema>;
    const list = await listMentorships(c.get('em'), userId, {
      ...page,
      states: state ? [state] : undefined,
    });
    return c.json(
      { items: list.items.map((m) => presentMentorship(m, userId)), nextCursor: list.nextCursor },
      200,
    );
  });

  app.openapi(listPastRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const list = await listMentorships(c.get('em'), userId, {
      ...c.req.valid('query'),
      states: ['REJECTED', 'CANCELLED', 'COMPLETED'],
    });
    return c.json(
      { items: list.items.map((m) => presentMentorship(m, userId)), nextCursor: list.nextCursor },
      200,
    );
  });

  app.openapi(listPendingRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const list = await listMentorships(c.get('em'), userId, {
      ...c.req.valid('query'),
      states: ['PENDING'],
    });
    return c.json(
      { items: list.items.map((m) => presentMentorship(m, userId)), nextCursor: list.nextCursor },
      200,
    );
  });

  app.openapi(currentRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const current = await findCurrentMentorship(c.get('em'), userId);
    return c.json({ mentorship: current ? presentMentorship(current, userId) : null }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const access = await findMentorshipAccess(c.get('em'), c.req.valid('param').id, userId);
    authorizeMentorship(access, 'read');
    return c.json(presentMentorship(access.mentorship, userId), 200);
  });

  for (const action of ['accept', 'reject', 'cancel', 'complete'] as const) {
    app.openapi(transitionRoute(action), async (c) => {
      const { userId } = requireAuth(c.get('auth'));
      const em = c.get('em');
      const access = await findMentorshipAccess(em, c.req.valid('param').id, userId);
      authorizeMentorship(access, action);
      if (action === 'accept') await acceptMentorship(em, access.mentorship, userId);
      else await changeMentorshipState(em, access.mentorship, action);
      deps.log.info(
        { mentorshipId: access.mentorship.id, state: access.mentorship.state },
        'mentorship changed',
      );
      await tellMentorshipParty(tellDeps(c), access.mentorship, userId, TRANSITIONS[action].event);
      return c.json(presentMentorship(access.mentorship, userId), 200);
    });
  }

  app.openapi(withdrawRoute, async (c) => {
    const { userId } = requireAuth(c.get('auth'));
    const em = c.get('em');
    const access = await findMentorshipAccess(em, c.req.valid('param').id, userId);
    authorizeMentorship(access, 'withdraw');
    await withdrawMentorship(em, access.mentorship);
    deps.log.info({ mentorshipId: access.mentorship.id }, 'mentorship request withdrawn');
    await tellMentorshipParty(tellDeps(c), access.mentorship, userId, 'withdrawn');
    return c.body(null, 204);
  });

  app.route('/', createMentorshipTasksRoutes(deps, notifier));
  return app;
}
