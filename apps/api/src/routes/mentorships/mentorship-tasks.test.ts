// Tasks and comments of a mentorship on real MySQL: what the two parties can do with them, and that
// ids from another relation or task never reach them. Who may do what in which state is in the
// authorization matrix (authorization.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

interface TaskJson {
  id: number;
  description: string;
  completed: boolean;
  completedAt: string | null;
  createdBy: { handle: string };
}
interface CommentJson {
  id: number;
  body: string;
  author: { handle: string };
}

describe('mentorship tasks and comments', () => {
  let t: WorksTestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await startWorksTestApp('mentor_tasks');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An ACCEPTED relation between a fresh mentor and mentee. */
  async function relation(): Promise<{ id: number; mentor: TestUser; mentee: TestUser }> {
    const [mentor, mentee] = await Promise.all([t.user(`mt_a${++seq}`), t.user(`mt_b${seq}`)]);
    await t.call(mentor, 'PATCH', '/v1/me', { availableToMentor: true });
    await t.call(mentee, 'PATCH', '/v1/me', { needsMentoring: true });
    const endDate = new Date(Date.now() + 6 * 7 * 24 * 3600 * 1000).toISOString();
    const created = (await (
      await t.call(mentee, 'POST', '/v1/mentorships', { mentorHandle: mentor.handle, endDate })
    ).json()) as { id: number };
    expect((await t.call(mentor, 'POST', `/v1/mentorships/${created.id}/accept`)).status).toBe(200);
    return { id: created.id, mentor, mentee };
  }
  async function body<T>(res: Response, status: number): Promise<T> {
    expect(res.status, await res.clone().text()).toBe(status);
    return (await res.json()) as T;
  }

  it('adds, lists by cursor, completes, reopens, rewords and deletes tasks', async () => {
    const { id, mentor, mentee } = await relation();
    const tasks = `/v1/mentorships/${id}/tasks`;
    const first = await body<TaskJson>(
      await t.call(mentor, 'POST', tasks, { description: '  Read "Bird by Bird"  ' }),
      201,
    );
    expect(first).toMatchObject({
      description: 'Read "Bird by Bird"',
      completed: false,
      completedAt: null,
      createdBy: { handle: mentor.handle },
    });
    const second = await body<TaskJson>(
      await t.call(mentee, 'POST', tasks, { description: 'Draft a scene' }),
      201,
    );
    const third = await body<TaskJson>(
      await t.call(mentee, 'POST', tasks, { description: 'Share it' }),
      201,
    );

    const page1 = await body<{ items: TaskJson[]; nextCursor: string }>(
      await t.call(mentee, 'GET', `${tasks}?limit=2`),
      200,
    );
    expect(page1.items.map((task) => task.id)).toEqual([first.id, second.id]);
    const page2 = await body<{ items: TaskJson[]; nextCursor: string | null }>(
      await t.call(mentee, 'GET', `${tasks}?limit=2&cursor=${page1.nextCursor}`),
      200,
    );
    expect(page2).toMatchObject({ items: [{ id: third.id }], nextCursor: null });

    const done = await body<TaskJson>(
      await t.call(mentee, 'PATCH', `${tasks}/${first.id}`, { completed: true }),
      200,
    );
    expect(done.completed).toBe(true);
    expect(Date.parse(done.completedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const reopened = await body<TaskJson>(
      await t.call(mentor, 'PATCH', `${tasks}/${first.id}`, {
        completed: false,
        description: 'Read two chapters',
      }),
      200,
    );
    expect(reopened).toMatchObject({
      completed: false,
      completedAt: null,
      description: 'Read two chapters',
    });

    await body(await t.call(mentor, 'PATCH', `${tasks}/${first.id}`, {}), 400);
    await body(await t.call(mentor, 'POST', tasks, { description: '   ' }), 400);
    await body(await t.call(mentor, 'POST', tasks, { description: 'x'.repeat(501) }), 400);

    expect((await t.call(mentor, 'DELETE', `${tasks}/${second.id}`)).status).toBe(204);
    const left = await body<{ items: TaskJson[] }>(await t.call(mentor, 'GET', tasks), 200);
    expect(left.items.map((task) => task.id)).toEqual([first.id, third.id]);
    await body(await t.call(mentor, 'PATCH', `${tasks}/${second.id}`, { completed: true }), 404);
  });

  it('keeps comments with their task: author-only edits, oldest first, gone with the task', async () => {
    const { id, mentor, mentee } = await relation();
    const task = await body<TaskJson>(
      await t.call(mentor, 'POST', `/v1/mentorships/${id}/tasks`, { description: 'Revise' }),
      201,
    );
    const comments = `/v1/mentorships/${id}/tasks/${task.id}/comments`;
    const a = await body<CommentJson>(
      await t.call(mentee, 'POST', comments, { body: 'Which part?' }),
      201,
    );
    const b = await body<CommentJson>(
      await t.call(mentor, 'POST', comments, { body: 'The opening.' }),
      201,
    );
    expect(a).toMatchObject({ body: 'Which part?', author: { handle: mentee.handle } });

    const edited = await body<CommentJson>(
      await t.call(mentee, 'PATCH', `${comments}/${a.id}`, { body: 'Which part, exactly?' }),
      200,
    );
    expect(edited.body).toBe('Which part, exactly?');
    const refused = await body<{ detail: string }>(
      await t.call(mentor, 'PATCH', `${comments}/${a.id}`, { body: 'Hijacked' }),
      403,
    );
    expect(refused.detail).toBe('Only the author of a comment may edit or delete it.');
    await body(await t.call(mentee, 'DELETE', `${comments}/${b.id}`), 403);
    await body(await t.call(mentee, 'POST', comments, { body: '' }), 400);

    const list = await body<{ items: CommentJson[] }>(await t.call(mentor, 'GET', comments), 200);
    expect(list.items.map((c) => [c.id, c.body])).toEqual([
      [a.id, 'Which part, exactly?'],
      [b.id, 'The opening.'],
    ]);
    expect((await t.call(mentor, 'DELETE', `${comments}/${b.id}`)).status).toBe(204);
    expect(
      (await body<{ items: CommentJson[] }>(await t.call(mentor, 'GET', comments), 200)).items,
    ).toHaveLength(1);

    expect((await t.call(mentor, 'DELETE', `/v1/mentorships/${id}/tasks/${task.id}`)).status).toBe(
      204,
    );
    await body(await t.call(mentor, 'GET', comments), 404);
  });

  it('never reaches a task or comment through another relation or task', async () => {
    const one = await relation();
    const two = await relation();
    const task = await body<TaskJson>(
      await t.call(one.mentor, 'POST', `/v1/mentorships/${one.id}/tasks`, { description: 'Mine' }),
      201,
    );
    const otherTask = await body<TaskJson>(
      await t.call(one.mentor, 'POST', `/v1/mentorships/${one.id}/tasks`, {
        description: 'Also mine',
      }),
      201,
    );
    const comment = await body<CommentJson>(
      await t.call(one.mentee, 'POST', `/v1/mentorships/${one.id}/tasks/${task.id}/comments`, {
        body: 'Hi',
      }),
      201,
    );
    // Parties of relation two, naming relation two but a task of relation one.
    await body(
      await t.call(two.mentor, 'PATCH', `/v1/mentorships/${two.id}/tasks/${task.id}`, {
        completed: true,
      }),
      404,
    );
    await body(
      await t.call(two.mentor, 'GET', `/v1/mentorships/${two.id}/tasks/${task.id}/comments`),
      404,
    );
    // A comment addressed through the wrong task.
    await body(
      await t.call(
        one.mentee,
        'PATCH',
        `/v1/mentorships/${one.id}/tasks/${otherTask.id}/comments/${comment.id}`,
        { body: 'x' },
      ),
      404,
    );
    // And relation one is invisible to relation two's parties.
    await body(await t.call(two.mentee, 'GET', `/v1/mentorships/${one.id}/tasks`), 404);
  });
});
