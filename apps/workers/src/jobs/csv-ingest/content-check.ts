import { IngestFailure } from './ingest-failure.ts';

/** How much of the start of a file is checked for binary or non-UTF-8 content before anything is inserted. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Checks the first SNIFF_BYTES of a file as it streams: a NUL byte means binary (or UTF-16), an
 * invalid UTF-8 sequence means another encoding. Either rejects the whole file. Later invalid bytes
 * only reject the rows they are in (they decode to U+FFFD, which the row checks refuse).
 */
export function createContentCheck() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let seen = 0;
  return {
    check(chunk: Buffer): void {
      if (seen >= SNIFF_BYTES) return;
      const part = chunk.subarray(0, SNIFF_BYTES - seen);
      seen += part.length;
      if (part.includes(0)) {
        throw new IngestFailure(
          'The file is not a CSV text file: it contains NUL bytes (is it binary, or saved as UTF-16?). Save it as UTF-8 CSV and upload it again.',
          {
            wholeFile: true,
          },
        );
      }
      try {
        decoder.decode(part, { stream: seen < SNIFF_BYTES });
      } catch {
        throw new IngestFailure(
          'The file is not UTF-8 text. Save it as UTF-8 CSV and upload it again.',
          { wholeFile: true },
        );
      }
    },
  };
}
