// The collaborative editor in real Chromium against the whole platform: two writers typing at
// once, a viewer who cannot type, a collab crash while writing, version history, sentiment marks.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createVerifiedAccount, type Account } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, screenshot } from './support/browser.ts';
import { currentPid } from './support/stack.ts';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

interface Fixture {
  owner: Account;
  editor: Account;
  viewer: Account;
  workId: number;
  pageId: number;
  path: string;
}

/** An owner's work with one page, an invited editor and an invited viewer. */
async function createFixture(title: string): Promise<Fixture> {
  const [owner, editor, viewer] = await Promise.all([
    createVerifiedAccount('owner'),
    createVerifiedAccount('editor'),
    createVerifiedAccount('viewer'),
  ]);
  const work = await owner.api<{ id: number }>('POST', '/works', { title });
  const page = await owner.api<{ id: number }>('POST', `/works/${work.id}/pages`, {
    title: 'Chapter one',
  });
  await owner.api('POST', `/works/${work.id}/collaborators`, {
    handle: editor.handle,
    role: 'editor',
  });
  await owner.api('POST', `/works/${work.id}/collaborators`, {
    handle: viewer.handle,
    role: 'viewer',
  });
  return {
    owner,
    editor,
    viewer,
    workId: work.id,
    pageId: page.id,
    path: `/write/${work.id}/${page.id}`,
  };
}

/** A fresh browser profile signed in as `account`, showing the editor at `path`. */
async function openEditor(
  account: Account,
  path: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await newContext(browser, viewport ? { viewport } : {});
  contexts.push(context);
  const page = await context.newPage();
  await openSignedIn(page, account, path);
  await page.getByRole('heading', { name: 'Chapter one' }).waitFor();
  return page;
}

const text = (page: Page) => page.getByRole('textbox', { name: 'Page text' });
const saveStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Saved|Saving|Offline|Connecting/ });

async function waitForSaved(page: Page) {
  await saveStatus(page)
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

/** Puts the cursor at the end of the page's text. */
async function focusEnd(page: Page) {
  await text(page).click();
  await page.keyboard.press('Control+End');
}

describe('collaborative editor', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await createFixture('Two hands, one book');
  });

  it('shows two writers each other’s text and named carets as they type at once; a reload keeps everything', async () => {
    const [ownerPage, editorPage] = await Promise.all([
      openEditor(fixture.owner, fixture.path),
      openEditor(fixture.editor, fixture.path),
    ]);
    await Promise.all([waitForSaved(ownerPage), waitForSaved(editorPage)]);
    // Both see both people present.
    for (const page of [ownerPage, editorPage]) {
      const people = page.getByRole('list', { name: 'People in this page' });
      await people.getByText(fixture.owner.displayName).waitFor();
      await people.getByText(fixture.editor.displayName).waitFor();
      await people.getByText('(you)').waitFor();
    }

    // The owner writes the first paragraph; the editor starts a second one below it.
    await focusEnd(ownerPage);
    await ownerPage.keyboard.type('Owner opens. ');
    await text(editorPage).getByText('Owner opens.').waitFor();
    await focusEnd(editorPage);
    await editorPage.keyboard.press('Enter');

    const ownerLine = 'The owner writes the opening line of the chapter';
    const editorLine = 'The editor adds a second paragraph at the same time';
    const started = Date.now();
    const seenBy = async (page: Page, line: string) => {
      await text(page).getByText(line).waitFor();
      return Date.now() - started;
    };
    const [, , ownerSawEditor, editorSawOwner] = await Promise.all([
      ownerPage.keyboard.type(ownerLine, { delay: 15 }),
      editorPage.keyboard.type(editorLine, { delay: 15 }),
      seenBy(ownerPage, editorLine),
      seenBy(editorPage, ownerLine),
    ]);
    console.log(
      `[editor e2e] peer text fully visible after start of typing: owner saw editor's line in ${ownerSawEditor} ms, editor saw owner's line in ${editorSawOwner} ms (each line typed at 15 ms/key, ~${ownerLine.length * 15} ms of typing)`,
    );

    // Each sees the other's caret, labelled with the other's name.
    await ownerPage
      .locator('.collab-caret-label', { hasText: fixture.editor.displayName })
      .waitFor();
    await editorPage
      .locator('.collab-caret-label', { hasText: fixture.owner.displayName })
      .waitFor();
    await screenshot(ownerPage, 'editor-two-carets');

    await Promise.all([waitForSaved(ownerPage), waitForSaved(editorPage)]);
    await editorPage.reload();
    await text(editorPage).getByText(ownerLine).waitFor();
    await text(editorPage).getByText(editorLine).waitFor();
    await text(editorPage).getByText('Owner opens.').waitFor();
    await ownerPage.context().close();
    await editorPage.context().close();
  });

  it('lets a viewer read the page but not type into it', async () => {
    const page = await openEditor(fixture.viewer, fixture.path);
    await text(page).getByText('The owner writes the opening line of the chapter').waitFor();
    await page.getByText('You can read this page; ask the owner for edit access').waitFor();
    expect(await text(page).getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);

    const before = await text(page).innerText();
    await text(page).click();
    await page.keyboard.type('viewer was here');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    expect(await text(page).innerText()).toBe(before);
    await page.context().close();
  });
});
