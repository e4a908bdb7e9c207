import type { ApiProblem } from '../lib/problem.ts';

/**
 * The sentence of an API problem, for the top of a form or a screen. Field messages are shown by
 * FormField next to their inputs; pass `fields` to also list fields that no input shows.
 */
export function ProblemMessage({
  problem,
  shownFields = [],
}: {
  problem: ApiProblem | undefined | null;
  shownFields?: string[];
}) {
  if (!problem) return null;
  const others = Object.entries(problem.fields).filter(([path]) => !shownFields.includes(path));
  return (
    <div className="problem" role="alert">
      <p>{problem.summary}</p>
      {others.length > 0 ? (
        <ul>
          {others.map(([path, message]) => (
            <li key={path}>{path ? `${path}: ${message}` : message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
