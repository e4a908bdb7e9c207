import { ProblemMessage } from '../../components/problem-message.tsx';
import type { ApiProblem } from '../../lib/problem.ts';

/**
 * The top-of-form message. When every field the API named already shows its message beside its
 * input, the API's detail would only repeat them, so a short pointer to the fields stands instead.
 */
export function FormProblem({
  problem,
  shownFields,
}: {
  problem: ApiProblem | undefined;
  shownFields: string[];
}) {
  if (!problem) return null;
  const named = Object.keys(problem.fields);
  if (named.length > 0 && named.every((path) => shownFields.includes(path))) {
    return (
      <div className="problem" role="alert">
        <p>
          {named.length === 1
            ? 'Please check the field marked below.'
            : 'Please check the fields marked below.'}
        </p>
      </div>
    );
  }
  return <ProblemMessage problem={problem} shownFields={shownFields} />;
}
