import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { reportDepartmentsAboveMean } from '../../commands/report-departments-above-mean.ts';
import { reportHiresByQuarter } from '../../commands/report-hires-by-quarter.ts';
import type { ApiDeps } from '../../deps.ts';
import { requireAuth } from '../../http/auth-middleware.ts';
import type { ApiEnv } from '../../http/env.ts';
import { problemResponses } from '../../http/problem-responses.ts';
import { validationHook } from '../../http/validation-hook.ts';
import { wantsCsv } from './csv.ts';
import { presentDepartmentsAboveMeanCsv, presentHiresByQuarterCsv } from './reports.presenter.ts';
import {
  DepartmentsAboveMeanSchema,
  HiresByQuarterSchema,
  YearQuerySchema,
} from './reports.schema.ts';

const tags = ['Reports'];
const security = [{ bearerAuth: [] }];
const CSV_NOTE =
  'JSON by default; CSV with a header line when the request says `Accept: text/csv`. Dates are UTC.';
const csvContent = (example: string) => ({
  'text/csv': { schema: z.string().openapi({ example }) },
});

const hiresByQuarterRoute = createRoute({
  method: 'get',
  path: '/reports/hires-by-quarter',
  tags,
  summary: 'Hires of each department and job in each quarter of a year',
  description: `For every department and job with at least one hire in the year, the number hired in Q1 to Q4, ordered by department then job (names, alphabetically). ${CSV_NOTE}`,
  security,
  request: { query: YearQuerySchema },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: HiresByQuarterSchema },
        ...csvContent('department,job,Q1,Q2,Q3,Q4\r\nEngineering,Data Analyst,1,0,2,0\r\n'),
      },
    },
    ...problemResponses(400, 401),
  },
});

const departmentsAboveMeanRoute = createRoute({
  method: 'get',
  path: '/reports/departments-above-mean',
  tags,
  summary: 'Departments that hired more than the mean of all departments in a year',
  description:
    'Id, name and number hired of each department that hired more people in the year than the mean, most hires first (ties by id). ' +
    'The mean is the number of hires in the year divided by the number of departments in the departments data set: ' +
    `a department that hired nobody that year counts as 0 and lowers the mean. ${CSV_NOTE}`,
  security,
  request: { query: YearQuerySchema },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: DepartmentsAboveMeanSchema },
        ...csvContent('id,department,hired\r\n5,Engineering,40\r\n'),
      },
    },
    ...problemResponses(400, 401),
  },
});

/** Reports over the employment data sets (signed-in users). */
export function createReportsRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const csv = (body: string) => ({
    body,
    headers: { 'content-type': 'text/csv; charset=utf-8', vary: 'Accept' },
  });

  app.openapi(hiresByQuarterRoute, async (c) => {
    requireAuth(c.get('auth'));
    const { year } = c.req.valid('query');
    const items = await reportHiresByQuarter(c.get('em'), year);
    if (wantsCsv(c.req.header('accept'))) {
      const out = csv(presentHiresByQuarterCsv(items));
      return c.body(out.body, 200, out.headers);
    }
    c.header('vary', 'Accept');
    return c.json({ year, items }, 200);
  });

  app.openapi(departmentsAboveMeanRoute, async (c) => {
    requireAuth(c.get('auth'));
    const { year } = c.req.valid('query');
    const report = await reportDepartmentsAboveMean(c.get('em'), year);
    if (wantsCsv(c.req.header('accept'))) {
      const out = csv(presentDepartmentsAboveMeanCsv(report));
      return c.body(out.body, 200, out.headers);
    }
    c.header('vary', 'Accept');
    return c.json({ year, mean: report.mean, items: report.departments }, 200);
  });
  return app;
}
