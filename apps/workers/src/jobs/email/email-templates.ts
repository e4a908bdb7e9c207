import type { EmailSendJob } from '@pluma/queue';

/** A rendered message: subject, plain-text and HTML bodies. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/** A link into the web app; PUBLIC_URL may carry a path prefix, so it is joined, not resolved. */
export function appLink(publicUrl: string, path: string, params: Record<string, string>): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}?${new URLSearchParams(params).toString()}`;
}

const FALLBACK = 'If the button does not work, open this address:';

function layout(
  greeting: string,
  paragraphs: string[],
  action: { label: string; url: string },
  footer: string,
): string {
  return [
    '<!doctype html><html><body style="font-family:Georgia,serif;color:#222;max-width:560px;margin:auto">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(action.url)}" style="background:#3b2f8f;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
    `<p style="font-size:13px;color:#555">${escapeHtml(footer)} ${FALLBACK}<br>${escapeHtml(action.url)}</p>`,
    '<p style="font-size:13px;color:#555">— Pluma</p></body></html>',
  ].join('\n');
}

/** Renders an `email.send` job into the message the recipient reads. */
export function renderEmail(job: EmailSendJob, publicUrl: string): RenderedEmail {
  const greeting = `Hello ${job.displayName},`;
  switch (job.kind) {
    case 'verification': {
      const url = appLink(publicUrl, '/verify', { token: job.token });
      const body = [
        'Welcome to Pluma! Confirm this is your e-mail address to finish signing up.',
        'The link works once and expires in 24 hours.',
      ];
      const footer = 'If you did not sign up for Pluma, ignore this message.';
      return {
        subject: 'Confirm your e-mail address for Pluma',
        text: `${greeting}\n\n${body.join('\n')}\n\n${url}\n\n${footer}\n\n— Pluma\n`,
        html: layout(greeting, body, { label: 'Confirm my address', url }, footer),
      };
    }
    case 'password-reset': {
      const url = appLink(publicUrl, '/reset-password', { token: job.token });
      const body = [
        'Someone (hopefully you) asked to reset the password of your Pluma account.',
        'The link works once and expires in 1 hour. Choosing a new password signs you out everywhere.',
      ];
      const footer =
        'If you did not ask for this, ignore this message: your password stays as it is.';
      return {
        subject: 'Reset your Pluma password',
        text: `${greeting}\n\n${body.join('\n')}\n\n${url}\n\n${footer}\n\n— Pluma\n`,
        html: layout(greeting, body, { label: 'Choose a new password', url }, footer),
      };
    }
    case 'ingestion-result': {
      const url = `${publicUrl.replace(/\/+$/, '')}/uploads/${job.uploadId}`;
      const counts = `${job.rowsRead} rows read, ${job.rowsInserted} inserted, ${job.rowsRejected} rejected.`;
      const body =
        job.status === 'succeeded'
          ? [`Your ${job.dataset} upload #${job.uploadId} is in: ${counts}`]
          : [
              `Your ${job.dataset} upload #${job.uploadId} failed: ${job.reason ?? 'unknown reason'}`,
              counts,
            ];
      if (job.rowsRejected > 0)
        body.push('The upload page lists every rejected row with its line number and reason.');
      const footer = 'You receive this because you uploaded this file to Pluma.';
      return {
        subject:
          job.status === 'succeeded'
            ? `Upload #${job.uploadId} (${job.dataset}) is done`
            : `Upload #${job.uploadId} (${job.dataset}) failed`,
        text: `${greeting}\n\n${body.join('\n')}\n\n${url}\n\n${footer}\n\n— Pluma\n`,
        html: layout(greeting, body, { label: 'See the upload', url }, footer),
      };
    }
    case 'new-follower': {
      const base = publicUrl.replace(/\/+$/, '');
      const url = `${base}/@${encodeURIComponent(job.followerHandle)}`;
      const body = [
        `${job.followerName} (@${job.followerHandle}) now follows you on Pluma.`,
        'They will hear about everything you publish.',
      ];
      const footer = `You receive this because you chose to hear about new followers; turn it off in your settings (${base}/settings).`;
      return {
        subject: `${job.followerName} now follows you on Pluma`,
        text: `${greeting}\n\n${body.join('\n')}\n\n${url}\n\n${footer}\n\n— Pluma\n`,
        html: layout(greeting, body, { label: `See ${job.followerName}'s profile`, url }, footer),
      };
    }
    case 'new-publication': {
      const base = publicUrl.replace(/\/+$/, '');
      const url = `${base}/works/${job.workId}`;
      const body =
        job.pageTitles.length === 0
          ? [`${job.authorName} published "${job.workTitle}".`]
          : [
              `${job.authorName} published new pages of "${job.workTitle}": ${job.pageTitles.join(', ')}.`,
            ];
      const footer = `You receive this because you follow ${job.authorName}; turn these e-mails off in your settings (${base}/settings).`;
      return {
        subject:
          job.pageTitles.length === 0
            ? `New from ${job.authorName}: ${job.workTitle}`
            : `New pages in ${job.workTitle} by ${job.authorName}`,
        text: `${greeting}\n\n${body.join('\n')}\n\n${url}\n\n${footer}\n\n— Pluma\n`,
        html: layout(greeting, body, { label: 'Read it', url }, footer),
      };
    }
    case 'mentorship': {
      const base = publicUrl.replace(/\/+$/, '');
      const url = `${base}/mentorships/${job.mentorshipId}`;
      const { subject, line } = describeMentorshipEvent(job);
      const footer = `You receive this because you take part in this mentorship; turn these e-mails off in your settings (${base}/settings).`;
      return {
        subject,
        text: `${greeting}\n\n${line}\n\n${url}\n\n${footer}\n\n— Pluma\n`,
        html: layout(greeting, [line], { label: 'See the mentorship', url }, footer),
      };
    }
    default: {
      const unknown: never = job;
      throw new Error(`no template for e-mail kind ${(unknown as { kind: string }).kind}`);
    }
  }
}

type MentorshipEmail = Extract<EmailSendJob, { kind: 'mentorship' }>;

/** Subject and sentence of a mentorship e-mail, by event. */
function describeMentorshipEvent(job: MentorshipEmail): { subject: string; line: string } {
  const who = `${job.actorName} (@${job.actorHandle})`;
  const task = job.taskDescription === undefined ? 'a task' : `the task "${job.taskDescription}"`;
  const texts: Record<MentorshipEmail['event'], [subject: string, line: string]> = {
    requested: [
      `${job.actorName} asks you for a mentorship`,
      `${who} sent you a mentorship request. Accept or reject it on Pluma.`,
    ],
    accepted: [
      `${job.actorName} accepted your mentorship request`,
      `${who} accepted your mentorship request: your mentorship has begun.`,
    ],
    rejected: [
      `${job.actorName} declined your mentorship request`,
      `${who} declined your mentorship request.`,
    ],
    cancelled: [`${job.actorName} cancelled your mentorship`, `${who} cancelled your mentorship.`],
    completed: [
      `Your mentorship with ${job.actorName} is complete`,
      `${who} marked your mentorship as complete.`,
    ],
    withdrawn: [
      `${job.actorName} withdrew a mentorship request`,
      `${who} withdrew the mentorship request they sent you.`,
    ],
    task_created: [`New mentorship task from ${job.actorName}`, `${who} added ${task}.`],
    task_updated: [`${job.actorName} changed a mentorship task`, `${who} changed ${task}.`],
    task_completed: [`${job.actorName} completed a mentorship task`, `${who} completed ${task}.`],
    task_deleted: [`${job.actorName} removed a mentorship task`, `${who} removed ${task}.`],
    comment_created: [
      `${job.actorName} commented on a mentorship task`,
      `${who} commented on ${task}.`,
    ],
    comment_updated: [
      `${job.actorName} edited a comment`,
      `${who} edited their comment on ${task}.`,
    ],
    comment_deleted: [
      `${job.actorName} deleted a comment`,
      `${who} deleted their comment on ${task}.`,
    ],
  };
  const [subject, line] = texts[job.event];
  return { subject, line };
}
