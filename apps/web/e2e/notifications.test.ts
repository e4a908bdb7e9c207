// A follower hears about a publication the moment it happens, and the inbox agrees.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount, uniqueName, type Account } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn } from './support/browser.ts';
import { publishWork } from './support/published-work.ts';

let browser: Browser;
// One author (who only uses the API, never a browser context) serves the whole file: fewer
// sign-ups and mails per run; each reader still gets an account of their own.
let author: Account;
beforeAll(async () => {
  browser = await launchBrowser();
  author = await createVerifiedAccount('poet');
});
afterAll(async () => {
  await browser?.close();
});

describe('notifications', () => {
  it('a follower’s bell shows the author’s publication live, and marking read clears it', async () => {
    const reader = await createVerifiedAccount('follower');
    const context = await newContext(browser);
    const page = await context.newPage();

    // The reader follows the author from the author's profile; the count moves with it.
    await openSignedIn(page, reader, `/users/${author.handle}`);
    await page.getByRole('heading', { name: author.displayName }).waitFor();
    const followers = page.getByTestId('followers-count');
    await expect.poll(() => followers.textContent()).toBe('0');
    await page.getByRole('button', { name: `Follow ${author.displayName}` }).click();
    await page.getByRole('button', { name: `Unfollow ${author.displayName}` }).waitFor();
    await expect.poll(() => followers.textContent()).toBe('1');
    await page.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();

    // The feed is still empty, and says what to do.
    await page.getByRole('link', { name: 'Feed' }).click();
    await page.getByText('Follow authors to see their new work here').waitFor();

    // The author publishes; the reader's page is not reloaded.
    const title = `Salt Hymns ${uniqueName('p').slice(-6)}`;
    const work = await publishWork(author, {
      title,
      pages: [{ title: 'One', paragraphs: ['Sing of the salt and the long grey swell.'] }],
    });
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    const item = page
      .getByRole('region', { name: 'Recent notifications' })
      .getByRole('link', { name: `${author.displayName} published “${title}”` });
    await item.waitFor();
    expect(await item.getAttribute('href')).toBe(`/works/${work.workId}`);

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();

    // Stored too: after a reload the inbox lists it, read, and the feed has the work.
    await page.reload();
    await page.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
    await page.goto('/notifications');
    await page
      .getByRole('main')
      .getByRole('link', { name: `${author.displayName} published “${title}”` })
      .waitFor();
    expect(await page.getByRole('button', { name: /^Mark read/ }).count()).toBe(0);
    await page.goto('/feed');
    await page.getByRole('link', { name: title }).waitFor();
    await context.close();
  });

  it('opening a notification marks just that one read', async () => {
    const reader = await createVerifiedAccount('listener');
    await reader.api('POST', `/users/${author.handle}/follow`);
    const first = await publishWork(author, {
      title: `First Song ${uniqueName('f').slice(-6)}`,
      pages: [],
    });
    const second = await publishWork(author, {
      title: `Second Song ${uniqueName('s').slice(-6)}`,
      pages: [],
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    await openSignedIn(page, reader, '/notifications');
    const bell = page.getByRole('button', { name: 'Notifications, 2 unread' });
    await bell.waitFor();
    await page
      .getByRole('main')
      .getByRole('button', { name: `Mark read: ${author.displayName} published “${first.title}”` })
      .click();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await page.getByText('1 unread.').waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: `Unread: ${author.displayName} published “${second.title}”` })
      .click();
    await page.waitForURL(`**/works/${second.workId}`);
    await page.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
    await context.close();
  });
});
