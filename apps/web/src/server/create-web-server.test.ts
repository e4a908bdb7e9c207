import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from './create-web-server.ts';

describe('web server', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'pluma-web-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(
      join(dist, 'index.html'),
      '<!doctype html><title>Pluma</title><div id="root"></div>',
    );
    await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log("app")');
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it('serves the app shell for any client-side route', async () => {
    const res = await createWebServer(dist).request('/works/42/edit');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Pluma</title>');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await createWebServer(dist).request('/assets/app-1234.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('is not ready until the app has been built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pluma-web-empty-'));
    const res = await createWebServer(empty).request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      checks: { 'built app': expect.stringMatching(/^unavailable/) },
    });
    await rm(empty, { recursive: true, force: true });
  });
});
