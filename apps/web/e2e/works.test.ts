// My works: a writer creates a work, shapes its pages, invites a co-author and publishes it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount, uniqueName } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, screenshot } from './support/browser.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/1Wq8WQAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The page titles in the order the screen lists them. */
async function pageTitles(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Pages in order' });
  return list.locator('.page-title').allInnerTexts();
}

describe('my works', () => {
  it('creates, renames, shapes pages, invites an editor and publishes', async () => {
    const owner = await createVerifiedAccount('owner');
    const coauthor = await createVerifiedAccount('coauthor');
    const context = await newContext(browser);
    const page = await context.newPage();
    await openSignedIn(page, owner, '/my/works');

    await page.getByText('Start your first work').waitFor();
    const title = `Salt and ${uniqueName('lamp')}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Create work' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const workId = Number(new URL(page.url()).pathname.split('/').at(-1));
    expect(workId).toBeGreaterThan(0);

    // Rename: the heading and the API agree.
    const renamed = `${title} (revised)`;
    await page.getByLabel('Title', { exact: true }).fill(renamed);
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await expect(owner.api<{ title: string }>('GET', `/works/${workId}`)).resolves.toMatchObject({
      title: renamed,
    });

    // Three pages, the third moved up, the first deleted after confirming.
    await page.getByText('No pages yet').waitFor();
    for (const name of ['Dawn', 'Noon', 'Dusk']) {
      await page.getByLabel('New page title').fill(name);
      await page.getByRole('button', { name: 'Add page' }).click();
      await page.getByRole('link', { name: `Write “${name}”` }).waitFor();
    }
    expect(await pageTitles(page)).toEqual(['Dawn', 'Noon', 'Dusk']);
    await page.getByRole('button', { name: 'Move “Dusk” up' }).click();
    await page.getByText('“Dusk” is now page 2 of 3.').waitFor();
    expect(await pageTitles(page)).toEqual(['Dawn', 'Dusk', 'Noon']);
    await page.getByRole('button', { name: 'Delete “Dawn”' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Dawn”' }).click();
    await page.getByText('“Dawn” deleted.').waitFor();
    expect(await pageTitles(page)).toEqual(['Dusk', 'Noon']);
    const stored = await owner.api<{ items: { title: string }[] }>('GET', `/works/${workId}/pages`);
    expect(stored.items.map((item) => item.title)).toEqual(['Dusk', 'Noon']);
    const write = page.getByRole('link', { name: 'Write “Dusk”' });
    expect(await write.getAttribute('href')).toMatch(new RegExp(`^/write/${workId}/\\d+$`));

    // An unknown handle is answered next to the handle field; a real one becomes an editor.
    const handle = page.getByLabel('Handle', { exact: true });
    await handle.fill('nobody_by_this_handle');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const handleError = page.locator('.field', { has: handle }).locator('.field-error');
    await handleError.waitFor();
    expect(await handle.getAttribute('aria-invalid')).toBe('true');
    expect(await handleError.innerText()).toBe('No user with handle "nobody_by_this_handle".');
    await handle.fill(coauthor.handle);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText(`${coauthor.displayName} is now editor.`).waitFor();
    await expect(page.getByLabel(`Role of ${coauthor.displayName}`).inputValue()).resolves.toBe(
      'editor',
    );
    const collaborators = await coauthor.api<{ role: string | null }>('GET', `/works/${workId}`);
    expect(collaborators.role).toBe('editor');

    // Publish: the state changes and the reader's link appears.
    expect(await page.getByRole('link', { name: 'Read it as readers see it' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const readerLink = page.getByRole('link', { name: 'Read it as readers see it' });
    await readerLink.waitFor();
    expect(await readerLink.getAttribute('href')).toBe(`/works/${workId}`);
    await page.getByText(/^Published on /).waitFor();
    await screenshot(page, 'work-manage');

    // The work is in My works with the owner's role, and in the editor's with theirs.
    await page.getByRole('link', { name: 'My works', exact: true }).first().click();
    const item = page.getByRole('listitem').filter({ hasText: renamed });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/Owner[\s\S]*Published/);
    await context.close();

    const editorContext = await newContext(browser);
    const editorPage = await editorContext.newPage();
    await openSignedIn(editorPage, coauthor, '/my/works');
    const shared = editorPage.getByRole('listitem').filter({ hasText: renamed });
    await shared.waitFor();
    expect(await shared.innerText()).toMatch(/Editor/);
    await shared.getByRole('link', { name: renamed }).click();
    await editorPage.getByRole('link', { name: 'Write “Dusk”' }).waitFor();
    // Editors write but neither publish nor manage collaborators.
    expect(await editorPage.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    expect(await editorPage.getByRole('button', { name: 'Invite', exact: true }).count()).toBe(0);
    await editorContext.close();
  });
  it('refuses a cover that is not an image or too large next to the picker, and shows a PNG', async () => {
    const owner = await createVerifiedAccount('cover');
    const work = await owner.api<{ id: number }>('POST', '/works', { title: 'Covered' });
    const context = await newContext(browser);
    const page = await context.newPage();
    await openSignedIn(page, owner, `/my/works/${work.id}`);
    const picker = page.getByLabel('Cover image');
    const pickerError = page.locator('.field', { has: picker }).locator('.field-error');
    await page.getByText('No cover yet.').waitFor();

    await picker.setInputFiles({
      name: 'cover.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a picture'),
    });
    await page.getByRole('button', { name: 'Upload cover' }).click();
    await pickerError.getByText(/must be a PNG, JPEG or WebP image/).waitFor();
    expect(await picker.getAttribute('aria-invalid')).toBe('true');

    await picker.setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
    });
    await page.getByRole('button', { name: 'Upload cover' }).click();
    await pickerError.waitFor();
    await pickerError
      .getByText('The cover image is larger than 5 MB; choose a smaller one.')
      .waitFor();

    await picker.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Preview of the chosen cover' }).waitFor();
    await page.getByRole('button', { name: 'Upload cover' }).click();
    await page.getByText('Cover saved').waitFor();
    const cover = page.getByRole('img', { name: 'Cover of Covered' });
    await cover.waitFor();
    await expect
      .poll(() => cover.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(1);
    const stored = await owner.api<{ coverUrl: string | null }>('GET', `/works/${work.id}`);
    expect(stored.coverUrl).not.toBeNull();

    // Deleting asks first, then leaves the writer on an empty My works.
    await page.getByRole('button', { name: 'Delete work…' }).click();
    await page.getByRole('button', { name: 'Yes, delete “Covered”' }).click();
    await page.getByText('Start your first work').waitFor();
    await expect(owner.api('GET', `/works/${work.id}`)).rejects.toThrow(/404/);
    await context.close();
  });
});
