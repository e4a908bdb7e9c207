import { bodyLimit } from 'hono/body-limit';
import { AppError } from '@pluma/errors';

/** Refuses a body over `maxBytes` with a 413 problem, while it streams in (before it is parsed). */
export function limitBody(maxBytes: number, what = 'the body') {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('request.too_large', `${what} is larger than ${formatBytes(maxBytes)}.`);
    },
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
