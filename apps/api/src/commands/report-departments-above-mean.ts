import type { EntityManager } from '@mikro-orm/mysql';

export interface DepartmentHires {
  id: number;
  department: string;
  hired: number;
}

export interface DepartmentsAboveMean {
  /** Hires in the year divided by the number of departments (those that hired nobody count as 0). */
  mean: number;
  departments: DepartmentHires[];
}

/**
 * Departments that hired more people in `year` (UTC) than the mean over all departments, most hires
 * first (ties by id). The mean is over every department in the data set, including those that
 * hired nobody that year.
 */
export async function reportDepartmentsAboveMean(
  em: EntityManager,
  year: number,
): Promise<DepartmentsAboveMean> {
  const rows = await em.execute<Record<string, string | number>[]>(
    'SELECT d.`id` AS id, d.`department` AS department, COUNT(h.`id`) AS hired FROM `departments` d ' +
      'LEFT JOIN `hired_employees` h ON h.`department_id` = d.`id` AND h.`datetime` >= ? AND h.`datetime` < ? ' +
      'GROUP BY d.`id`, d.`department`',
    [`${year}-01-01 00:00:00`, `${year + 1}-01-01 00:00:00`],
  );
  const all = rows.map((r) => ({
    id: Number(r.id),
    department: String(r.department),
    hired: Number(r.hired),
  }));
  const total = all.reduce((sum, d) => sum + d.hired, 0);
  // hired > total / count, compared in integers so no rounding decides a tie.
  const above = all
    .filter((d) => d.hired * all.length > total)
    .sort((a, b) => b.hired - a.hired || a.id - b.id);
  return { mean: all.length === 0 ? 0 : total / all.length, departments: above };
}
