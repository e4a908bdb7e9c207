// Mentorship in two browsers: a mentee asks, the mentor accepts, and a task and a comment
// appear for both, live.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('mentorship', () => {
  it('a mentee asks, the mentor accepts, and tasks and comments reach both live', async () => {
    const mentor = await createVerifiedAccount('mentor');
    const mentee = await createVerifiedAccount('mentee');
    // The mentee's wish is set up through the API; the mentor's through the screen below.
    await mentee.api('PATCH', '/me', { needsMentoring: true, interests: 'Dialogue' });

    const mentorContext = await newContext(browser);
    const mentorPage = await mentorContext.newPage();
    await openSignedIn(mentorPage, mentor, '/mentorship');
    await mentorPage.getByText('No mentorship yet').waitFor();
    await mentorPage.getByText('No requests waiting for you').waitFor();
    await mentorPage.getByLabel('Available to mentor').check();
    await mentorPage.getByLabel('What I can teach').fill('Plot and pacing');
    await mentorPage.getByRole('button', { name: 'Save profile' }).click();
    await mentorPage.getByText('Profile saved').waitFor();

    const menteeContext = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const menteePage = await menteeContext.newPage();
    await openSignedIn(menteePage, mentee, '/mentorship');
    await menteePage.getByLabel('Name or handle').fill(`@${mentor.handle}`);
    await menteePage.getByRole('button', { name: 'Search', exact: true }).click();
    const found = menteePage.getByRole('list', { name: 'People found' }).getByRole('listitem');
    await found.getByText('Available to mentor').waitFor();
    expect(await found.innerText()).toContain('Teaches: Plot and pacing');
    await found.getByRole('button', { name: `Ask ${mentor.displayName} to mentor me` }).click();
    await menteePage.getByLabel('Message').fill('I would like help with my second act.');
    await menteePage.getByLabel('How long').selectOption('8');
    await menteePage.getByRole('button', { name: 'Send request' }).click();
    await menteePage.getByText(`Request sent to ${mentor.displayName}.`).waitFor();
    await menteePage
      .getByRole('list', { name: 'Sent requests' })
      .getByText(mentor.displayName, { exact: false })
      .waitFor();

    // The mentor's open screen shows the request without a reload, and accepts it.
    const received = mentorPage.getByRole('list', { name: 'Received requests' });
    await received.getByText('I would like help with my second act.').waitFor();
    await received.getByRole('button', { name: `Accept ${mentee.displayName}` }).click();
    await mentorPage.getByRole('heading', { name: `Mentoring ${mentee.displayName}` }).waitFor();
    await menteePage.getByRole('heading', { name: `Mentored by ${mentor.displayName}` }).waitFor();

    // A task set by the mentor reaches the mentee; the mentee's comment and "done" reach the mentor.
    const task = 'Rewrite the opening scene in 500 words';
    await mentorPage.getByLabel('New task').fill(task);
    await mentorPage.getByRole('button', { name: 'Add task' }).click();
    await mentorPage.getByRole('checkbox', { name: task }).waitFor();
    const menteeTask = menteePage.getByRole('checkbox', { name: task });
    await menteeTask.waitFor();
    expect(await menteeTask.isChecked()).toBe(false);

    const comment = 'Draft attached in my notebook — is the tone right?';
    await menteePage.getByLabel(`Comment on “${task}”`).fill(comment);
    await menteePage.getByRole('button', { name: 'Post comment' }).click();
    await menteePage
      .getByRole('list', { name: `Comments on “${task}”` })
      .getByText(comment)
      .waitFor();
    await mentorPage
      .getByRole('list', { name: `Comments on “${task}”` })
      .getByText(comment)
      .waitFor();

    await menteeTask.check();
    await expect
      .poll(() => mentorPage.getByRole('checkbox', { name: task }).isChecked())
      .toBe(true);

    // Both sides agree with what the API stored.
    const current = await mentee.api<{ mentorship: { id: number; state: string } }>(
      'GET',
      '/mentorships/current',
    );
    expect(current.mentorship.state).toBe('ACCEPTED');
    const tasks = await mentor.api<{ items: { description: string; completed: boolean }[] }>(
      'GET',
      `/mentorships/${current.mentorship.id}/tasks`,
    );
    expect(tasks.items).toEqual([expect.objectContaining({ description: task, completed: true })]);
    await screenshot(mentorPage, 'mentorship');

    // Completing it ends it for both; it moves to the past.
    await mentorPage.getByRole('button', { name: 'Complete mentorship' }).click();
    await mentorPage.getByRole('button', { name: 'Yes, complete it' }).click();
    await mentorPage.getByText('No mentorship yet').waitFor();
    await menteePage.getByText('No mentorship yet').waitFor();
    await menteePage
      .getByRole('list', { name: 'Past mentorships' })
      .getByText('Completed')
      .waitFor();
    await menteeContext.close();
    await mentorContext.close();
  });
});
