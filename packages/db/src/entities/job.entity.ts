import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A job title of the employment data set; ids come from the uploaded CSV, not the database. */
export const Job = defineEntity({
  name: 'Job',
  tableName: 'jobs',
  properties: {
    id: p.integer().primary().autoincrement(false),
    job: p.string().length(200),
  },
});
export type Job = InferEntity<typeof Job>;
