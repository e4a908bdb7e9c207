import type { Upload } from '@pluma/db';
import { AppError } from '@pluma/errors';
import type { AuthContext } from '../../http/env.ts';

/** Only the uploader sees an upload; to anybody else it does not exist (404, not 403). */
export function authorizeUpload(upload: Upload | null, auth: AuthContext, id: number): Upload {
  if (!upload || upload.owner.id !== auth.userId)
    throw new AppError('resource.not_found', `There is no upload ${id} of yours.`);
  return upload;
}
