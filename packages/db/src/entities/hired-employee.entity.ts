import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Department } from './department.entity.ts';
import { Job } from './job.entity.ts';

/** A hire of the employment data set: who, when (UTC) and into which department and job. */
export const HiredEmployee = defineEntity({
  name: 'HiredEmployee',
  tableName: 'hired_employees',
  properties: {
    id: p.integer().primary().autoincrement(false),
    name: p.string().length(200),
    datetime: p.datetime().fieldName('datetime'),
    department: () => p.manyToOne(Department),
    job: () => p.manyToOne(Job),
  },
  // The reports filter on the hire date and group by department and job.
  indexes: [{ properties: ['datetime'], name: 'hired_employees_datetime_index' }],
});
export type HiredEmployee = InferEntity<typeof HiredEmployee>;
