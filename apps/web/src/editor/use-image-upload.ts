import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../lib/api-client.ts';
import { ApiProblem } from '../lib/problem.ts';

/** What POST /v1/works/:id/images answers: the image's id and its stable same-origin URL. */
export interface UploadedImage {
  id: string;
  url: string;
}

export type ImageUpload =
  | { state: 'idle' }
  | { state: 'uploading'; name: string }
  | { state: 'done'; name: string; image: UploadedImage }
  | { state: 'failed'; name: string; problem: ApiProblem };

/**
 * Uploads one picked file as an image of the work's pages. Picking another file replaces the
 * previous attempt (its answer is ignored); leaving the form aborts an upload in flight.
 */
export function useImageUpload(api: ApiClient, workId: number) {
  const [upload, setUpload] = useState<ImageUpload>({ state: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setUpload({ state: 'uploading', name: file.name });
      try {
        const image = await api.request<UploadedImage>('POST', `/works/${workId}/images`, {
          body: file,
          contentType: file.type || 'application/octet-stream',
          signal: controller.signal,
        });
        if (!controller.signal.aborted) setUpload({ state: 'done', name: file.name, image });
      } catch (error) {
        if (controller.signal.aborted) return;
        const problem =
          error instanceof ApiProblem
            ? error
            : new ApiProblem({ status: 0, code: 'internal', title: 'The upload failed.' });
        setUpload({ state: 'failed', name: file.name, problem });
      }
    },
    [api, workId],
  );

  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setUpload({ state: 'idle' });
  }, []);

  return { upload, start, reset };
}
