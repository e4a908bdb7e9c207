// Data: the three employment CSV files uploaded through the screen, followed live, summarised,
// their rejected rows downloaded, and the reports drawn from what was ingested.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAccount } from './support/accounts.ts';
import {
  SCREENSHOTS,
  launchBrowser,
  newContext,
  openSignedIn,
  screenshot,
} from './support/browser.ts';

const FIXTURES = '/work/shared/fixtures/employment/';
const FILES = [
  { dataset: 'departments', label: 'Departments (departments.csv)', title: 'Departments' },
  { dataset: 'jobs', label: 'Jobs (jobs.csv)', title: 'Jobs' },
  {
    dataset: 'hired_employees',
    label: 'Hired employees (hired_employees.csv)',
    title: 'Hired employees',
  },
] as const;

interface UploadView {
  id: number;
  status: string;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The fixture's non-blank lines (the product skips blank ones). */
async function fixtureLines(dataset: string): Promise<string[]> {
  const text = await readFile(`${FIXTURES}${dataset}.csv`, 'utf8');
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** Records every value any <progress> on the page takes, from now on. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { label: string; value: number }[] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    const note = (element: Element) => {
      if (element instanceof HTMLProgressElement && element.hasAttribute('value'))
        seen.push({ label: element.getAttribute('aria-label') ?? '', value: element.value });
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') note(mutation.target as Element);
        for (const node of mutation.addedNodes) {
          if (node instanceof Element) node.querySelectorAll('progress').forEach(note);
        }
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value'],
    });
  });
}

function countsIn(text: string) {
  const match = /Rows read\s*([\d,]+)\s*Accepted\s*([\d,]+)\s*Rejected\s*([\d,]+)/.exec(text);
  if (!match) throw new Error(`no counts in: ${text}`);
  const [read, accepted, rejected] = match.slice(1).map((n) => Number(n!.replace(/,/g, '')));
  return { rowsRead: read!, rowsInserted: accepted!, rowsRejected: rejected! };
}

describe('data', () => {
  it('uploads the three CSV files with live progress, counts and rejected rows, then reports', async () => {
    const analyst = await createVerifiedAccount('analyst');
    const context = await newContext(browser);
    const page = await context.newPage();
    // What the socket.io connection delivers, to check the workers' events reached this tab.
    const frames: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    await openSignedIn(page, analyst, '/data');
    await page.getByText('No uploads yet').waitFor();

    for (const file of FILES) {
      await page
        .getByLabel(file.label, { exact: true })
        .setInputFiles(`${FIXTURES}${file.dataset}.csv`);
    }
    await watchProgress(page);
    await page.getByRole('button', { name: 'Upload 3 files' }).click();

    const runs = page.getByRole('list', { name: 'This upload' });
    for (const file of FILES) {
      await runs
        .getByRole('listitem')
        .filter({ hasText: file.title })
        .getByText('Done', { exact: true })
        .waitFor({ timeout: 60_000 });
    }

    // The bars moved, driven by the workers' events: values only go up, and each file ends at 100.
    const seen = await page.evaluate(
      () =>
        (window as unknown as { progressSeen: { label: string; value: number }[] }).progressSeen,
    );
    for (const file of FILES) {
      const values = seen
        .filter((entry) => entry.label === `Progress of ${file.dataset}.csv`)
        .map((entry) => entry.value);
      expect(values.length, file.dataset).toBeGreaterThan(0);
      expect(values.at(-1), file.dataset).toBe(100);
      expect(
        [...values].sort((a, b) => a - b),
        file.dataset,
      ).toEqual(values);
    }
    for (const file of FILES) {
      const bar = page.getByRole('progressbar', { name: `Progress of ${file.dataset}.csv` });
      expect(await bar.getAttribute('value')).toBe('100');
    }

    // Counts: every non-blank line read; accepted + rejected = read; the screen agrees with the API
    // (the uploads are found through the stored upload.done notifications).
    const inbox = await analyst.api<{
      notifications: { type: string; payload: { uploadId?: number } }[];
    }>('GET', '/me/notifications?limit=100');
    const uploads = await Promise.all(
      inbox.notifications
        .filter((note) => note.type === 'upload.done')
        .map((note) =>
          analyst.api<UploadView & { dataset: string }>('GET', `/uploads/${note.payload.uploadId}`),
        ),
    );
    expect(uploads).toHaveLength(3);
    for (const file of FILES) {
      const lines = await fixtureLines(file.dataset);
      const item = runs.getByRole('listitem').filter({ hasText: file.title });
      const shown = countsIn(await item.innerText());
      const stored = uploads.find((upload) => upload.dataset === file.dataset)!;
      expect(stored.status).toBe('succeeded');
      expect(shown).toEqual({
        rowsRead: stored.rowsRead,
        rowsInserted: stored.rowsInserted,
        rowsRejected: stored.rowsRejected,
      });
      expect(shown.rowsRead, file.dataset).toBe(lines.length);
      const events = frames.filter((frame) => frame.includes(`"uploadId":${stored.id},`));
      expect(
        events.some((frame) => frame.includes('"upload.done"')),
        `${file.dataset}: upload.done over socket.io`,
      ).toBe(true);
      expect(shown.rowsInserted + shown.rowsRejected, file.dataset).toBe(lines.length);
    }

    // Hired employees has rows with a missing field: at least those are rejected, and the
    // downloaded CSV lists exactly the rejected rows.
    const employees = await fixtureLines('hired_employees');
    const missingField = employees.filter((line) => /(^|,)(,|$)/.test(line)).length;
    expect(missingField).toBeGreaterThan(0);
    const employeesItem = runs.getByRole('listitem').filter({ hasText: 'Hired employees' });
    const employeeCounts = countsIn(await employeesItem.innerText());
    expect(employeeCounts.rowsRejected).toBeGreaterThanOrEqual(missingField);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      employeesItem.getByRole('button', { name: 'Download rejected rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^upload-\d+-rejections\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const records = csv.split(/\r?\n/).filter((line) => /^\d+,/.test(line));
    expect(csv.split(/\r?\n/)[0]).toBe('line,reason,raw');
    expect(records).toHaveLength(employeeCounts.rowsRejected);

    // The past uploads list the three, finished.
    const history = page.getByRole('region', { name: 'Past uploads' });
    await history.getByRole('listitem').nth(2).waitFor();
    expect(await history.getByRole('listitem').count()).toBe(3);
    expect(await history.getByText('Done', { exact: true }).count()).toBe(3);

    // Reports: the latest year with hires, its chart and both tables, agreeing with the API.
    const latestYear = Math.max(
      ...employees.map((line) => Number(/,(\d{4})-\d\d-\d\dT/.exec(line)?.[1] ?? 0)),
    );
    await page.getByRole('link', { name: 'reports' }).click();
    const chart = page.getByRole('img', { name: `Hires per quarter in ${latestYear}` });
    await chart.waitFor();
    const report = await analyst.api<{
      items: { q1: number; q2: number; q3: number; q4: number }[];
    }>('GET', `/reports/hires-by-quarter?year=${latestYear}`);
    const totals = (['q1', 'q2', 'q3', 'q4'] as const).map((q) =>
      report.items.reduce((sum, row) => sum + row[q], 0),
    );
    expect(totals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const chartText = await chart.locator('text.chart-value').allTextContents();
    expect(chartText.map(Number)).toEqual(totals);
    const byQuarter = page.getByRole('table', {
      name: `People hired in ${latestYear} by department and job, per quarter`,
    });
    expect(await byQuarter.locator('tbody tr').count()).toBe(report.items.length);
    const above = page.getByRole('table', { name: /Departments that hired more than the mean/ });
    await above.waitFor();
    const aboveReport = await analyst.api<{ items: unknown[] }>(
      'GET',
      `/reports/departments-above-mean?year=${latestYear}`,
    );
    expect(await above.locator('tbody tr').count()).toBe(aboveReport.items.length);
    expect(await above.getByRole('columnheader', { name: 'Hired' }).count()).toBe(1);
    await screenshot(page, 'reports');
    await page
      .getByRole('region', { name: 'Hires per quarter' })
      .screenshot({ path: `${SCREENSHOTS}reports-chart.png` });
    await context.close();
  });

  it('sends a newcomer to the data screen when there is nothing to report', async () => {
    // The platform's data sets are shared; this only holds before anything is uploaded, so it
    // checks the empty state's wording and link on a year nobody hired in.
    const reader = await createVerifiedAccount('reader');
    const context = await newContext(browser);
    const page = await context.newPage();
    await openSignedIn(page, reader, '/data/reports');
    await page.getByLabel('Year', { exact: true }).waitFor();
    await page.getByLabel('Year', { exact: true }).fill('1999');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No hires in 1999').waitFor();
    const link = page.getByRole('link', { name: 'upload a data set first' });
    expect(await link.getAttribute('href')).toBe('/data');
    await context.close();
  });
});
