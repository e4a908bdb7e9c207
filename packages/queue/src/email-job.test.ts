import { afterAll, describe, expect, it } from 'vitest';
import { testRedisPrefix, testRedisUrl } from '@pluma/testing';
import { createJobProducer } from './job-producer.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { EmailSendJobSchema } from './jobs.ts';

const producer = createJobProducer({ redisUrl: testRedisUrl(), prefix: testRedisPrefix('email') });

afterAll(async () => {
  await producer.queue('email').obliterate({ force: true });
  await producer.close();
});

describe('email.send contract', () => {
  it('enqueues a verification mail on the email queue', async () => {
    const id = await enqueueEmail(producer, {
      kind: 'verification',
      to: 'ana@example.test',
      displayName: 'Ana',
      token: 'x'.repeat(43),
    });
    const job = await producer.queue('email').getJob(id!);
    expect(job?.name).toBe('email.send');
    expect(job?.data).toMatchObject({ kind: 'verification', to: 'ana@example.test' });
  });

  it('refuses an unknown kind, a bad address or a missing token', () => {
    const base = { to: 'ana@example.test', displayName: 'Ana', token: 'x'.repeat(43) };
    expect(EmailSendJobSchema.safeParse({ ...base, kind: 'password-reset' }).success).toBe(true);
    expect(EmailSendJobSchema.safeParse({ ...base, kind: 'newsletter' }).success).toBe(false);
    expect(
      EmailSendJobSchema.safeParse({ ...base, kind: 'verification', to: 'not-an-address' }).success,
    ).toBe(false);
    expect(
      EmailSendJobSchema.safeParse({
        kind: 'verification',
        to: 'ana@example.test',
        displayName: 'Ana',
      }).success,
    ).toBe(false);
  });
});

describe('mentorship e-mail', () => {
  it('carries the event, the relation and who did it', () => {
    const base = {
      kind: 'mentorship',
      to: 'ana@example.test',
      displayName: 'Ana',
      mentorshipId: 7,
      actorHandle: 'ben',
      actorName: 'Ben',
    };
    expect(EmailSendJobSchema.safeParse({ ...base, event: 'accepted' }).success).toBe(true);
    expect(
      EmailSendJobSchema.safeParse({
        ...base,
        event: 'task_created',
        taskDescription: 'Read chapter 1',
      }).success,
    ).toBe(true);
    expect(EmailSendJobSchema.safeParse({ ...base, event: 'exploded' }).success).toBe(false);
    expect(
      EmailSendJobSchema.safeParse({ ...base, event: 'accepted', mentorshipId: 0 }).success,
    ).toBe(false);
  });
});
