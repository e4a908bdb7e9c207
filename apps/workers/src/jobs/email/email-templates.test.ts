import { describe, expect, it } from 'vitest';
import { MENTORSHIP_EVENTS } from '@pluma/queue';
import { renderEmail } from './email-templates.ts';

describe('mentorship e-mail template', () => {
  it('names who did what and links to the mentorship, for every event', () => {
    for (const event of MENTORSHIP_EVENTS) {
      const mail = renderEmail(
        {
          kind: 'mentorship',
          to: 'ana@example.test',
          displayName: 'Ana',
          event,
          mentorshipId: 7,
          actorHandle: 'ben',
          actorName: 'Ben <b>',
          taskDescription: 'Read & note',
        },
        'https://pluma.example/app/',
      );
      expect(mail.subject).toContain('Ben <b>');
      expect(mail.text).toContain('Ben <b> (@ben)');
      expect(mail.text).toContain('https://pluma.example/app/mentorships/7');
      expect(mail.html).toContain('Ben &lt;b&gt;');
      expect(mail.html).not.toContain('<b>');
      if (event.startsWith('task_') || event.startsWith('comment_'))
        expect(mail.text).toContain('"Read & note"');
    }
  });
});
