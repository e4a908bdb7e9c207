/**
 * The closed list of error codes Pluma answers with, and the HTTP status of each.
 * A code is part of the public contract: clients branch on it, so never rename one.
 */
export const errorStatus = {
  'request.invalid': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.token_invalid': 401,
  'auth.link_invalid': 400,
  'auth.email_unverified': 403,
  'auth.forbidden': 403,
  'auth.rate_limited': 429,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'resource.gone': 410,
  'state.invalid_transition': 409,
  'dependency.unavailable': 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const titles: Record<ErrorCode, string> = {
  'request.invalid': 'Invalid request',
  'request.too_large': 'Request body too large',
  'request.unsupported_media_type': 'Unsupported media type',
  'auth.unauthenticated': 'Authentication required',
  'auth.invalid_credentials': 'Invalid credentials',
  'auth.token_invalid': 'Invalid or expired token',
  'auth.link_invalid': 'Invalid or expired link',
  'auth.email_unverified': 'E-mail address not verified',
  'auth.forbidden': 'Forbidden',
  'auth.rate_limited': 'Too many requests',
  'resource.not_found': 'Not found',
  'resource.conflict': 'Conflict',
  'resource.gone': 'Gone',
  'state.invalid_transition': 'Invalid state transition',
  'dependency.unavailable': 'Service unavailable',
  internal: 'Internal server error',
};

/** One field-level problem, as listed in a problem document's `errors` member. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Field-level problems (validation). */
  errors?: FieldProblem[];
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The one error type app code throws for anything a client should see. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, detail: string, options: AppErrorOptions = {}) {
    super(detail, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** The title that goes with a code in a problem document. */
export function titleOf(code: ErrorCode): string {
  return titles[code];
}
