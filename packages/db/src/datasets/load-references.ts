import type { EntityManager } from '@mikro-orm/mysql';
import type { References } from './datasets.ts';

/** Every department and job id, read once so each hired_employees row is checked in memory. */
export async function loadReferences(em: EntityManager): Promise<References> {
  const [departments, jobs] = await Promise.all([
    em.execute<{ id: number }[]>('SELECT `id` FROM `departments`'),
    em.execute<{ id: number }[]>('SELECT `id` FROM `jobs`'),
  ]);
  return {
    departments: new Set(departments.map((r) => Number(r.id))),
    jobs: new Set(jobs.map((r) => Number(r.id))),
  };
}
