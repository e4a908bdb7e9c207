import { z } from '@hono/zod-openapi';
import { DATASET_NAMES, UPLOAD_STATUSES } from '@pluma/db';

export const UploadIdParamsSchema = z.object({
  id: z.coerce
    .number({ error: 'must be a positive integer id' })
    .int('must be a positive integer id')
    .positive('must be a positive integer id')
    .max(Number.MAX_SAFE_INTEGER, 'is too large to be an id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 7 }),
});

export const UploadSchema = z
  .object({
    id: z.number().int(),
    dataset: z.enum(DATASET_NAMES),
    status: z
      .enum(UPLOAD_STATUSES)
      .openapi({ description: 'receiving -> queued -> processing -> succeeded | failed' }),
    progress: z
      .number()
      .int()
      .min(0)
      .max(100)
      .openapi({ description: 'Percent of the file ingested' }),
    sizeBytes: z.number().int().nullable(),
    rowsRead: z.number().int(),
    rowsInserted: z
      .number()
      .int()
      .openapi({ description: 'Rows written: new ids inserted, existing ids replaced' }),
    rowsRejected: z.number().int(),
    failureReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why the upload failed, when it did' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    queuedAt: z.string().nullable().openapi({ format: 'date-time' }),
    startedAt: z.string().nullable().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    durationMs: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'From the start of ingestion to its end' }),
    rejectionsUrl: z.string(),
  })
  .openapi('Upload');
export type UploadView = z.infer<typeof UploadSchema>;

export const UploadAcceptedSchema = z
  .object({ uploadId: z.number().int(), status: z.enum(UPLOAD_STATUSES), statusUrl: z.string() })
  .openapi('UploadAccepted');
