/**
 * The S3 key of a page image, derived from its ids (no table needed): the image id is unguessable,
 * and the type lives in the object's Content-Type.
 */
export function imageKey(workId: number, imageId: string): string {
  return `works/${workId}/images/${imageId}`;
}
