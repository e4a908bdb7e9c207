import { z } from '@hono/zod-openapi';

export const YearQuerySchema = z.object({
  year: z.coerce
    .number({ error: 'must be a year such as 2021' })
    .int('must be a year such as 2021')
    .min(1000, 'must be a year from 1000 to 9999')
    .max(9999, 'must be a year from 1000 to 9999')
    .openapi({ param: { name: 'year', in: 'query' }, example: 2021 }),
});

export const HiresByQuarterSchema = z
  .object({
    year: z.number().int(),
    items: z.array(
      z.object({
        department: z.string(),
        job: z.string(),
        q1: z.number().int(),
        q2: z.number().int(),
        q3: z.number().int(),
        q4: z.number().int(),
      }),
    ),
  })
  .openapi('HiresByQuarter');

export const DepartmentsAboveMeanSchema = z
  .object({
    year: z.number().int(),
    mean: z.number().openapi({
      description:
        'Hires in the year divided by the number of departments (all of them, those with no hires counting 0)',
    }),
    items: z.array(
      z.object({ id: z.number().int(), department: z.string(), hired: z.number().int() }),
    ),
  })
  .openapi('DepartmentsAboveMean');
