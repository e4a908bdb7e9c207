import type { EntityManager } from '@mikro-orm/mysql';

export interface QuarterHires {
  department: string;
  job: string;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

/** Hires per department and job in each quarter of `year` (UTC), ordered by department then job. */
export async function reportHiresByQuarter(
  em: EntityManager,
  year: number,
): Promise<QuarterHires[]> {
  const rows = await em.execute<Record<string, string | number>[]>(
    'SELECT d.`department` AS department, j.`job` AS job, ' +
      'SUM(QUARTER(h.`datetime`) = 1) AS q1, SUM(QUARTER(h.`datetime`) = 2) AS q2, ' +
      'SUM(QUARTER(h.`datetime`) = 3) AS q3, SUM(QUARTER(h.`datetime`) = 4) AS q4 ' +
      'FROM `hired_employees` h JOIN `departments` d ON d.`id` = h.`department_id` JOIN `jobs` j ON j.`id` = h.`job_id` ' +
      'WHERE h.`datetime` >= ? AND h.`datetime` < ? ' +
      'GROUP BY d.`id`, d.`department`, j.`id`, j.`job` ORDER BY d.`department`, j.`job`, d.`id`, j.`id`',
    [`${year}-01-01 00:00:00`, `${year + 1}-01-01 00:00:00`],
  );
  return rows.map((r) => ({
    department: String(r.department),
    job: String(r.job),
    q1: Number(r.q1),
    q2: Number(r.q2),
    q3: Number(r.q3),
    q4: Number(r.q4),
  }));
}
