import { Hono } from 'hono';
import { reasonOf } from './startup-error.ts';

/** A named dependency probe: resolves when reachable, rejects (or times out) otherwise. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return `unavailable: ${reasonOf(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check in parallel and reports each one's state. */
export async function checkReadiness(checks: ReadinessChecks, timeoutMs = 2000) {
  const entries = await Promise.all(
    Object.entries(checks).map(
      async ([name, check]) => [name, await probe(check, timeoutMs)] as const,
    ),
  );
  const results = Object.fromEntries(entries);
  const ready = entries.every(([, state]) => state === 'ok');
  return { ready, checks: results };
}

/** `/healthz` (the process answers) and `/readyz` (its dependencies answer; 503 naming the ones that do not). */
export function createHealthRoutes(service: string, checks: ReadinessChecks): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok', service }));
  app.get('/readyz', async (c) => {
    const { ready, checks: results } = await checkReadiness(checks);
    return c.json(
      { status: ready ? 'ready' : 'unavailable', service, checks: results },
      ready ? 200 : 503,
    );
  });
  return app;
}
