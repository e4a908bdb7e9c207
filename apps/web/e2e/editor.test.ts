// The collaborative editor in real Chromium against the whole platform: two writers typing at
// once, a viewer who cannot type, a collab crash while writing, version history, sentiment marks.
import { readdir, readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createVerifiedAccount, type Account } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, origin, screenshot } from './support/browser.ts';
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

/** A new page in the fixture's work. */
async function addPage(fixture: Fixture, title: string): Promise<string> {
  const page = await fixture.owner.api<{ id: number }>('POST', `/works/${fixture.workId}/pages`, {
    title,
  });
  return `/write/${fixture.workId}/${page.id}`;
}

/** A fresh browser profile signed in as `account`, showing the editor at `path`. */
async function openEditor(account: Account, path: string, title = 'Chapter one'): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await openSignedIn(page, account, path);
  await page.getByRole('heading', { name: title }).waitFor();
  return page;
}

/**
 * Closes a writer's browser profile the way a tab is closed: the page leaves first, so its
 * sockets close cleanly, then the profile goes.
 */
async function closeEditor(page: Page) {
  await page.goto('about:blank');
  await page.context().close();
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

/** Whether `pid` is the collab process of the platform these tests started. */
async function isOurCollab(pid: number): Promise<boolean> {
  try {
    const [command, environment] = await Promise.all([
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
      readFile(`/proc/${pid}/environ`, 'utf8'),
    ]);
    return (
      command.includes('apps/collab/src/main.ts') &&
      environment.split('\0').includes(`PUBLIC_URL=${origin()}`)
    );
  } catch {
    return false;
  }
}

/**
 * This run's collab process. The platform log that currentPid reads has one path for every
 * browser-test run on the machine, so a run started at the same time elsewhere could have
 * rewritten or removed it: the pid is checked against this run's origin, and looked up in /proc
 * when the log does not name ours.
 */
async function collabPid(): Promise<number> {
  const logged = await currentPid('collab').catch(() => null);
  if (logged !== null && (await isOurCollab(logged))) return logged;
  for (const entry of await readdir('/proc')) {
    if (/^\d+$/.test(entry) && (await isOurCollab(Number(entry)))) return Number(entry);
  }
  throw new Error(`no collab process serving ${origin()}`);
}

/** Milliseconds from the end of `writer` typing `word` to `reader` showing it. */
async function peerDelay(writer: Page, reader: Page, word: string): Promise<number> {
  await writer.keyboard.type(` ${word}`);
  const typed = Date.now();
  await text(reader).getByText(word).waitFor();
  return Date.now() - typed;
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
    await ownerPage.keyboard.type('Owner opens.');
    await text(editorPage).getByText('Owner opens.').waitFor();
    await focusEnd(editorPage);
    await editorPage.keyboard.press('Enter');

    // Both type at the same time, each in their own paragraph.
    const ownerLine = 'The owner writes the opening line of the chapter';
    const editorLine = 'The editor adds a second paragraph at the same time';
    const typing = Date.now();
    const [ownerTyped, editorTyped] = await Promise.all([
      ownerPage.keyboard.type(` ${ownerLine}`, { delay: 10 }).then(() => Date.now()),
      editorPage.keyboard.type(editorLine, { delay: 10 }).then(() => Date.now()),
    ]);
    await Promise.all([
      text(ownerPage).getByText(editorLine).waitFor(),
      text(editorPage).getByText(ownerLine).waitFor(),
    ]);
    const bothSeen = Date.now();

    // Keystroke to peer, a few samples each way while both stay in the page.
    const samples: number[] = [];
    for (let i = 1; i <= 3; i += 1) {
      samples.push(await peerDelay(ownerPage, editorPage, `ownerword${i}`));
      samples.push(await peerDelay(editorPage, ownerPage, `editorword${i}`));
    }
    console.log(
      `[editor e2e] concurrent typing took ${ownerTyped - typing} ms (owner) and ${editorTyped - typing} ms (editor); ` +
        `both lines shown on the other side ${bothSeen - Math.max(ownerTyped, editorTyped)} ms after the last key; ` +
        `word typed to peer showing it: ${samples.join(', ')} ms`,
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
    for (const line of ['Owner opens.', ownerLine, editorLine, 'ownerword3', 'editorword3']) {
      await text(editorPage).getByText(line).waitFor();
    }
    await closeEditor(ownerPage);
    await closeEditor(editorPage);
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
    await closeEditor(page);
  });

  it('keeps writing through a collab crash: Offline — changes kept, then Saved again with nothing lost', async () => {
    const path = await addPage(fixture, 'Crash course');
    // A co-author writes a paragraph and closes the tab once it says Saved: after the crash only
    // the server can still have it (no client is left to send it again).
    const leaver = await openEditor(fixture.owner, path, 'Crash course');
    await waitForSaved(leaver);
    await focusEnd(leaver);
    await leaver.keyboard.type('Saved by a tab closed before the crash.');
    await waitForSaved(leaver);
    await closeEditor(leaver);

    const page = await openEditor(fixture.editor, path, 'Crash course');
    await text(page).getByText('Saved by a tab closed before the crash.').waitFor();
    await focusEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Written before the crash.');
    await waitForSaved(page);

    process.kill(await collabPid(), 'SIGKILL');
    await saveStatus(page).filter({ hasText: 'Offline — changes kept' }).waitFor();
    await page.keyboard.type(' Written while the server was down.');
    await saveStatus(page)
      .filter({ hasText: 'Offline — changes kept; they will be saved when the connection is back' })
      .waitFor();

    // npm start restarts collab; the provider reconnects and sends what it kept.
    await saveStatus(page)
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 60_000 });
    // The writer leaves; a fresh profile with an empty document reads the page from the server.
    await closeEditor(page);
    const reader = await openEditor(fixture.owner, path, 'Crash course');
    await waitForSaved(reader);
    await text(reader).getByText('Saved by a tab closed before the crash.').waitFor();
    await text(reader).getByText('Written before the crash.').waitFor();
    await text(reader).getByText('Written while the server was down.').waitFor();
    await closeEditor(reader);
  });

  it('names a version, shows it, and restores it after confirmation', async () => {
    const path = await addPage(fixture, 'Endings');
    const page = await openEditor(fixture.owner, path, 'Endings');
    await waitForSaved(page);
    await focusEnd(page);
    await page.keyboard.type('The first draft of the ending.');
    await waitForSaved(page);

    await page.getByRole('button', { name: 'Version history' }).click();
    await page.getByText('No named versions yet').waitFor();
    await page.getByLabel('Version name').fill('First draft');
    await page.getByRole('button', { name: 'Save version' }).click();
    const versions = page.getByRole('list', { name: 'Versions, newest first' });
    await versions.getByText('First draft').waitFor();

    await text(page).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('A completely different ending.');
    await waitForSaved(page);

    await page.getByRole('button', { name: 'View “First draft”' }).click();
    const preview = page.getByRole('document', { name: 'Text of version “First draft”' });
    await preview.getByText('The first draft of the ending.').waitFor();
    await page.getByRole('button', { name: 'Close version' }).click();

    await page.getByRole('button', { name: 'Restore “First draft”' }).click();
    await page.getByRole('button', { name: 'Restore this version' }).click();
    await page.getByText('Restored “First draft”.').waitFor();
    await text(page).getByText('The first draft of the ending.').waitFor();
    await vi.waitFor(async () => {
      expect(await text(page).innerText()).not.toContain('A completely different ending.');
    });
    // The text before the restore is kept as a version of its own.
    await versions.getByText('Before restoring “First draft”').waitFor();
    await waitForSaved(page);
    await closeEditor(page);
  });

  it('formats with the toolbar and keyboard shortcuts, showing which styles apply', async () => {
    const path = await addPage(fixture, 'Styles');
    const page = await openEditor(fixture.owner, path, 'Styles');
    await waitForSaved(page);
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const bold = toolbar.getByRole('button', { name: 'Bold' });
    await focusEnd(page);
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Strong words');
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' and plain ones.');
    expect(await bold.getAttribute('aria-pressed')).toBe('false');
    await text(page).locator('strong', { hasText: 'Strong words' }).waitFor();

    // Select the paragraph and link it with Ctrl+K.
    await text(page).getByText('and plain ones.').click({ clickCount: 3 });
    await page.keyboard.press('Control+k');
    await page.getByLabel('Link address').fill('https://example.com/pluma');
    await page.getByRole('button', { name: 'Apply link' }).click();
    await text(page)
      .locator('a[href="https://example.com/pluma"]', { hasText: 'plain ones.' })
      .waitFor();
    expect(await toolbar.getByRole('button', { name: 'Link' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Heading 2' }).click();
    await page.keyboard.type('A heading');
    await text(page).getByRole('heading', { name: 'A heading', level: 2 }).waitFor();
    expect(
      await toolbar.getByRole('button', { name: 'Heading 2' }).getAttribute('aria-pressed'),
    ).toBe('true');

    await page.getByLabel('Link address').waitFor({ state: 'detached' });
    await toolbar.getByRole('button', { name: 'Image' }).click();
    await page.getByLabel('Image address').fill('not an address');
    await page.getByRole('button', { name: 'Insert image' }).click();
    await page.getByRole('alert').filter({ hasText: 'starting with https://' }).waitFor();
    await waitForSaved(page);
    await closeEditor(page);
  });

  it('fits a phone: toolbar, text and version history without sideways scrolling', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    await openSignedIn(page, fixture.owner, fixture.path);
    await waitForSaved(page);
    await page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Bold' })
      .waitFor();
    await page.getByRole('button', { name: 'Version history' }).click();
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'editor-phone');
    await closeEditor(page);
  });

  it('marks positive and negative sentences inline when sentiment is on', async () => {
    const path = await addPage(fixture, 'Moods');
    const page = await openEditor(fixture.editor, path, 'Moods');
    await waitForSaved(page);
    await page.getByLabel('Show sentiment').check();
    await focusEnd(page);
    await page.keyboard.type('I love this wonderful and happy day.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('This is a terrible, awful and sad mistake.');

    // The worker scores the page a moment after typing stops; collab relays the result.
    const positive = text(page).locator('.sentiment-positive');
    const negative = text(page).locator('.sentiment-negative');
    await positive.first().waitFor({ timeout: 60_000 });
    await negative.first().waitFor({ timeout: 60_000 });
    expect(await positive.allInnerTexts()).toEqual(['I love this wonderful and happy day.']);
    expect(await negative.allInnerTexts()).toEqual(['This is a terrible, awful and sad mistake.']);
    expect(await positive.first().getAttribute('title')).toMatch(/^Positive sentence/);
    expect(await negative.first().getAttribute('title')).toMatch(/^Negative sentence/);
    await screenshot(page, 'editor-sentiment');

    // Typing before a marked sentence keeps the marks on the same words.
    await text(page).getByText('I love this').click();
    await page.keyboard.press('Home');
    await page.keyboard.type('Morning. ');
    expect(await positive.allInnerTexts()).toEqual(['I love this wonderful and happy day.']);

    await page.getByLabel('Show sentiment').uncheck();
    await vi.waitFor(async () => expect(await positive.count()).toBe(0));
    await closeEditor(page);
  });
});
