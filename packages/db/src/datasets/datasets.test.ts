import { describe, expect, it } from 'vitest';
import { DATASETS } from './datasets.ts';
import { IdSet } from './id-set.ts';
import { sqlString } from './sql-literal.ts';

const refs = { departments: new Set([1, 2]), jobs: new Set([7]) };
const check = (fields: string[]) => DATASETS.hired_employees.check(fields, refs);

describe('hired_employees rules', () => {
  it('turns a valid row into a SQL tuple with the UTC time as DATETIME', () => {
    expect(check(['5', "Ana O'Brien", '2024-02-29T23:59:59Z', '2', '7'])).toEqual({
      id: 5,
      tuple: "(5,'Ana O\\'Brien','2024-02-29 23:59:59',2,7)",
    });
  });

  it.each([
    [
      ['5', 'Ana', '2023-02-29T10:00:00Z', '1', '7'],
      'datetime is not a real date and time: "2023-02-29T10:00:00Z"',
    ],
    [
      ['5', 'Ana', '2021-07-27 16:02:08', '1', '7'],
      'datetime must be ISO 8601 in UTC like 2021-07-27T16:02:08Z, got "2021-07-27 16:02:08"',
    ],
    [
      ['5', 'Ana', '2021-07-27T24:00:00Z', '1', '7'],
      'datetime is not a real date and time: "2021-07-27T24:00:00Z"',
    ],
    [
      ['0', 'Ana', '2021-07-27T16:02:08Z', '1', '7'],
      'id must be a whole number from 1 to 2147483647, got "0"',
    ],
    [
      ['2147483648', 'Ana', '2021-07-27T16:02:08Z', '1', '7'],
      'id must be a whole number from 1 to 2147483647, got "2147483648"',
    ],
    [['5', '  ', '2021-07-27T16:02:08Z', '1', '7'], 'name is missing'],
    [['5', 'A\uFFFDa', '2021-07-27T16:02:08Z', '1', '7'], 'name is not valid UTF-8 text'],
    [['5', 'Ana', '2021-07-27T16:02:08Z', '', '7'], 'department_id is missing'],
    [['5', 'Ana', '2021-07-27T16:02:08Z', '1', '8'], 'job_id 8 does not exist; upload jobs first'],
    [['5', 'Ana', '2021-07-27T16:02:08Z', '1'], 'expected 5 fields, found 4'],
  ])('rejects %j', (fields, reason) => {
    expect(check(fields)).toBe(reason);
  });
});

describe('sqlString', () => {
  it('escapes quotes, backslashes and control characters the way MySQL reads them', () => {
    expect(sqlString('plain')).toBe("'plain'");
    expect(sqlString('a\'b"c\\d\ne\0')).toBe("'a\\'b\\\"c\\\\d\\ne\\0'");
  });
});

describe('IdSet', () => {
  it('remembers ids across pages, including the largest', () => {
    const ids = new IdSet();
    for (const id of [1, 65535, 65536, 2147483647]) ids.add(id);
    expect([1, 2, 65535, 65536, 65537, 2147483647].map((id) => ids.has(id))).toEqual([
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
  });
});
