import type { z } from '@hono/zod-openapi';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Notifier } from '@pluma/notify';
import { createMentorshipTask } from '../../commands/create-mentorship-task.ts';
import { createTaskComment } from '../../commands/create-task-comment.ts';
import { deleteMentorshipTask } from '../../commands/delete-mentorship-task.ts';
import { deleteTaskComment } from '../../commands/delete-task-comment.ts';
import { findMentorshipAccess } from '../../commands/find-mentorship-access.ts';
import { findMentorshipTask } from '../../commands/find-mentorship-task.ts';
import { findTaskComment } from '../../commands/find-task-comment.ts';
import { listMentorshipTasks } from '../../commands/list-mentorship-tasks.ts';
import { listTaskComments } from '../../commands/list-task-comments.ts';
import { tellMentorshipParty } from '../../commands/tell-mentorship-party.ts';
import { updateMentorshipTask } from '../../commands/update-mentorship-task.ts';
import { updateTaskComment } from '../../commands/update-task-comment.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { jsonBodyLimit } from '../works/body-limits.ts';
import {
  authorizeCommentChange,
  authorizeMentorship,
  type MentorshipAccess,
} from './mentorships.policy.ts';
import { presentComment, presentTask } from './mentorships.presenter.ts';
import {
  CommentBodyJsonSchema,
  CommentListSchema,
  CommentParamsSchema,
  CommentSchema,
  CreateTaskBodySchema,
  MentorshipIdParamsSchema,
  PageQuerySchema,
  TaskListSchema,
  TaskParamsSchema,
  TaskSchema,
  UpdateTaskBodySchema,
} from './mentorships.schema.ts';

const tags = ['Mentorship tasks'];
const security = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const writes = problemResponses(400, 401, 403, 404, 409, 413, 415);
const tasksPath = '/mentorships/{id}/tasks';
const taskPath = `${tasksPath}/{taskId}`;
const commentsPath = `${taskPath}/comments`;

const createTaskRoute = createRoute({
  method: 'post',
  path: tasksPath,
  tags,
  summary: 'Add a task (either party, while the relation is ACCEPTED)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: MentorshipIdParamsSchema, body: jsonBody(CreateTaskBodySchema) },
  responses: { 201: json(TaskSchema, 'The new task'), ...writes },
});
const listTasksRoute = createRoute({
  method: 'get',
  path: tasksPath,
  tags,
  summary: "A relation's tasks, oldest first (its two parties only)",
  security,
  request: { params: MentorshipIdParamsSchema, query: PageQuerySchema },
  responses: { 200: json(TaskListSchema, 'One page of tasks'), ...problemResponses(400, 401, 404) },
});
const updateTaskRoute = createRoute({
  method: 'patch',
  path: taskPath,
  tags,
  summary: 'Reword a task or mark it done / not done (either party, while ACCEPTED)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: TaskParamsSchema, body: jsonBody(UpdateTaskBodySchema) },
  responses: { 200: json(TaskSchema, 'The changed task'), ...writes },
});
const deleteTaskRoute = createRoute({
  method: 'delete',
  path: taskPath,
  tags,
  summary: 'Delete a task with its comments (either party, while ACCEPTED)',
  security,
  request: { params: TaskParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 409) },
});
const createCommentRoute = createRoute({
  method: 'post',
  path: commentsPath,
  tags,
  summary: 'Comment on a task (either party, while ACCEPTED)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: TaskParamsSchema, body: jsonBody(CommentBodyJsonSchema) },
  responses: { 201: json(CommentSchema, 'The new comment'), ...writes },
});
const listCommentsRoute = createRoute({
  method: 'get',
  path: commentsPath,
  tags,
  summary: "A task's comments, oldest first (the relation's two parties only)",
  security,
  request: { params: TaskParamsSchema, query: PageQuerySchema },
  responses: {
    200: json(CommentListSchema, 'One page of comments'),
    ...problemResponses(400, 401, 404),
  },
});
const updateCommentRoute = createRoute({
  method: 'patch',
  path: `${commentsPath}/{commentId}`,
  tags,
  summary: 'Edit a comment (its author, while ACCEPTED)',
  security,
  middleware: [jsonBodyLimit] as const,
  request: { params: CommentParamsSchema, body: jsonBody(CommentBodyJsonSchema) },
  responses: { 200: json(CommentSchema, 'The edited comment'), ...writes },
});
const deleteCommentRoute = createRoute({
  method: 'delete',
  path: `${commentsPath}/{commentId}`,
  tags,
  summary: 'Delete a comment (its author, while ACCEPTED)',
  security,
  request: { params: CommentParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 409) },
});

type Ctx = {
  get(key: 'em'): ApiEnv['Variables']['em'];
  get(key: 'auth'): ApiEnv['Variables']['auth'];
};

/** Tasks of a relation and comments on them; only the relation's two parties see any of it. */
export function createMentorshipTasksRoutes(deps: ApiDeps, notifier: Notifier) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const tellDeps = (c: Ctx) => ({ em: c.get('em'), jobs: deps.jobs, notifier, log: deps.log });
  /** The caller's access to relation `id`, authorized for reading (404 for non-parties) or writing tasks. */
  async function access(c: Ctx, id: number, write: boolean): Promise<MentorshipAccess> {
    const { userId } = requireAuth(c.get('auth'));
    const found = await findMentorshipAccess(c.get('em'), id, userId);
    authorizeMentorship(found, write ? 'writeTasks' : 'read');
    return found;
  }
  const about = (task: { id: number; description: string }) => ({
    id: task.id,
    description: task.description,
  });

  app.openapi(createTaskRoute, async (c) => {
    const a = await access(c, c.req.valid('param').id, true);
    const task = await createMentorshipTask(
      c.get('em'),
      a.mentorship,
      a.userId,
      c.req.valid('json').description,
    );
    await tellMentorshipParty(tellDeps(c), a.mentorship, a.userId, 'task_created', about(task));
    return c.json(presentTask(task), 201);
  });

  app.openapi(listTasksRoute, async (c) => {
    const a = await access(c, c.req.valid('param').id, false);
    const page = await listMentorshipTasks(c.get('em'), a.mentorship, c.req.valid('query'));
    return c.json({ items: page.items.map(presentTask), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(updateTaskRoute, async (c) => {
    const params = c.req.valid('param');
    const a = await access(c, params.id, true);
    const task = await findMentorshipTask(c.get('em'), a.mentorship, params.taskId);
    const { completedNow } = await updateMentorshipTask(c.get('em'), task, c.req.valid('json'));
    await tellMentorshipParty(
      tellDeps(c),
      a.mentorship,
      a.userId,
      completedNow ? 'task_completed' : 'task_updated',
      about(task),
    );
    return c.json(presentTask(task), 200);
  });

  app.openapi(deleteTaskRoute, async (c) => {
    const params = c.req.valid('param');
    const a = await access(c, params.id, true);
    const task = await findMentorshipTask(c.get('em'), a.mentorship, params.taskId);
    await deleteMentorshipTask(c.get('em'), task);
    await tellMentorshipParty(tellDeps(c), a.mentorship, a.userId, 'task_deleted', about(task));
    return c.body(null, 204);
  });

  app.openapi(createCommentRoute, async (c) => {
    const params = c.req.valid('param');
    const a = await access(c, params.id, true);
    const task = await findMentorshipTask(c.get('em'), a.mentorship, params.taskId);
    const comment = await createTaskComment(c.get('em'), task, a.userId, c.req.valid('json').body);
    await tellMentorshipParty(tellDeps(c), a.mentorship, a.userId, 'comment_created', about(task));
    return c.json(presentComment(comment), 201);
  });

  app.openapi(listCommentsRoute, async (c) => {
    const params = c.req.valid('param');
    const a = await access(c, params.id, false);
    const task = await findMentorshipTask(c.get('em'), a.mentorship, params.taskId);
    const page = await listTaskComments(c.get('em'), task, c.req.valid('query'));
    return c.json({ items: page.items.map(presentComment), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(updateCommentRoute, async (c) => {
    const params = c.req.valid('param');
    const a = await access(c, params.id, false);
    const task = await findMentorshipTask(c.get('em'), a.mentorship, params.taskId);
    const comment = await findTaskComment(c.get('em'), task, params.commentId);
    authorizeCommentChange(a, comment);
    await updateTaskComment(c.get('em'), comment, c.req.valid('json').body);
    await tellMentorshipParty(tellDeps(c), a.mentorship, a.userId, 'comment_updated', about(task));
    return c.json(presentComment(comment), 200);
  });

  app.openapi(deleteCommentRoute, async (c) => {
    const params = c.req.valid('param');
    const a = await access(c, params.id, false);
    const task = await findMentorshipTask(c.get('em'), a.mentorship, params.taskId);
    const comment = await findTaskComment(c.get('em'), task, params.commentId);
    authorizeCommentChange(a, comment);
    await deleteTaskComment(c.get('em'), comment);
    await tellMentorshipParty(tellDeps(c), a.mentorship, a.userId, 'comment_deleted', about(task));
    return c.body(null, 204);
  });

  return app;
}
