#!/usr/bin/env node
// A copy of shared/tools/gen-employment.mjs (the generator), kept here so tests and the benchmark run anywhere.
/* global process, console */
// Writes departments.csv, jobs.csv and hired_employees.csv (headerless, the
// format of the employment data sets) into a folder.
// usage: gen-employment.mjs OUT_DIR [ROWS=2000] [SEED=1] [DIRTY_PERCENT=3]
import fs from 'node:fs';
import path from 'node:path';

const [out = '.', rowsArg = '2000', seedArg = '1', dirtyArg = '3'] = process.argv.slice(2);
const rows = Number(rowsArg),
  dirty = Number(dirtyArg) / 100;
let s = Number(seedArg) >>> 0 || 1;
const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = (a) => a[Math.floor(rnd() * a.length)];

const departments = [
  'Product Management',
  'Sales',
  'Research and Development',
  'Business Development',
  'Engineering',
  'Human Resources',
  'Services',
  'Support',
  'Marketing',
  'Training',
  'Legal',
  'Accounting',
];
const roles = [
  'Engineer',
  'Analyst',
  'Manager',
  'Designer',
  'Developer',
  'Assistant',
  'Coordinator',
  'Specialist',
  'Technician',
  'Director',
  'Consultant',
  'Editor',
  'Writer',
  'Accountant',
  'Recruiter',
];
const levels = ['', 'Junior ', 'Senior ', 'Lead ', 'Staff ', 'Principal '];
const areas = [
  'Marketing',
  'Software',
  'Data',
  'Quality',
  'Payroll',
  'Legal',
  'Support',
  'Research',
  'Content',
  'Sales',
];
const jobs = [];
for (const l of levels)
  for (const a of areas)
    for (const r of roles) {
      if (jobs.length < 183 && rnd() < 0.25) jobs.push(`${l}${a} ${r}`);
    }
const first = [
  'Ana',
  'José',
  'María',
  'Luis',
  'Sofía',
  'Mateo',
  'Valentina',
  'Diego',
  'Camila',
  'Jorge',
  'Lucía',
  'Andrés',
  'Isabel',
  'Tomás',
  'Elena',
  'Ciarán',
  'Zoë',
  'Björn',
  'Renée',
  'Ngozi',
  'Wei',
  'Aiko',
];
const last = [
  'García',
  'Martínez',
  'López',
  'Hernández',
  "O'Brien",
  'Smith',
  'Nakamura',
  'Okafor',
  'Müller',
  'Rossi',
  'Dubois',
  'Silva',
  'Kowalski',
  'Novak',
  'Ibáñez',
  'Chen',
];

const q = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, 'departments.csv'),
  departments.map((d, i) => `${i + 1},${q(d)}`).join('\n') + '\n',
);
fs.writeFileSync(
  path.join(out, 'jobs.csv'),
  jobs.map((j, i) => `${i + 1},${q(j)}`).join('\n') + '\n',
);

const fd = fs.openSync(path.join(out, 'hired_employees.csv'), 'w');
let buf = [];
for (let id = 1; id <= rows; id++) {
  const t = Date.UTC(2020, 0, 1) + Math.floor(rnd() * 3 * 365 * 86400) * 1000;
  let f = [
    String(id),
    `${pick(first)} ${pick(last)}`,
    new Date(t).toISOString().replace('.000Z', 'Z'),
    String(1 + Math.floor(rnd() * departments.length)),
    String(1 + Math.floor(rnd() * jobs.length)),
  ];
  if (rnd() < dirty) {
    const k = Math.floor(rnd() * 7);
    if (k <= 3)
      f[1 + k] = ''; // a missing field
    else if (k === 4)
      f[3] = String(departments.length + 5); // unknown department
    else if (k === 5)
      f[2] = '2021-13-45T99:00:00Z'; // impossible date
    else f[1] = `${pick(last)}, ${pick(first)}`; // a comma inside a quoted name (valid)
  }
  buf.push(f.map(q).join(','));
  if (buf.length >= 10000) {
    fs.writeSync(fd, buf.join('\n') + '\n');
    buf = [];
  }
}
if (buf.length) fs.writeSync(fd, buf.join('\n') + '\n');
fs.closeSync(fd);
console.log(
  `${out}: ${departments.length} departments, ${jobs.length} jobs, ${rows} hired employees`,
);
