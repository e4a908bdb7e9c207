import { describe, expect, it } from 'vitest';
import { createHealthRoutes } from './health.ts';

describe('health routes', () => {
  it('answers /healthz while alive', async () => {
    const app = createHealthRoutes('api', {});
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', service: 'api' });
  });

  it('answers /readyz 200 when every dependency answers', async () => {
    const app = createHealthRoutes('api', { mysql: async () => 1, redis: async () => 'PONG' });
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ready',
      checks: { mysql: 'ok', redis: 'ok' },
    });
  });

  it('answers /readyz 503 naming the dependency that does not', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const app = createHealthRoutes('api', {
      mysql: async () => 1,
      redis: async () => {
        throw refused;
      },
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: 'unavailable',
      checks: { mysql: 'ok', redis: 'unavailable: ECONNREFUSED' },
    });
  });
});
