// Search as you type: results with the matching words highlighted, without pressing Enter.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createVerifiedAccount } from './support/accounts.ts';
import { launchBrowser, newContext, origin } from './support/browser.ts';
import { publishWork } from './support/published-work.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A word no other test writes: letters only, so the full-text index keeps it whole. */
function rareWord(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = 'lumen';
  for (let i = 0; i < 6; i += 1) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

describe('search', () => {
  it('shows highlighted results while the reader types, and keeps the query in the address', async () => {
    const author = await createVerifiedAccount('searchable');
    const word = rareWord();
    const work = await publishWork(author, {
      title: `The ${word} ledger`,
      pages: [
        {
          title: 'Harbour',
          paragraphs: [
            `At dusk the ${word} over the harbour glowed <b>softly</b> & bright, and nobody could say why.`,
          ],
        },
      ],
    });
    // Indexing is a background job: wait until the API finds the page before typing.
    await vi.waitFor(
      async () => {
        const res = await fetch(`${origin()}/v1/search?q=${word}`);
        const { items } = (await res.json()) as { items: { type: string }[] };
        if (!items.some((item) => item.type === 'page')) throw new Error('not indexed yet');
      },
      { timeout: 30_000, interval: 250 },
    );

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/search');
    await page.getByText('Type to search').waitFor();
    const box = page.getByLabel('Search works, pages and authors');
    await box.pressSequentially(word, { delay: 20 });

    const results = page.getByRole('list').filter({ has: page.locator('mark') });
    const workLink = results.getByRole('link', { name: `The ${word} ledger` });
    await workLink.waitFor();
    expect(await workLink.getAttribute('href')).toBe(`/works/${work.workId}`);
    expect(await workLink.locator('mark').allTextContents()).toEqual([word]);
    const pageLink = results.getByRole('link', { name: 'Harbour' });
    expect(await pageLink.getAttribute('href')).toBe(
      `/works/${work.workId}/pages/${work.pageIds[0]}`,
    );
    // The writer's "<b>" is text in the snippet, never markup.
    const snippet = results.getByText(
      `At dusk the ${word} over the harbour glowed <b>softly</b> & bright`,
    );
    await snippet.waitFor();
    expect(await snippet.locator('mark').allTextContents()).toEqual([word]);
    expect(await results.locator('b').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);

    // Only pages.
    await page.getByRole('radio', { name: 'Pages' }).check();
    await workLink.waitFor({ state: 'detached' });
    await pageLink.waitFor();

    // A query that matches nothing says so.
    await box.press('End');
    await box.pressSequentially('zzq', { delay: 20 });
    await page.getByText(`Nothing found for “${word}zzq”`).waitFor();

    // The address brings the results back, e.g. when shared or reloaded.
    await page.goto(`/search?q=${word}`);
    await results.getByRole('link', { name: `The ${word} ledger` }).waitFor();
    expect(await box.inputValue()).toBe(word);
    await context.close();
  });
});
