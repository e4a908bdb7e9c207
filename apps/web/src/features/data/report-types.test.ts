import { describe, expect, it } from 'vitest';
import { niceCeiling, quarterTotals } from './report-types.ts';

describe('quarterTotals', () => {
  it('adds every department and job of a quarter', () => {
    const totals = quarterTotals({
      year: 2021,
      items: [
        { department: 'Sales', job: 'Clerk', q1: 1, q2: 0, q3: 2, q4: 0 },
        { department: 'Legal', job: 'Lawyer', q1: 3, q2: 4, q3: 0, q4: 1 },
      ],
    });
    expect(totals).toEqual([4, 4, 2, 1]);
  });
});

describe('niceCeiling', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 180, 201, 640].map(niceCeiling)).toEqual([
      1, 1, 5, 10, 10, 20, 200, 500, 1000,
    ]);
  });
});
