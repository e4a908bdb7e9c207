// The mentorship rules as a matrix: for every route of relations, tasks and comments, in every
// state, the status each actor gets — the request's sender, its receiver, a stranger and anonymous.
// Every case runs twice, once with the mentor as sender and once with the mentee, so mentor and
// mentee each play both parts. Each cell runs on a fresh relation (all earlier ones deleted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MENTORSHIP_STATES,
  Mentorship,
  MentorshipTask,
  TaskComment,
  User,
  type MentorshipState,
} from '@pluma/db';
import type { TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

const ACTORS = ['sender', 'receiver', 'stranger', 'anonymous'] as const;
type Actor = (typeof ACTORS)[number];
type Statuses = [sender: number, receiver: number, stranger: number, anonymous: number];

interface Fixture {
  id: number;
  taskId: number;
  commentId: number;
}

interface RouteCase {
  name: string;
  request(f: Fixture): [method: string, path: string, body?: unknown];
  /** Statuses by state; `other` covers every state not listed. */
  expected: Partial<Record<MentorshipState, Statuses>> & { other: Statuses };
}

const PARTIES_READ: RouteCase['expected'] = { other: [200, 200, 404, 401] };
const RECEIVER_ANSWERS: RouteCase['expected'] = {
  PENDING: [403, 200, 404, 401],
  other: [403, 409, 404, 401],
};
const WHILE_ACCEPTED = (ok: number): RouteCase['expected'] => ({
  ACCEPTED: [ok, ok, 404, 401],
  other: [409, 409, 404, 401],
});
// The fixture's comment is the sender's: only they may change it.
const AUTHOR_WHILE_ACCEPTED = (ok: number): RouteCase['expected'] => ({
  ACCEPTED: [ok, 403, 404, 401],
  other: [409, 409, 404, 401],
});

const ROUTES: RouteCase[] = [
  {
    name: 'GET /mentorships/:id',
    request: (f) => ['GET', `/v1/mentorships/${f.id}`],
    expected: PARTIES_READ,
  },
  {
    name: 'POST /mentorships/:id/accept',
    request: (f) => ['POST', `/v1/mentorships/${f.id}/accept`],
    expected: RECEIVER_ANSWERS,
  },
  {
    name: 'POST /mentorships/:id/reject',
    request: (f) => ['POST', `/v1/mentorships/${f.id}/reject`],
    expected: RECEIVER_ANSWERS,
  },
  {
    name: 'POST /mentorships/:id/cancel',
    request: (f) => ['POST', `/v1/mentorships/${f.id}/cancel`],
    expected: WHILE_ACCEPTED(200),
  },
  {
    name: 'POST /mentorships/:id/complete',
    request: (f) => ['POST', `/v1/mentorships/${f.id}/complete`],
    expected: WHILE_ACCEPTED(200),
  },
  {
    name: 'DELETE /mentorships/:id',
    request: (f) => ['DELETE', `/v1/mentorships/${f.id}`],
    expected: { PENDING: [204, 403, 404, 401], other: [409, 403, 404, 401] },
  },
  {
    name: 'POST /mentorships/:id/tasks',
    request: (f) => ['POST', `/v1/mentorships/${f.id}/tasks`, { description: 'Read' }],
    expected: WHILE_ACCEPTED(201),
  },
  {
    name: 'GET /mentorships/:id/tasks',
    request: (f) => ['GET', `/v1/mentorships/${f.id}/tasks`],
    expected: PARTIES_READ,
  },
  {
    name: 'PATCH /mentorships/:id/tasks/:taskId',
    request: (f) => ['PATCH', `/v1/mentorships/${f.id}/tasks/${f.taskId}`, { completed: true }],
    expected: WHILE_ACCEPTED(200),
  },
  {
    name: 'DELETE /mentorships/:id/tasks/:taskId',
    request: (f) => ['DELETE', `/v1/mentorships/${f.id}/tasks/${f.taskId}`],
    expected: WHILE_ACCEPTED(204),
  },
  {
    name: 'POST /mentorships/:id/tasks/:taskId/comments',
    request: (f) => [
      'POST',
      `/v1/mentorships/${f.id}/tasks/${f.taskId}/comments`,
      { body: 'Done?' },
    ],
    expected: WHILE_ACCEPTED(201),
  },
  {
    name: 'GET /mentorships/:id/tasks/:taskId/comments',
    request: (f) => ['GET', `/v1/mentorships/${f.id}/tasks/${f.taskId}/comments`],
    expected: PARTIES_READ,
  },
  {
    name: 'PATCH /mentorships/:id/tasks/:taskId/comments/:commentId',
    request: (f) => [
      'PATCH',
      `/v1/mentorships/${f.id}/tasks/${f.taskId}/comments/${f.commentId}`,
      { body: 'Edited' },
    ],
    expected: AUTHOR_WHILE_ACCEPTED(200),
  },
  {
    name: 'DELETE /mentorships/:id/tasks/:taskId/comments/:commentId',
    request: (f) => ['DELETE', `/v1/mentorships/${f.id}/tasks/${f.taskId}/comments/${f.commentId}`],
    expected: AUTHOR_WHILE_ACCEPTED(204),
  },
];

describe('mentorship authorization matrix', () => {
  let t: WorksTestApp;
  let mentor: TestUser;
  let mentee: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    t = await startWorksTestApp('mentor_authz');
    [mentor, mentee, stranger] = await Promise.all([
      t.user('mx_mentor'),
      t.user('mx_mentee'),
      t.user('mx_stranger'),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A relation in `state` sent by `sender`, with one task and one comment by the sender; nothing else exists. */
  async function createFixture(state: MentorshipState, sender: TestUser): Promise<Fixture> {
    const em = t.db.orm.em.fork();
    await em.nativeDelete(Mentorship, {});
    const ref = (u: TestUser) => em.getReference(User, u.id);
    const mentorship = em.create(Mentorship, {
      mentor: ref(mentor),
      mentee: ref(mentee),
      sender: ref(sender),
      state,
      endDate: new Date(Date.now() + 8 * 7 * 24 * 3600 * 1000),
      notes: null,
      acceptedAt: state === 'PENDING' || state === 'REJECTED' ? null : new Date(),
    });
    const task = em.create(MentorshipTask, {
      mentorship,
      createdBy: ref(sender),
      description: 'Write a page',
      completedAt: null,
    });
    const comment = em.create(TaskComment, { task, author: ref(sender), body: 'Start here' });
    await em.flush();
    return { id: mentorship.id, taskId: task.id, commentId: comment.id };
  }

  for (const sentBy of ['mentor', 'mentee'] as const) {
    for (const state of MENTORSHIP_STATES) {
      describe(`${state}, sent by the ${sentBy}`, () => {
        it.each(ROUTES)('$name', async (route) => {
          const sender = sentBy === 'mentor' ? mentor : mentee;
          const who: Record<Actor, TestUser | undefined> = {
            sender,
            receiver: sentBy === 'mentor' ? mentee : mentor,
            stranger,
            anonymous: undefined,
          };
          const expectedRow = route.expected[state] ?? route.expected.other;
          const actual: Record<string, number> = {};
          const expected: Record<string, number> = {};
          for (const [i, actor] of ACTORS.entries()) {
            const [method, path, body] = route.request(await createFixture(state, sender));
            const res = await t.call(who[actor], method, path, body);
            if (res.status >= 400) {
              expect(res.headers.get('content-type')).toBe('application/problem+json');
              if (res.status === 409)
                expect(await res.json()).toMatchObject({ code: 'state.invalid_transition' });
            }
            actual[actor] = res.status;
            expected[actor] = expectedRow[i] as number;
          }
          expect(actual).toEqual(expected);
        });
      });
    }
  }
});
