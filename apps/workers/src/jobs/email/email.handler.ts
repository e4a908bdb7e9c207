import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { UnrecoverableError, type Job } from 'bullmq';
import type { SendMailOptions, SentMessageInfo, Transporter } from 'nodemailer';
import { EmailSendJobSchema } from '@pluma/queue';
import type { Logger } from '@pluma/telemetry/logger';
import { renderEmail } from './email-templates.ts';

export interface EmailHandlerDeps {
  mailer: Pick<Transporter, 'sendMail'>;
  /** The From header, e.g. `Pluma <no-reply@pluma.dev>` (MAIL_FROM). */
  from: string;
  /** Base of every link in a mail (PUBLIC_URL). */
  publicUrl: string;
  log: Logger;
}

const tracer = trace.getTracer('pluma-workers');

/** Connection-level failures nodemailer reports without an SMTP reply: worth another try. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPROTOCOL',
]);

interface SmtpError {
  code?: string;
  responseCode?: number;
}

/**
 * True when retrying cannot help: the server answered 5xx (mailbox unknown, relay refused,
 * authentication failed) or the envelope itself is unusable. 4xx replies (greylisting, mailbox
 * busy) and dropped connections are temporary.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as SmtpError;
  if (typeof responseCode === 'number') return responseCode >= 500;
  if (code && TRANSIENT_CODES.has(code)) return false;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}

/** Processor of `email.send`: renders the mail and sends it over SMTP. */
export function createEmailHandler(deps: EmailHandlerDeps) {
  return async (job: Job): Promise<{ messageId: string }> => {
    const parsed = EmailSendJobSchema.safeParse(job.data);
    if (!parsed.success) {
      // A malformed payload will be just as malformed on the next attempt.
      throw new UnrecoverableError(
        `email.send payload is invalid: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`,
      );
    }
    const email = parsed.data;
    // The recipient's domain is enough to follow a delivery; the token and address stay out of logs.
    const log = deps.log.child({
      jobId: job.id,
      kind: email.kind,
      attempt: job.attemptsMade + 1,
      toDomain: email.to.split('@')[1],
    });
    const message = renderEmail(email, deps.publicUrl);
    try {
      const info = await sendTraced(deps.mailer, { from: deps.from, to: email.to, ...message });
      log.info({ messageId: info.messageId }, 'email sent');
      return { messageId: String(info.messageId) };
    } catch (error) {
      const { code, responseCode } = (error ?? {}) as SmtpError;
      if (isPermanentSmtpError(error)) {
        log.warn({ code, responseCode }, 'email refused permanently');
        throw new UnrecoverableError(
          `SMTP refused the message permanently (${responseCode ?? code ?? 'unknown'})`,
        );
      }
      log.warn({ code, responseCode }, 'email failed; will retry');
      throw new Error(`SMTP failed temporarily (${responseCode ?? code ?? 'unknown'})`, {
        cause: error,
      });
    }
  };
}

/** `sendMail` in a CLIENT span `email send`; no address goes on it (privacy), the message id does. */
function sendTraced(
  mailer: EmailHandlerDeps['mailer'],
  mail: SendMailOptions,
): Promise<SentMessageInfo> {
  return tracer.startActiveSpan(
    'email send',
    { kind: SpanKind.CLIENT, attributes: { 'email.transport': 'smtp' } },
    async (span) => {
      try {
        const info = await mailer.sendMail(mail);
        span.setAttribute('email.message_id', String(info.messageId));
        return info;
      } catch (error) {
        const { code, responseCode } = (error ?? {}) as SmtpError;
        if (responseCode !== undefined) span.setAttribute('smtp.response_code', responseCode);
        span.setStatus({ code: SpanStatusCode.ERROR, message: code ?? 'send failed' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
