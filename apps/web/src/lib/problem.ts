/** One field-level problem as the API lists it in a problem document's `errors`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * An error answer from the API (RFC 9457 `application/problem+json`), or a network failure,
 * in the shape screens show: a sentence for the form and one message per field.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field path (e.g. `email`, `pages.0.title`) → message, for showing next to the input. */
  readonly fields: Readonly<Record<string, string>>;
  /** Seconds to wait, from Retry-After on 429/503. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    fields?: Record<string, string>;
    retryAfter?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fields = Object.freeze({ ...(init.fields ?? {}) });
    this.retryAfter = init.retryAfter;
  }

  /** The message for one field, if the API named it. */
  field(path: string): string | undefined {
    return this.fields[path];
  }

  /** The sentence to show at the top of a form: never raw JSON. */
  get summary(): string {
    if (this.status === 429 && this.retryAfter !== undefined) {
      const minutes = Math.ceil(this.retryAfter / 60);
      return `${this.detail ?? this.title} Try again in ${minutes <= 1 ? 'a minute' : `${minutes} minutes`}.`;
    }
    return this.detail ?? this.title;
  }
}

const FALLBACK_TITLES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  409: 'That conflicts with something that already exists.',
  413: 'That is too large.',
  415: 'That kind of file is not accepted.',
  429: 'Too many attempts.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'The service is not answering. Please try again in a moment.',
  503: 'The service is not available right now. Please try again in a moment.',
};

function fallbackTitle(status: number): string {
  return FALLBACK_TITLES[status] ?? (status >= 500 ? FALLBACK_TITLES[500]! : 'Request failed.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsOf(errors: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(errors)) return fields;
  for (const entry of errors) {
    if (!isRecord(entry) || typeof entry.message !== 'string') continue;
    const path = typeof entry.path === 'string' ? entry.path : '';
    // The first message per field is the one to show; later ones are usually consequences.
    if (!(path in fields)) fields[path] = entry.message;
  }
  return fields;
}

/**
 * Turns a failed response into an ApiProblem. Reads a problem document when the API sent one and
 * falls back to a plain sentence for anything else (a proxy's HTML page, an empty body).
 */
export async function parseProblem(response: Response): Promise<ApiProblem> {
  const retryHeader = response.headers.get('retry-after');
  const retryAfter =
    retryHeader !== null && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader) : undefined;
  const type = response.headers.get('content-type') ?? '';
  let body: unknown;
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  if (isRecord(body)) {
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: typeof body.code === 'string' ? body.code : `http.${response.status}`,
      title: typeof body.title === 'string' ? body.title : fallbackTitle(response.status),
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      fields: fieldsOf(body.errors),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
  }
  return new ApiProblem({
    status: response.status,
    code: `http.${response.status}`,
    title: fallbackTitle(response.status),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
}

/** The problem to show when the request never got an answer (offline, DNS, reset). */
export function networkProblem(): ApiProblem {
  return new ApiProblem({
    status: 0,
    code: 'network',
    title: 'Cannot reach Pluma. Check your connection and try again.',
  });
}

/** Any thrown value as an ApiProblem, for screens that show one message. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem({
    status: 0,
    code: 'client',
    title: error instanceof Error ? error.message : 'Something went wrong.',
  });
}
