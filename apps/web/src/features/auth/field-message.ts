import type { ApiProblem } from '../../lib/problem.ts';

/**
 * The API's message for one field as a sentence under its input: the API says "is already taken",
 * the form shows "Handle is already taken."
 */
export function fieldMessage(
  problem: ApiProblem | undefined | null,
  path: string,
  label: string,
): string | undefined {
  const message = problem?.field(path);
  if (!message) return undefined;
  const sentence = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
