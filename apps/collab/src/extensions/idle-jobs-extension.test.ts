import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pageDocumentName } from '../document-name.ts';
import {
  connectClient,
  createHarness,
  type Harness,
  type RunningCollab,
} from '../test-support/harness.ts';
import { firstParagraph } from '../test-support/page-edits.ts';

let harness: Harness;
let node: RunningCollab;

beforeAll(async () => {
  harness = await createHarness('idlejobs');
  node = await harness.start({ idleJobDelayMs: 300 });
});
afterAll(async () => {
  await harness?.close();
});

describe('sentiment.score after a page goes idle', () => {
  it('enqueues one job per edited page once typing stops', async () => {
    const [first, second] = harness.seed.pageIds as [number, number];
    const token = await harness.token(harness.seed.users.owner);
    const a = connectClient(node.url, pageDocumentName(first), token);
    const b = connectClient(node.url, pageDocumentName(second), token);
    await vi.waitFor(() => expect(a.synced() && b.synced()).toBe(true));
    for (const char of 'a burst of typing') firstParagraph(a.doc).insert(0, char);
    firstParagraph(b.doc).insert(0, 'x');
    await vi.waitFor(async () => {
      const jobs = await harness.producer.queue('sentiment').getJobs(['waiting']);
      expect(jobs.map((job) => [job.name, job.data.pageId]).sort()).toEqual([
        ['sentiment.score', first],
        ['sentiment.score', second],
      ]);
    });
    expect(node.server.stats().jobs.enqueued).toBe(2);
    a.destroy();
    b.destroy();
  });
});
