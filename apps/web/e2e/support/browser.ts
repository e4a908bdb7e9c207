// Real Chromium (Debian's package) driven by playwright-core.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Account } from './accounts.ts';
import { newClientAddress, origin } from './origin.ts';

export { origin };

export const SCREENSHOTS = fileURLToPath(
  new URL('../../test-results/screenshots/', import.meta.url),
);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

/** A fresh browser profile (its own storage), on the platform's origin. */
export async function newContext(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: origin(),
    extraHTTPHeaders: { 'x-forwarded-for': newClientAddress() },
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
}

/** Signs `account` in through the sign-in screen, as a person would. */
export async function signInThroughUi(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * Puts `account`'s tokens where the app keeps them, then opens `path`: a shortcut for tests
 * whose subject is not signing in.
 */
export async function openSignedIn(page: Page, account: Account, path: string): Promise<void> {
  await page.goto('/sign-in');
  await page.evaluate((tokens) => {
    localStorage.setItem('pluma.session', JSON.stringify(tokens));
  }, account.sessionTokens());
  await page.goto(path);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
