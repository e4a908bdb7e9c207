import { describe, expect, it } from 'vitest';
import { newerState, uploadEventOf, type UploadEvent } from './data-types.ts';

const event = (status: UploadEvent['status'], progress: number): UploadEvent => ({
  uploadId: 7,
  status,
  progress,
  rowsRead: progress,
  rowsInserted: progress,
  rowsRejected: 0,
});

describe('uploadEventOf', () => {
  it('reads upload notifications and ignores every other kind', () => {
    const payload = { ...event('processing', 40), userId: 3 };
    expect(uploadEventOf({ type: 'upload.progress', payload })).toEqual(event('processing', 40));
    expect(uploadEventOf({ type: 'follower.new', payload })).toBeNull();
    expect(uploadEventOf({ type: 'upload.done', payload: { status: 'succeeded' } })).toBeNull();
    expect(uploadEventOf('upload.done')).toBeNull();
  });
});

describe('newerState', () => {
  it('moves forward and never back: a late progress tick does not undo the end', () => {
    const done = event('succeeded', 100);
    expect(newerState(undefined, event('processing', 10))).toEqual(event('processing', 10));
    expect(newerState(event('processing', 60), event('processing', 30))).toEqual(
      event('processing', 60),
    );
    expect(newerState(event('processing', 60), done)).toEqual(done);
    expect(newerState(done, event('processing', 99))).toEqual(done);
  });
});
