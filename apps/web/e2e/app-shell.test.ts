// The frame around every screen: navigation for visitors and signed-in writers, on a phone too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount } from './support/accounts.ts';
import { launchBrowser, newContext, openSignedIn } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('offers a visitor sign-in and sign-up, and a signed-in writer their name and sign-out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Sign up' }).isVisible()).resolves.toBe(true);

    const account = await createVerifiedAccount('shell');
    await openSignedIn(page, account, '/');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect(page.getByRole('link', { name: account.displayName }).isVisible()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('folds the navigation behind a Menu button on a phone', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/');
    const explore = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
      name: 'Explore',
    });
    expect(await explore.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await explore.isVisible()).toBe(true);
    await context.close();
  });

  it('answers an unknown address with a page that says where to go', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/no/such/place');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await context.close();
  });
});
