import type { ApiClient } from '../lib/api-client.ts';
import { networkProblem, parseProblem } from '../lib/problem.ts';

/**
 * A request to the collab server's HTTP side (`/collab/...` on the same origin), with the same
 * access token as the API. Failures throw ApiProblem like the API client's.
 */
export async function collabRequest<T>(
  api: ApiClient,
  method: 'GET' | 'POST',
  path: string,
  json?: unknown,
): Promise<T> {
  const token = await api.accessToken();
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/collab${path}`, {
      method,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) throw await parseProblem(response);
  return (await response.json()) as T;
}

/** The WebSocket address of the collab server on this page's origin. */
export function collabSocketUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}
