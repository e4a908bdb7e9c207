/** The two reports over the employment data sets (apps/api/src/routes/reports). */
export interface HiresByQuarter {
  year: number;
  items: { department: string; job: string; q1: number; q2: number; q3: number; q4: number }[];
}

export interface DepartmentsAboveMean {
  year: number;
  mean: number;
  items: { id: number; department: string; hired: number }[];
}

export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** Hires of the whole company in each quarter: the sum over departments and jobs. */
export function quarterTotals(report: HiresByQuarter): [number, number, number, number] {
  const sum = (quarter: (typeof QUARTERS)[number]) =>
    report.items.reduce((total, row) => total + row[quarter], 0);
  return [sum('q1'), sum('q2'), sum('q3'), sum('q4')];
}

/** A round upper bound for a chart's axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}
