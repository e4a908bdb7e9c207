// Images inside pages in real Chromium against the whole platform: an editor uploads a picture
// through the Image button, the co-author sees it live, it is still there after a reload, and
// readers get it in the published page; a file that is not an image is refused beside the picker.
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount, type Account } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, screenshot } from './support/browser.ts';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

/** A real PNG of `width`×`height` pixels in one colour, so the browser can decode and size it. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill([r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array(height).fill(row) as Buffer[]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const text = (page: Page) => page.getByRole('textbox', { name: 'Page text' });

async function waitForSaved(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

async function open(account: Account, path: string, heading: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await openSignedIn(page, account, path);
  await page.getByRole('heading', { name: heading }).waitFor();
  return page;
}

/** Resolves once the browser has fetched and decoded the image (it has a width). */
async function loadedWidth(image: Locator): Promise<number> {
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
  return image.evaluate((element: HTMLImageElement) => element.naturalWidth);
}

describe('images in pages', () => {
  it('uploads a picture from the editor: co-author sees it, it survives a reload, readers get it', async () => {
    const [owner, editor] = await Promise.all([
      createVerifiedAccount('imgowner'),
      createVerifiedAccount('imgeditor'),
    ]);
    const work = await owner.api<{ id: number }>('POST', '/works', { title: 'With pictures' });
    const chapter = await owner.api<{ id: number }>('POST', `/works/${work.id}/pages`, {
      title: 'Chapter one',
    });
    await owner.api('POST', `/works/${work.id}/collaborators`, {
      handle: editor.handle,
      role: 'editor',
    });
    const path = `/write/${work.id}/${chapter.id}`;

    const writer = await open(editor, path, 'Chapter one');
    const coAuthor = await open(owner, path, 'Chapter one');
    await waitForSaved(writer);
    await text(writer).click();
    await writer.keyboard.type('Here is the owl we saw:');

    const toolbar = writer.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('button', { name: 'Image' }).click();

    // Not an image, whatever it claims to be: the API's reason shows beside the picker.
    await writer.getByLabel('Upload an image').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('these are words, not pixels'),
    });
    await writer.getByRole('alert').filter({ hasText: 'must be a PNG, JPEG or WebP' }).waitFor();

    await writer.getByLabel('Upload an image').setInputFiles({
      name: 'owl.png',
      mimeType: 'image/png',
      buffer: solidPng(48, 32, [47, 93, 138]),
    });
    await writer.getByRole('status').filter({ hasText: 'owl.png is uploaded' }).waitFor();
    await writer.getByLabel('Description (for people who cannot see it)').fill('A blue owl');
    await screenshot(writer, 'editor-image-form');
    await writer.getByRole('button', { name: 'Insert image' }).click();

    const inWriter = text(writer).getByRole('img', { name: 'A blue owl' });
    expect(await loadedWidth(inWriter)).toBe(48);
    expect(await inWriter.getAttribute('src')).toMatch(
      new RegExp(`^/v1/works/${work.id}/images/[0-9a-f-]{36}$`),
    );
    await waitForSaved(writer);
    await screenshot(writer, 'editor-image-uploaded');

    // The co-author's tab gets it live through the shared document.
    expect(await loadedWidth(text(coAuthor).getByRole('img', { name: 'A blue owl' }))).toBe(48);

    await writer.reload();
    await writer.getByRole('heading', { name: 'Chapter one' }).waitFor();
    expect(await loadedWidth(text(writer).getByRole('img', { name: 'A blue owl' }))).toBe(48);

    // Readers: the published page keeps the picture, and its URL needs no sign-in.
    await owner.api('POST', `/works/${work.id}/publish`);
    const readerContext = await newContext(browser);
    contexts.push(readerContext);
    const reader = await readerContext.newPage();
    await reader.goto(`/works/${work.id}/pages/${chapter.id}`);
    expect(await loadedWidth(reader.getByRole('img', { name: 'A blue owl' }))).toBe(48);
    await screenshot(reader, 'reader-image');
  });

  it('fits a phone: the image form is usable at 390 px without sideways scrolling', async () => {
    const owner = await createVerifiedAccount('imgphone');
    const work = await owner.api<{ id: number }>('POST', '/works', { title: 'Small screen' });
    const chapter = await owner.api<{ id: number }>('POST', `/works/${work.id}/pages`, {
      title: 'Pocket',
    });
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    await openSignedIn(page, owner, `/write/${work.id}/${chapter.id}`);
    await waitForSaved(page);
    await page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Image' })
      .click();
    await page.getByLabel('Upload an image').setInputFiles({
      name: 'moon.png',
      mimeType: 'image/png',
      buffer: solidPng(20, 20, [240, 240, 200]),
    });
    await page.getByRole('status').filter({ hasText: 'moon.png is uploaded' }).waitFor();
    // Focus moves to the description: the one thing left to do.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe(await page.getByLabel('Description (for people who cannot see it)').getAttribute('id'));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'editor-image-form-phone');
    await page.keyboard.type('A pale moon');
    await page.keyboard.press('Enter');
    await text(page).getByRole('img', { name: 'A pale moon' }).waitFor();
  });
});
