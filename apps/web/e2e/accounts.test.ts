// Getting an account as a person does: sign up, open the mailed link, sign in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVerifiedAccount,
  linkIn,
  uniqueName,
  waitForMail,
  type Account,
} from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn, signInThroughUi } from './support/browser.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accounts', () => {
  it('signs up, confirms the address from the mail and signs in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const handle = uniqueName('signup');
    const email = `${handle}@example.com`;
    const password = `lantern ${handle} over the bay`;
    const displayName = `Ana ${handle.slice(-4)}`;

    await page.goto('/sign-up');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Display name').fill(displayName);
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(email);

    const mail = await waitForMail(email, (m) => /confirm/i.test(m.subject));
    await page.goto(linkIn(mail, '/verify'));
    await page.getByRole('heading', { name: 'Your address is confirmed' }).waitFor();

    // Opening the same link again says it was used, and offers a new one.
    const again = await context.newPage();
    await again.goto(linkIn(mail, '/verify'));
    await again.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(await again.getByRole('alert').first().textContent()).toMatch(/already been used/);
    await again.getByRole('button', { name: 'Send a new link' }).waitFor();
    await again.close();

    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    // The helper reads only the e-mail address and password of the account.
    await signInThroughUi(page, { email, password } as Account);
    await page.getByRole('link', { name: displayName }).waitFor();
    await context.close();
  });

  it('shows the API’s reasons next to the fields, never raw JSON', async () => {
    const existing = await createVerifiedAccount('taken');
    const context = await newContext(browser);
    const page = await context.newPage();
    const handle = uniqueName('bad');

    await page.goto('/sign-up');
    await page.getByLabel('E-mail').fill(`${handle}@example.com`);
    await page.getByLabel('Display name').fill('Short Password');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const passwordError = page.getByText('Password must be at least 10 characters long.');
    await passwordError.waitFor();
    // Tied to its input, so a screen reader reads it with the field.
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Password').getAttribute('aria-describedby')).toContain(
      await passwordError.getAttribute('id'),
    );

    await page.getByLabel('Handle').fill(existing.handle);
    await page.getByLabel('Password').fill(`a long and fine ${handle} password`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Handle is already taken.').waitFor();
    expect(await page.getByText('Password must be at least').count()).toBe(0);

    const shown = (await page.getByRole('main').textContent()) ?? '';
    expect(shown).not.toContain('{');
    expect(shown).not.toContain('"errors"');
    await context.close();
  });

  it('tells an unverified account to confirm first and offers a new link', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const handle = uniqueName('unverified');
    const email = `${handle}@example.com`;
    const password = `tide ${handle} and harbour`;
    await page.goto('/sign-up');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Display name').fill('Not Yet');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();

    await page.goto('/sign-in?next=/feed');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Please confirm your e-mail address first').waitFor();
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await page.getByText('a new link is on its way').waitFor();
    await context.close();
  });

  it('changes the profile, picture and e-mail preferences in settings', async () => {
    const account = await createVerifiedAccount('settler');
    const context = await newContext(browser);
    const page = await context.newPage();
    await openSignedIn(page, account, '/settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();

    const newName = `Settled ${account.handle.slice(-4)}`;
    await page.getByLabel('Display name').fill(newName);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('banner').getByRole('link', { name: newName }).waitFor();

    // Not an image: the API's answer shows next to the picker.
    const picker = page.getByLabel('Choose a picture');
    await picker.setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('these are words, not pixels'),
    });
    await page.getByRole('button', { name: 'Upload picture' }).click();
    await page.getByText('The avatar must be a PNG, JPEG or WebP image').waitFor();
    expect(await picker.getAttribute('aria-invalid')).toBe('true');

    await picker.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Preview of your new picture' }).waitFor();
    await page.getByRole('button', { name: 'Upload picture' }).click();
    await page.getByText('Picture updated').waitFor();
    const picture = page.getByRole('img', { name: 'Your picture' });
    expect(await picture.getAttribute('src')).not.toMatch(/^blob:/);

    const followerMail = page.getByRole('switch', { name: 'When someone follows me' });
    expect(await followerMail.isChecked()).toBe(true);
    await followerMail.click();
    await page.getByText('e-mail off. Saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByRole('switch', { name: 'When someone follows me' }).isChecked()).toBe(
      false,
    );
    expect(await page.getByLabel('Display name').inputValue()).toBe(newName);
    await context.close();
  });
});
