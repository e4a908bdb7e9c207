import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A department of the employment data set; ids come from the uploaded CSV, not the database. */
export const Department = defineEntity({
  name: 'Department',
  tableName: 'departments',
  properties: {
    id: p.integer().primary().autoincrement(false),
    department: p.string().length(200),
  },
});
export type Department = InferEntity<typeof Department>;
