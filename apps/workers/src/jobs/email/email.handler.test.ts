// The email processor against real SMTP servers: a catcher that accepts everything, and one that
// refuses some recipients the way a real server does (550 unknown user, 451 try again later).
import type { AddressInfo } from 'node:net';
import type { Job, Worker } from 'bullmq';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobProducer, enqueueEmail, type JobProducer } from '@pluma/queue';
import { createLogger } from '@pluma/telemetry/logger';
import { startMailCatcher, testRedisPrefix, testRedisUrl, type MailCatcher } from '@pluma/testing';
import { isPermanentSmtpError } from './email.handler.ts';
import { createEmailWorker } from './email.worker.ts';

const PUBLIC_URL = 'https://pluma.example/app';
const FROM = 'Pluma <no-reply@pluma.test>';
const log = createLogger({ service: 'workers', level: 'silent' });

/** An SMTP server refusing `unknown@` for good (550) and `busy@` once (451), accepting the rest. */
async function startPickyServer() {
  const accepted: string[] = [];
  let busyRefusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refuse = (code: number, message: string) =>
        callback(Object.assign(new Error(message), { responseCode: code }));
      if (address.address.startsWith('unknown@')) return refuse(550, 'No such user here');
      if (address.address.startsWith('busy@') && busyRefusals++ === 0)
        return refuse(451, 'Mailbox busy, try again later');
      callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        accepted.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('email.send processor', () => {
  let catcher: MailCatcher;
  let picky: Awaited<ReturnType<typeof startPickyServer>>;
  const workers: Worker[] = [];
  const producers: JobProducer[] = [];

  function startWorker(smtpUrl: string) {
    const prefix = testRedisPrefix('email');
    const mailer = createTransport({ url: smtpUrl, pool: true });
    const worker = createEmailWorker(
      { mailer, from: FROM, publicUrl: PUBLIC_URL, log },
      { redisUrl: testRedisUrl(), prefix, concurrency: 2 },
    );
    worker.on('closed', () => mailer.close());
    const producer = createJobProducer({ redisUrl: testRedisUrl(), prefix });
    workers.push(worker);
    producers.push(producer);
    return { worker, producer };
  }

  beforeAll(async () => {
    catcher = await startMailCatcher({ port: 0 });
    picky = await startPickyServer();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    for (const p of producers) {
      await p.queue('email').obliterate({ force: true });
      await p.close();
    }
    await catcher?.stop();
    await picky?.stop();
  });

  it('delivers each kind to its recipient with its subject and link', async () => {
    const { producer } = startWorker(catcher.url);
    const token = 'tok_'.padEnd(43, 'v');
    await enqueueEmail(producer, {
      kind: 'verification',
      to: 'ana@example.test',
      displayName: 'Ana <3',
      token,
    });
    await enqueueEmail(producer, {
      kind: 'password-reset',
      to: 'bo@example.test',
      displayName: 'Bo',
      token: 'rst_'.padEnd(43, 'r'),
    });

    const verify = await catcher.waitFor((m) => m.to.includes('ana@example.test'));
    expect(verify.subject).toBe('Confirm your e-mail address for Pluma');
    expect(verify.from).toBe('no-reply@pluma.test');
    expect(verify.text).toContain(`${PUBLIC_URL}/verify?token=${token}`);
    expect(verify.html).toContain(`href="${PUBLIC_URL}/verify?token=${token}"`);
    expect(verify.html).toContain('Hello Ana &lt;3,');

    const reset = await catcher.waitFor((m) => m.to.includes('bo@example.test'));
    expect(reset.subject).toBe('Reset your Pluma password');
    expect(reset.text).toContain(`${PUBLIC_URL}/reset-password?token=${'rst_'.padEnd(43, 'r')}`);
  });

  it('gives up at once, unrecoverably, when the server refuses the recipient (550)', async () => {
    const { worker, producer } = startWorker(picky.url);
    const failed = new Promise<{ job: Job | undefined; error: Error }>((resolve) =>
      worker.on('failed', (job, error) => resolve({ job, error })),
    );
    await enqueueEmail(producer, {
      kind: 'verification',
      to: 'unknown@example.test',
      displayName: 'Nobody',
      token: 'x'.repeat(43),
    });
    const { job, error } = await failed;
    expect(error.name).toBe('UnrecoverableError');
    expect(error.message).toContain('550');
    expect(error.message).not.toContain('x'.repeat(43));
    expect(job?.attemptsMade).toBe(1);
    expect(await job?.getState()).toBe('failed');
  });

  it('retries after a temporary refusal (451) and then delivers', async () => {
    const { worker, producer } = startWorker(picky.url);
    const errors: string[] = [];
    worker.on('failed', (_job, error) => errors.push(error.message));
    await enqueueEmail(producer, {
      kind: 'password-reset',
      to: 'busy@example.test',
      displayName: 'Busy',
      token: 'y'.repeat(43),
    });
    await vi.waitFor(() => expect(picky.accepted).toContain('busy@example.test'), {
      timeout: 10_000,
      interval: 100,
    });
    expect(errors).toEqual(['SMTP failed temporarily (451)']);
  });

  it('classifies SMTP failures', () => {
    expect(isPermanentSmtpError({ code: 'EENVELOPE', responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpError({ code: 'EAUTH', responseCode: 535 })).toBe(true);
    expect(isPermanentSmtpError({ code: 'EENVELOPE', responseCode: 452 })).toBe(false);
    expect(isPermanentSmtpError({ code: 'ECONNECTION' })).toBe(false);
    expect(isPermanentSmtpError({ code: 'EENVELOPE' })).toBe(true);
    expect(isPermanentSmtpError(new Error('socket hang up'))).toBe(false);
  });
});
