import type { DepartmentsAboveMean } from '../../commands/report-departments-above-mean.ts';
import type { QuarterHires } from '../../commands/report-hires-by-quarter.ts';
import { toCsv } from './csv.ts';

/** hires-by-quarter as CSV: department,job,Q1,Q2,Q3,Q4. */
export function presentHiresByQuarterCsv(items: QuarterHires[]): string {
  return toCsv([
    ['department', 'job', 'Q1', 'Q2', 'Q3', 'Q4'],
    ...items.map((r) => [r.department, r.job, r.q1, r.q2, r.q3, r.q4]),
  ]);
}

/** departments-above-mean as CSV: id,department,hired. */
export function presentDepartmentsAboveMeanCsv(report: DepartmentsAboveMean): string {
  return toCsv([
    ['id', 'department', 'hired'],
    ...report.departments.map((d) => [d.id, d.department, d.hired]),
  ]);
}
