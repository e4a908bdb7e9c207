/**
 * A file the worker will not (or will no longer) ingest, with a reason its uploader can act on.
 * `wholeFile` means nothing of it was inserted.
 */
export class IngestFailure extends Error {
  readonly wholeFile: boolean;
  constructor(reason: string, options: { wholeFile: boolean }) {
    super(reason);
    this.name = 'IngestFailure';
    this.wholeFile = options.wholeFile;
  }
}
