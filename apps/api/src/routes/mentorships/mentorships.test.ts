// Mentorship relations end to end on real MySQL and Redis: profile fields, the rules of a request,
// the lists, the one-accepted-relation guarantee under concurrent accepts, and who is told what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mentorship, User } from '@pluma/db';
import type { NotificationMessage } from '@pluma/notify';
import { createJobProducer, type EmailSendJob, type JobProducer } from '@pluma/queue';
import { testRedisUrl, type TestUser } from '@pluma/testing';
import { startWorksTestApp, type WorksTestApp } from '../works/works-test-app.ts';

const WEEK = 7 * 24 * 3600 * 1000;
const weeksFromNow = (weeks: number) => new Date(Date.now() + weeks * WEEK).toISOString();

interface MentorshipJson {
  id: number;
  state: string;
  role: string;
  sentBy: string;
  mentor: { handle: string };
  mentee: { handle: string };
  notes: string | null;
}

describe('mentorships', () => {
  let t: WorksTestApp;
  let jobs: JobProducer;
  let seq = 0;

  beforeAll(async () => {
    t = await startWorksTestApp('mentorships');
    jobs = createJobProducer({ redisUrl: testRedisUrl(), prefix: t.redisPrefix + 'bull' });
  });
  afterAll(async () => {
    await jobs?.queue('email').obliterate({ force: true });
    await jobs?.close();
    await t?.close();
  });

  /** A user with the given mentorship profile, set through PATCH /v1/me. */
  async function person(
    profile: {
      availableToMentor?: boolean;
      needsMentoring?: boolean;
      emailOnMentorship?: boolean;
    } = {},
  ): Promise<TestUser> {
    const user = await t.user(`ms_${++seq}_${Math.random().toString(36).slice(2, 6)}`);
    const { emailOnMentorship, ...rest } = profile;
    const body = {
      ...rest,
      ...(emailOnMentorship === undefined ? {} : { preferences: { emailOnMentorship } }),
    };
    if (Object.keys(body).length > 0)
      expect((await t.call(user, 'PATCH', '/v1/me', body)).status).toBe(200);
    return user;
  }
  const mentorUser = () => person({ availableToMentor: true });
  const menteeUser = () => person({ needsMentoring: true });

  async function request(who: TestUser, body: Record<string, unknown>): Promise<Response> {
    return t.call(who, 'POST', '/v1/mentorships', { endDate: weeksFromNow(8), ...body });
  }
  async function requested(who: TestUser, body: Record<string, unknown>): Promise<MentorshipJson> {
    const res = await request(who, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as MentorshipJson;
  }
  async function act(who: TestUser, id: number, action: string): Promise<Response> {
    return t.call(who, 'POST', `/v1/mentorships/${id}/${action}`);
  }
  async function problem(
    res: Response,
    status: number,
  ): Promise<{ code: string; detail: string; errors?: { path: string }[] }> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    return (await res.json()) as { code: string; detail: string };
  }
  async function inbox(who: TestUser): Promise<NotificationMessage[]> {
    const res = await t.call(who, 'GET', '/v1/me/notifications?limit=50');
    expect(res.status).toBe(200);
    return ((await res.json()) as { notifications: NotificationMessage[] }).notifications;
  }
  async function mentorshipMails(
    to: TestUser,
  ): Promise<Extract<EmailSendJob, { kind: 'mentorship' }>[]> {
    const all = await jobs
      .queue('email')
      .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
    return all
      .map((job) => job.data as EmailSendJob)
      .filter(
        (mail): mail is Extract<EmailSendJob, { kind: 'mentorship' }> =>
          mail.kind === 'mentorship' && mail.to === to.email,
      );
  }

  it('keeps the mentorship profile on the account, editable by PATCH /v1/me and shown on the public profile', async () => {
    const user = await person();
    const me = await t.call(user, 'PATCH', '/v1/me', {
      availableToMentor: true,
      interests: ' poetry, essays ',
      skills: 'editing',
      preferences: { emailOnMentorship: false },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      availableToMentor: true,
      needsMentoring: false,
      interests: 'poetry, essays',
      skills: 'editing',
      preferences: { emailOnMentorship: false, emailOnNewFollower: true },
    });
    const cleared = await t.call(user, 'PATCH', '/v1/me', { skills: null, interests: '' });
    expect(await cleared.json()).toMatchObject({ skills: null, interests: null });
    const profile = await t.call(undefined, 'GET', `/v1/users/${user.handle}`);
    expect(await profile.json()).toMatchObject({
      availableToMentor: true,
      needsMentoring: false,
      skills: null,
    });
    const tooLong = await problem(
      await t.call(user, 'PATCH', '/v1/me', { interests: 'x'.repeat(501) }),
      400,
    );
    expect(tooLong.errors?.map((e) => e.path)).toEqual(['interests']);
  });

  it('documents every mentorship route in the OpenAPI spec, behind bearerAuth', async () => {
    const spec = (await (await t.call(undefined, 'GET', '/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/v1/mentorships'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          op: `${method} ${path}`,
          security: op.security,
        })),
      );
    expect(operations).toHaveLength(19);
    for (const { op, security } of operations)
      expect({ op, security }).toEqual({ op, security: [{ bearerAuth: [] }] });
  });

  it('lets the mentee ask a mentor, or the mentor offer to a mentee', async () => {
    const [mentor, mentee] = await Promise.all([mentorUser(), menteeUser()]);
    const asked = await requested(mentee, {
      mentorHandle: mentor.handle,
      notes: '  Help with my novel ',
    });
    expect(asked).toMatchObject({
      state: 'PENDING',
      role: 'mentee',
      sentBy: 'mentee',
      mentor: { handle: mentor.handle },
      mentee: { handle: mentee.handle },
      notes: 'Help with my novel',
    });
    expect((await act(mentee, asked.id, 'reject')).status).toBe(403);
    expect(await (await act(mentor, asked.id, 'reject')).json()).toMatchObject({
      state: 'REJECTED',
      role: 'mentor',
    });
    const offered = await requested(mentor, { menteeHandle: mentee.handle });
    expect(offered).toMatchObject({ state: 'PENDING', role: 'mentor', sentBy: 'mentor' });
  });

  it('refuses requests that break a rule, saying which', async () => {
    const [mentor, mentee, idle] = await Promise.all([mentorUser(), menteeUser(), person()]);
    const both = await problem(
      await request(mentee, { mentorHandle: mentor.handle, menteeHandle: mentee.handle }),
      400,
    );
    expect(both.detail).toContain('exactly one of mentorHandle');
    await problem(await request(mentee, {}), 400);
    const self = await problem(await request(mentor, { menteeHandle: mentor.handle }), 400);
    expect(self).toMatchObject({ errors: [{ path: 'menteeHandle' }] });
    expect(self.detail).toContain('yourself');
    expect(
      (await problem(await request(mentee, { mentorHandle: 'nobody_here' }), 404)).detail,
    ).toContain('nobody_here');
    for (const weeks of [3.9, 24.1, -1]) {
      const bad = await problem(
        await request(mentee, { mentorHandle: mentor.handle, endDate: weeksFromNow(weeks) }),
        400,
      );
      expect(bad).toMatchObject({ errors: [{ path: 'endDate' }] });
      expect(bad.detail).toContain('4 to 24 weeks from now');
    }
    expect(
      (await request(mentee, { mentorHandle: mentor.handle, endDate: weeksFromNow(4.01) })).status,
    ).toBe(201);
    expect(
      (await problem(await request(mentee, { mentorHandle: mentor.handle }), 409)).detail,
    ).toBe(`There is already a pending mentorship request between you and @${mentor.handle}.`);
    expect((await problem(await request(mentee, { mentorHandle: idle.handle }), 409)).detail).toBe(
      `@${idle.handle} is not available to mentor.`,
    );
    expect(
      (await problem(await request(idle, { mentorHandle: mentor.handle }), 409)).detail,
    ).toContain('You are not looking for a mentor');
    expect((await problem(await request(mentor, { menteeHandle: idle.handle }), 409)).detail).toBe(
      `@${idle.handle} is not looking for a mentor.`,
    );
    expect(
      (await problem(await request(idle, { menteeHandle: mentee.handle }), 409)).detail,
    ).toContain('You are not available to mentor');
    await problem(
      await t.call(undefined, 'POST', '/v1/mentorships', {
        mentorHandle: mentor.handle,
        endDate: weeksFromNow(8),
      }),
      401,
    );
  });

  it('keeps a user in one accepted relation: new requests and other accepts are refused while it lasts', async () => {
    const [mentor, mentee, other] = await Promise.all([mentorUser(), menteeUser(), menteeUser()]);
    const first = await requested(mentee, { mentorHandle: mentor.handle });
    const second = await requested(other, { mentorHandle: mentor.handle });
    expect((await act(mentor, first.id, 'accept')).status).toBe(200);
    expect((await problem(await act(mentor, second.id, 'accept'), 409)).detail).toBe(
      'You are already in a mentorship; cancel or complete it first.',
    );
    expect((await problem(await request(other, { mentorHandle: mentor.handle }), 409)).detail).toBe(
      `@${mentor.handle} is already in a mentorship.`,
    );
    expect((await act(mentee, first.id, 'complete')).status).toBe(200);
    expect(await (await act(mentor, second.id, 'accept')).json()).toMatchObject({
      state: 'ACCEPTED',
    });
  });

  it('refuses to accept a request whose end date has passed', async () => {
    const [mentor, mentee] = await Promise.all([mentorUser(), menteeUser()]);
    const asked = await requested(mentee, { mentorHandle: mentor.handle });
    const past = new Date(Date.now() - 1000);
    await t.db.orm.em.fork().nativeUpdate(Mentorship, { id: asked.id }, { endDate: past });
    const refused = await problem(await act(mentor, asked.id, 'accept'), 409);
    expect(refused).toMatchObject({ code: 'state.invalid_transition' });
    expect(refused.detail).toContain('has passed');
    expect((await act(mentor, asked.id, 'reject')).status).toBe(200);
  });

  it('lets exactly one of two simultaneous accepts involving the same user win', async () => {
    for (let round = 0; round < 5; round++) {
      const [mentor, a, b] = await Promise.all([mentorUser(), menteeUser(), menteeUser()]);
      const [ra, rb] = [
        await requested(a, { mentorHandle: mentor.handle }),
        await requested(b, { mentorHandle: mentor.handle }),
      ];
      const statuses = (
        await Promise.all([act(mentor, ra.id, 'accept'), act(mentor, rb.id, 'accept')])
      ).map((res) => res.status);
      expect(statuses.sort()).toEqual([200, 409]);
      const accepted = await t.db.orm.em
        .fork()
        .count(Mentorship, { mentor: mentor.id, state: 'ACCEPTED' });
      expect(accepted).toBe(1);
    }
    // Different callers: a mentee accepting a mentor's offer while the same mentor accepts another request.
    for (let round = 0; round < 5; round++) {
      const [mentor, a, b] = await Promise.all([mentorUser(), menteeUser(), menteeUser()]);
      const offer = await requested(mentor, { menteeHandle: a.handle });
      const ask = await requested(b, { mentorHandle: mentor.handle });
      const statuses = (
        await Promise.all([act(a, offer.id, 'accept'), act(mentor, ask.id, 'accept')])
      ).map((res) => res.status);
      expect(statuses.sort()).toEqual([200, 409]);
      expect(
        await t.db.orm.em.fork().count(Mentorship, { mentor: mentor.id, state: 'ACCEPTED' }),
      ).toBe(1);
    }
  });

  it('lets only one of a racing answer and withdrawal apply', async () => {
    for (const answer of ['accept', 'reject'] as const) {
      for (let round = 0; round < 3; round++) {
        const [mentor, mentee] = await Promise.all([mentorUser(), menteeUser()]);
        const asked = await requested(mentee, { mentorHandle: mentor.handle });
        const [answered, withdrawn] = await Promise.all([
          act(mentor, asked.id, answer),
          t.call(mentee, 'DELETE', `/v1/mentorships/${asked.id}`),
        ]);
        // Either the answer came first (the withdrawal is too late: 409) or the request is gone (404).
        expect([answered.status, withdrawn.status]).toEqual(
          answered.status === 200 ? [200, 409] : [404, 204],
        );
        const left = await t.db.orm.em.fork().find(Mentorship, { id: asked.id });
        expect(left.map((m) => m.state)).toEqual(
          answered.status === 200 ? [answer === 'accept' ? 'ACCEPTED' : 'REJECTED'] : [],
        );
      }
    }
  });

  it('ends the open relations of a deleted account and erases its mentorship profile', async () => {
    const [mentor, mentee, other] = await Promise.all([mentorUser(), menteeUser(), menteeUser()]);
    await t.call(mentor, 'PATCH', '/v1/me', { skills: 'plotting' });
    const current = await requested(mentee, { mentorHandle: mentor.handle });
    const pending = await requested(mentor, { menteeHandle: other.handle });
    await act(mentor, current.id, 'accept');
    expect((await t.call(mentor, 'DELETE', '/v1/me')).status).toBe(204);
    const [a, b] = await Promise.all([
      t.call(mentee, 'GET', `/v1/mentorships/${current.id}`),
      t.call(other, 'GET', `/v1/mentorships/${pending.id}`),
    ]);
    expect(await a.json()).toMatchObject({ state: 'CANCELLED' });
    expect(await b.json()).toMatchObject({ state: 'CANCELLED' });
    expect(await (await t.call(mentee, 'GET', '/v1/mentorships/current')).json()).toEqual({
      mentorship: null,
    });
    const row = await t.db.orm.em.fork().findOneOrFail(User, { id: mentor.id });
    expect(row).toMatchObject({
      availableToMentor: false,
      needsMentoring: false,
      skills: null,
      interests: null,
      emailOnMentorship: false,
    });
  });

  it('lists relations by state, the past, the pending and the current one, by cursor', async () => {
    const [mentor, m1, m2, m3, m4] = await Promise.all([
      mentorUser(),
      menteeUser(),
      menteeUser(),
      menteeUser(),
      menteeUser(),
    ]);
    const r1 = await requested(m1, { mentorHandle: mentor.handle });
    const r2 = await requested(mentor, { menteeHandle: m2.handle });
    const r3 = await requested(m3, { mentorHandle: mentor.handle });
    const r4 = await requested(m4, { mentorHandle: mentor.handle });
    await act(mentor, r1.id, 'reject');
    await act(mentor, r3.id, 'accept');
    const ids = async (path: string) =>
      ((await (await t.call(mentor, 'GET', path)).json()) as { items: { id: number }[] }).items.map(
        (m) => m.id,
      );
    expect(await ids('/v1/mentorships')).toEqual([r4.id, r3.id, r2.id, r1.id]);
    expect(await ids('/v1/mentorships?state=PENDING')).toEqual([r4.id, r2.id]);
    expect(await ids('/v1/mentorships/pending')).toEqual([r4.id, r2.id]);
    expect(await ids('/v1/mentorships/past')).toEqual([r1.id]);
    expect(await (await t.call(mentor, 'GET', '/v1/mentorships/current')).json()).toMatchObject({
      mentorship: { id: r3.id, state: 'ACCEPTED' },
    });
    expect(await (await t.call(m1, 'GET', '/v1/mentorships/current')).json()).toEqual({
      mentorship: null,
    });
    const first = (await (await t.call(mentor, 'GET', '/v1/mentorships?limit=3')).json()) as {
      items: { id: number }[];
      nextCursor: string;
    };
    expect(first.items.map((m) => m.id)).toEqual([r4.id, r3.id, r2.id]);
    const rest = (await (
      await t.call(mentor, 'GET', `/v1/mentorships?limit=3&cursor=${first.nextCursor}`)
    ).json()) as { items: { id: number }[]; nextCursor: string | null };
    expect(rest).toMatchObject({ items: [{ id: r1.id }], nextCursor: null });
    // Strangers see none of it.
    const stranger = await person();
    expect(await ids('/v1/mentorships')).toHaveLength(4);
    expect((await (await t.call(stranger, 'GET', '/v1/mentorships')).json()) as object).toEqual({
      items: [],
      nextCursor: null,
    });
    await problem(await t.call(mentor, 'GET', '/v1/mentorships?state=DONE'), 400);
    await problem(await t.call(undefined, 'GET', '/v1/mentorships/pending'), 401);
  });

  it('tells the other party of every event, in the inbox and by e-mail unless they turned it off', async () => {
    const [mentor, mentee] = await Promise.all([mentorUser(), menteeUser()]);
    const quiet = await person({ needsMentoring: true, emailOnMentorship: false });
    const types = async (who: TestUser) => (await inbox(who)).map((n) => n.type).reverse();

    const r = await requested(mentee, { mentorHandle: mentor.handle });
    await act(mentor, r.id, 'accept');
    const task = (await (
      await t.call(mentor, 'POST', `/v1/mentorships/${r.id}/tasks`, {
        description: 'Outline chapter 1',
      })
    ).json()) as { id: number };
    const taskPath = `/v1/mentorships/${r.id}/tasks/${task.id}`;
    expect((await t.call(mentee, 'PATCH', taskPath, { completed: true })).status).toBe(200);
    expect(
      (await t.call(mentor, 'PATCH', taskPath, { description: 'Outline chapters 1-2' })).status,
    ).toBe(200);
    const comment = (await (
      await t.call(mentee, 'POST', `${taskPath}/comments`, { body: 'Done' })
    ).json()) as { id: number };
    expect(
      (await t.call(mentee, 'PATCH', `${taskPath}/comments/${comment.id}`, { body: 'Done!' }))
        .status,
    ).toBe(200);
    expect((await t.call(mentee, 'DELETE', `${taskPath}/comments/${comment.id}`)).status).toBe(204);
    expect((await t.call(mentor, 'DELETE', taskPath)).status).toBe(204);
    await act(mentee, r.id, 'complete');

    const again = await requested(mentor, { menteeHandle: mentee.handle });
    await act(mentee, again.id, 'accept');
    await act(mentor, again.id, 'cancel');
    const withdrawn = await requested(mentee, { mentorHandle: mentor.handle });
    expect((await t.call(mentee, 'DELETE', `/v1/mentorships/${withdrawn.id}`)).status).toBe(204);
    const rejected = await requested(quiet, { mentorHandle: mentor.handle });
    await act(mentor, rejected.id, 'reject');

    expect(await types(mentor)).toEqual([
      'mentorship.requested',
      'mentorship.task_completed',
      'mentorship.comment_created',
      'mentorship.comment_updated',
      'mentorship.comment_deleted',
      'mentorship.completed',
      'mentorship.accepted',
      'mentorship.requested',
      'mentorship.withdrawn',
      'mentorship.requested',
    ]);
    expect(await types(mentee)).toEqual([
      'mentorship.accepted',
      'mentorship.task_created',
      'mentorship.task_updated',
      'mentorship.task_deleted',
      'mentorship.requested',
      'mentorship.cancelled',
    ]);
    expect(await types(quiet)).toEqual(['mentorship.rejected']);
    const [latest] = await inbox(quiet);
    expect(latest?.payload).toMatchObject({
      mentorshipId: rejected.id,
      actor: { handle: mentor.handle },
    });
    const taskEvent = (await inbox(mentee)).find((n) => n.type === 'mentorship.task_created');
    expect(taskEvent?.payload).toMatchObject({
      mentorshipId: r.id,
      task: { id: task.id, description: 'Outline chapter 1' },
    });

    const mails = await mentorshipMails(mentor);
    expect(mails.map((m) => m.event).sort()).toEqual(
      [
        'requested',
        'task_completed',
        'comment_created',
        'comment_updated',
        'comment_deleted',
        'completed',
        'accepted',
        'requested',
        'withdrawn',
        'requested',
      ].sort(),
    );
    expect(mails.find((m) => m.event === 'task_completed')).toMatchObject({
      actorHandle: mentee.handle,
      mentorshipId: r.id,
      taskDescription: 'Outline chapter 1',
    });
    expect(await mentorshipMails(mentee)).toHaveLength(6);
    expect(await mentorshipMails(quiet)).toEqual([]);
  });
});
