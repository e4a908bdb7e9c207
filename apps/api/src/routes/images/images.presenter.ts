import type { PageImage } from './images.schema.ts';

/** The stable address of a page image: same origin, no expiry, so it can live inside a page. */
export function imagePath(workId: number, imageId: string): string {
  return `/v1/works/${workId}/images/${imageId}`;
}

/** A stored page image as the API shows it. */
export function presentImage(workId: number, imageId: string): PageImage {
  return { id: imageId, url: imagePath(workId, imageId) };
}
