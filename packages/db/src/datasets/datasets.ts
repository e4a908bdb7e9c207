import { sqlString } from './sql-literal.ts';

/** The data sets a CSV can be uploaded into, by their URL name. */
export const DATASET_NAMES = ['departments', 'jobs', 'hired_employees'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Largest id a data set accepts (ids are INT columns; the CSV decides them). */
export const MAX_ID = 2_147_483_647;
/** Longest name, department or job, in characters. */
export const MAX_NAME_LENGTH = 200;

/** Ids that exist in the reference tables, for the checks of hired_employees rows. */
export interface References {
  departments: { has(id: number): boolean };
  jobs: { has(id: number): boolean };
}

/** A row that passed every check: its id and its SQL VALUES tuple. */
export interface CheckedRow {
  id: number;
  tuple: string;
}

export interface Dataset {
  name: DatasetName;
  table: string;
  /** The CSV columns, in file order (the files have no header). */
  columns: readonly string[];
  /** True when rows refer to departments and jobs. */
  needsReferences: boolean;
  /** Checks one row's fields; answers the row to insert, or why it is rejected. */
  check(fields: readonly string[], refs: References): CheckedRow | string;
  /** A multi-row upsert of checked rows: a row whose id exists replaces the stored one. */
  upsertSql(tuples: readonly string[]): string;
}

const REPLACEMENT_CHAR = '\uFFFD';

function describe(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** The value of a string of 1-10 ASCII digits not starting with 0, or -1 (a loop: this runs millions of times). */
function parsePositiveInt(value: string): number {
  const length = value.length;
  if (length === 0 || length > 10) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (i === 0 && d === 0)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A positive whole number no larger than MAX_ID, or the reason it is not. */
function checkId(column: string, value: string): number | string {
  if (value === '') return `${column} is missing`;
  const id = parsePositiveInt(value);
  return id < 1 || id > MAX_ID
    ? `${column} must be a whole number from 1 to ${MAX_ID}, got ${describe(value)}`
    : id;
}

function checkName(column: string, value: string): string | undefined {
  if (value.trim() === '') return `${column} is missing`;
  if (value.length > MAX_NAME_LENGTH)
    return `${column} is longer than ${MAX_NAME_LENGTH} characters`;
  if (value.includes(REPLACEMENT_CHAR)) return `${column} is not valid UTF-8 text`;
  return undefined;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits of `value` from `start` to `end` as a number, or -1. */
function digitsAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `YYYY-MM-DDTHH:MM:SSZ` as a MySQL DATETIME literal body, or the reason it is not one. */
function checkDatetime(value: string): string | { sql: string } {
  if (value === '') return 'datetime is missing';
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  const hour = digitsAt(value, 11, 13);
  const minute = digitsAt(value, 14, 16);
  const second = digitsAt(value, 17, 19);
  if (
    value.length !== 20 ||
    value[4] !== '-' ||
    value[7] !== '-' ||
    value[10] !== 'T' ||
    value[13] !== ':' ||
    value[16] !== ':' ||
    value[19] !== 'Z' ||
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0
  ) {
    return `datetime must be ISO 8601 in UTC like 2021-07-27T16:02:08Z, got ${describe(value)}`;
  }
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > days ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return `datetime is not a real date and time: ${describe(value)}`;
  }
  return { sql: `${value.slice(0, 10)} ${value.slice(11, 19)}` };
}

function wrongColumnCount(expected: number, found: number): string {
  return `expected ${expected} fields, found ${found}`;
}

function namedDataset(name: 'departments' | 'jobs', column: 'department' | 'job'): Dataset {
  const columns = ['id', column] as const;
  return {
    name,
    table: name,
    columns,
    needsReferences: false,
    check(fields) {
      if (fields.length !== 2) return wrongColumnCount(2, fields.length);
      const id = checkId('id', fields[0]!);
      if (typeof id === 'string') return id;
      const label = fields[1]!;
      const problem = checkName(column, label);
      if (problem) return problem;
      return { id, tuple: `(${id},${sqlString(label)})` };
    },
    upsertSql(tuples) {
      return `INSERT INTO \`${name}\` (\`id\`,\`${column}\`) VALUES ${tuples.join(',')} ON DUPLICATE KEY UPDATE \`${column}\`=VALUES(\`${column}\`)`;
    },
  };
}

const hiredEmployees: Dataset = {
  name: 'hired_employees',
  table: 'hired_employees',
  columns: ['id', 'name', 'datetime', 'department_id', 'job_id'],
  needsReferences: true,
  check(fields, refs) {
    if (fields.length !== 5) return wrongColumnCount(5, fields.length);
    const id = checkId('id', fields[0]!);
    if (typeof id === 'string') return id;
    const name = fields[1]!;
    const nameProblem = checkName('name', name);
    if (nameProblem) return nameProblem;
    const datetime = checkDatetime(fields[2]!);
    if (typeof datetime === 'string') return datetime;
    const departmentId = checkId('department_id', fields[3]!);
    if (typeof departmentId === 'string') return departmentId;
    const jobId = checkId('job_id', fields[4]!);
    if (typeof jobId === 'string') return jobId;
    if (!refs.departments.has(departmentId))
      return `department_id ${departmentId} does not exist; upload departments first`;
    if (!refs.jobs.has(jobId)) return `job_id ${jobId} does not exist; upload jobs first`;
    return { id, tuple: `(${id},${sqlString(name)},'${datetime.sql}',${departmentId},${jobId})` };
  },
  upsertSql(tuples) {
    return (
      'INSERT INTO `hired_employees` (`id`,`name`,`datetime`,`department_id`,`job_id`) VALUES ' +
      tuples.join(',') +
      ' ON DUPLICATE KEY UPDATE `name`=VALUES(`name`),`datetime`=VALUES(`datetime`),' +
      '`department_id`=VALUES(`department_id`),`job_id`=VALUES(`job_id`)'
    );
  },
};

/** Every data set and its rules. */
export const DATASETS: Record<DatasetName, Dataset> = {
  departments: namedDataset('departments', 'department'),
  jobs: namedDataset('jobs', 'job'),
  hired_employees: hiredEmployees,
};

/** The data set called `name`, or undefined. */
export function findDataset(name: string): Dataset | undefined {
  return (DATASET_NAMES as readonly string[]).includes(name)
    ? DATASETS[name as DatasetName]
    : undefined;
}

/** The reason given for a row whose id already came on an earlier valid row of the same file or request. */
export function duplicateIdReason(id: number): string {
  return `id ${id} is already used by an earlier row of this upload`;
}

/** Fields written back as one CSV line (quoted where needed), to show a rejected row as it was. */
export function toCsvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}
