import { AppError } from '@pluma/errors';

/** Opaque to clients: the position after the last item of a page (ids, times), base64url-encoded. */
export function encodeCursor(...parts: (number | string)[]): string {
  return Buffer.from(parts.join('.')).toString('base64url');
}

/** The parts of a cursor made by `encodeCursor`, each a positive integer; 400 when it is not one. */
export function decodeCursor(cursor: string, count: number): number[] {
  const parts = Buffer.from(cursor, 'base64url').toString().split('.').map(Number);
  if (parts.length !== count || !parts.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    const message = 'must be the nextCursor of a previous page';
    throw new AppError('request.invalid', `cursor: ${message}`, {
      errors: [{ path: 'cursor', message }],
    });
  }
  return parts;
}
