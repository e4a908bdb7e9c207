import { z } from '@hono/zod-openapi';
import { DATASET_NAMES } from '@pluma/db';

export const DatasetParamsSchema = z.object({
  name: z
    .enum(DATASET_NAMES, { error: `must be one of ${DATASET_NAMES.join(', ')}` })
    .openapi({ param: { name: 'name', in: 'path' }, example: 'hired_employees' }),
});

export const ROWS_MAX = 1000;

export const InsertRowsBodySchema = z
  .array(z.record(z.string(), z.unknown()), { error: 'must be a JSON array of row objects' })
  .min(1, 'must hold at least one row')
  .max(ROWS_MAX, `must hold at most ${ROWS_MAX} rows`)
  .openapi('DatasetRows', {
    description:
      'Rows as objects named by the CSV columns: departments {id, department}; jobs {id, job}; ' +
      'hired_employees {id, name, datetime, department_id, job_id} (datetime ISO 8601 UTC, e.g. 2021-07-27T16:02:08Z).',
    example: [
      { id: 1, name: 'Ana García', datetime: '2021-07-27T16:02:08Z', department_id: 1, job_id: 2 },
    ],
  });

export const InsertRowsResultSchema = z
  .object({
    inserted: z
      .number()
      .int()
      .openapi({ description: 'Rows written (a row whose id exists replaces it)' }),
    rejected: z.array(
      z.object({
        index: z.number().int().openapi({ description: 'Position in the request array, from 0' }),
        reason: z.string(),
      }),
    ),
  })
  .openapi('InsertRowsResult');
