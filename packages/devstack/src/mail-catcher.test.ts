import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';

describe('mail catcher', () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ port: 0 });
  });
  afterAll(async () => {
    await catcher.stop();
  });

  it('receives a message sent over real SMTP with its recipient, subject and body', async () => {
    const transport = createTransport({ url: catcher.url });
    await transport.sendMail({
      from: 'Pluma <no-reply@pluma.local>',
      to: 'ana@example.com',
      subject: 'Verify your address',
      text: 'Open http://localhost:8080/verify?token=abc',
      html: '<a href="http://localhost:8080/verify?token=abc">Verify</a>',
    });
    const mail = await catcher.waitFor((m) => m.to.includes('ana@example.com'));
    expect(mail.subject).toBe('Verify your address');
    expect(mail.text).toContain('/verify?token=abc');
    expect(mail.html).toContain('href="http://localhost:8080/verify?token=abc"');
  });
});
