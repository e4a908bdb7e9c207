export { AppError, errorStatus, titleOf } from './app-error.ts';
export type { AppErrorOptions, ErrorCode, FieldProblem } from './app-error.ts';
export { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, isUnexpected, toProblem } from './problem.ts';
export type { Problem } from './problem.ts';
