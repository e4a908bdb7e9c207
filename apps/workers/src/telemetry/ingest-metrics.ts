import { metrics, type Counter } from '@opentelemetry/api';

let rows: Counter | undefined;

/** `pluma_ingest_rows_total{outcome}`: CSV rows stored (`accepted`) or recorded as rejected; both series start at 0. */
export function ingestRowsCounter(): Counter {
  if (rows) return rows;
  rows = metrics.getMeter('pluma-workers').createCounter('pluma_ingest_rows_total', {
    description: 'CSV rows ingested, by outcome (accepted or rejected)',
  });
  rows.add(0, { outcome: 'accepted' });
  rows.add(0, { outcome: 'rejected' });
  return rows;
}
