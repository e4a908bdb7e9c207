// A reader opens a published work, reads the real text, and comes back where they left off.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount, uniqueName, type Account } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, screenshot } from './support/browser.ts';
import { publishWork } from './support/published-work.ts';

let browser: Browser;
// One author (who only uses the API, never a browser context) serves the whole file: fewer
// sign-ups and mails per run; each reader still gets an account of their own.
let author: Account;
beforeAll(async () => {
  browser = await launchBrowser();
  author = await createVerifiedAccount('novelist');
});
afterAll(async () => {
  await browser?.close();
});

const filler = (topic: string) =>
  Array.from(
    { length: 14 },
    (_, i) =>
      `${topic}, paragraph ${i + 1}. The tide came in slowly over the flats, and the keeper wrote down every change of the light in a ledger that smelled of salt and lamp oil.`,
  );

describe('reading', () => {
  it('shows the published text with contents and remembers the page the reader was on', async () => {
    const reader = await createVerifiedAccount('reader');
    const title = `The Keeper ${uniqueName('w').slice(-6)}`;
    const work = await publishWork(author, {
      title,
      description: 'A lighthouse, a ledger and a long winter.',
      genre: 'literary-fiction',
      pages: [
        {
          title: 'Arrival',
          paragraphs: ['The boat left me at the foot of the lighthouse.', ...filler('Arrival')],
        },
        {
          title: 'Winter',
          paragraphs: ['Snow fell on the lamp room for nine days.', ...filler('Winter')],
        },
        { title: 'Spring', paragraphs: ['The first gull came back in March.'] },
      ],
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    // Found on Explore, narrowed to its genre.
    await openSignedIn(page, reader, '/');
    await page.getByRole('heading', { name: 'Explore' }).waitFor();
    await page.getByLabel('Genre').selectOption({ label: 'Literary fiction' });
    await page.getByRole('heading', { name: 'Literary fiction on Pluma' }).waitFor();
    expect(new URL(page.url()).searchParams.get('genre')).toBe('literary-fiction');
    await page.getByRole('link', { name: title }).click();
    // No page in the address and nothing read yet: the first page opens.
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByRole('heading', { name: 'Arrival' }).waitFor();
    await page.getByText('The boat left me at the foot of the lighthouse.').waitFor();
    const contents = page.getByRole('navigation', { name: 'Contents' });
    expect(await contents.getByRole('link').allTextContents()).toEqual([
      'Arrival',
      'Winter',
      'Spring',
    ]);
    expect(await contents.getByRole('link', { name: 'Arrival' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.getByRole('link', { name: author.displayName }).first().waitFor();
    await screenshot(page, 'reader-view');

    // On to page 2, which is remembered as soon as it opens.
    const saved = page.waitForResponse(
      (res) =>
        res.url().endsWith(`/v1/works/${work.workId}/progress`) &&
        res.request().method() === 'PUT' &&
        (res.request().postDataJSON() as { pageId: number }).pageId === work.pageIds[1],
    );
    await page.getByRole('link', { name: 'Next: Winter →' }).click();
    await page.getByText('Snow fell on the lamp room for nine days.').waitFor();
    expect((await saved).status()).toBe(200);
    expect(page.url()).toContain(`/works/${work.workId}/pages/${work.pageIds[1]}`);

    // Back later, from the work's own address: the reader lands on page 2 again.
    await page.goto('/');
    await page.goto(`/works/${work.workId}`);
    await page.getByText('Snow fell on the lamp room for nine days.').waitFor();
    await page.waitForURL(`**/works/${work.workId}/pages/${work.pageIds[1]}`);
    expect(
      await page
        .getByRole('navigation', { name: 'Contents' })
        .getByRole('link', { name: 'Winter' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await page.getByRole('link', { name: '← Previous: Arrival' }).waitFor();
    await context.close();
  });

  it('keeps the reader’s place within a long page', async () => {
    const reader = await createVerifiedAccount('scroller');
    const work = await publishWork(author, {
      title: `Tides ${uniqueName('t').slice(-6)}`,
      pages: [{ title: 'Flats', paragraphs: filler('Flats').concat(filler('More flats')) }],
    });
    const context = await newContext(browser, { viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    await openSignedIn(page, reader, `/works/${work.workId}`);
    await page.getByText('Flats, paragraph 1.', { exact: false }).first().waitFor();

    const savedDeep = page.waitForResponse(async (res) => {
      if (!res.url().endsWith('/progress') || res.request().method() !== 'PUT') return false;
      const body = res.request().postDataJSON() as { position: number };
      return body.position > 0;
    });
    await page.getByText('More flats, paragraph 7.', { exact: false }).scrollIntoViewIfNeeded();
    await savedDeep;
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);

    await page.goto('/');
    await page.goto(`/works/${work.workId}`);
    await page.getByText('Flats, paragraph 1.', { exact: false }).first().waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before / 2);
    await context.close();
  });

  it('tells a visitor when a work is not there', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/works/999999999');
    await page.getByRole('heading', { name: 'This work is not available' }).waitFor();
    await page.getByRole('link', { name: 'Find something else to read' }).waitFor();
    await context.close();
  });
});
