import type { ApiClient } from '../../lib/api-client.ts';

/**
 * Saves the rejected rows of an upload as a CSV file. The API answers only with the bearer token,
 * which a plain link cannot carry, so the file is fetched and handed to the browser as a download.
 */
export async function downloadRejections(api: ApiClient, uploadId: number): Promise<void> {
  const csv = await api.request<string>('GET', `/uploads/${uploadId}/rejections`);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `upload-${uploadId}-rejections.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
