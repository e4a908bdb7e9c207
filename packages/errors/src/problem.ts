import { AppError, titleOf, type ErrorCode, type FieldProblem } from './app-error.ts';

/** An RFC 9457 problem document as Pluma renders it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldProblem[];
  instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Base URI of problem types; the code is appended, so `type` is stable per code. */
export const PROBLEM_TYPE_BASE = 'https://pluma.dev/problems/';

/**
 * Renders any thrown value as a problem document. Unknown errors become a bare 500
 * whose detail reveals nothing; the caller logs them with their stack.
 */
export function toProblem(error: unknown, instance?: string): Problem {
  const appError =
    error instanceof AppError ? error : new AppError('internal', 'An unexpected error occurred.');
  const problem: Problem = {
    type: PROBLEM_TYPE_BASE + appError.code,
    title: titleOf(appError.code),
    status: appError.status,
    detail: appError.detail,
    code: appError.code,
  };
  if (appError.errors?.length) problem.errors = appError.errors;
  if (instance) problem.instance = instance;
  return problem;
}

/** True when the value is an error Pluma did not expect (a bug or an outage), to be logged. */
export function isUnexpected(error: unknown): boolean {
  return !(error instanceof AppError) || error.status >= 500;
}
