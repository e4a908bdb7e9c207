import type { EntityManager } from '@mikro-orm/mysql';
import { Upload } from '@pluma/db';

/** The upload with this id, or null. */
export function findUpload(em: EntityManager, id: number): Promise<Upload | null> {
  return em.findOne(Upload, id);
}
