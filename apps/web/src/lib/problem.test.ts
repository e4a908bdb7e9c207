// How API failures become the sentences and field messages screens show.
import { describe, expect, it } from 'vitest';
import { ApiProblem, asProblem, networkProblem, parseProblem } from './problem.ts';

const problemJson = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('parseProblem', () => {
  it('reads a problem document with its field errors, first message per field', async () => {
    const problem = await parseProblem(
      problemJson(400, {
        type: 'https://pluma.dev/problems/request.invalid',
        title: 'Invalid request',
        status: 400,
        detail: 'handle: must be 3 to 32 letters, digits or underscores; password: too short',
        code: 'request.invalid',
        errors: [
          { path: 'handle', message: 'must be 3 to 32 letters, digits or underscores' },
          { path: 'password', message: 'must be at least 10 characters long' },
          { path: 'password', message: 'a consequence of the first' },
          { message: 'a message about the whole body' },
          'not an error entry',
        ],
      }),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('request.invalid');
    expect(problem.title).toBe('Invalid request');
    expect(problem.summary).toBe(
      'handle: must be 3 to 32 letters, digits or underscores; password: too short',
    );
    expect(problem.field('handle')).toBe('must be 3 to 32 letters, digits or underscores');
    expect(problem.field('password')).toBe('must be at least 10 characters long');
    expect(problem.field('')).toBe('a message about the whole body');
    expect(problem.field('email')).toBeUndefined();
  });

  it('answers a proxy’s plain-text 502 with a sentence, never the body', async () => {
    const problem = await parseProblem(
      new Response('<html><body>502 Bad Gateway</body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      }),
    );
    expect(problem.status).toBe(502);
    expect(problem.code).toBe('http.502');
    expect(problem.summary).toBe('The service is not answering. Please try again in a moment.');
    expect(problem.summary).not.toContain('<html>');
    expect(problem.fields).toEqual({});
  });

  it('tells how long to wait on a 429 with Retry-After', async () => {
    const problem = await parseProblem(
      problemJson(
        429,
        {
          title: 'Too many requests',
          status: 429,
          detail: 'Too many failed sign-ins for this account.',
          code: 'auth.rate_limited',
        },
        { 'retry-after': '540' },
      ),
    );
    expect(problem.retryAfter).toBe(540);
    expect(problem.summary).toBe(
      'Too many failed sign-ins for this account. Try again in 9 minutes.',
    );

    const soon = await parseProblem(
      new Response('', { status: 429, headers: { 'retry-after': '20' } }),
    );
    expect(soon.summary).toBe('Too many attempts. Try again in a minute.');
  });

  it('ignores a Retry-After that is not a number of seconds', async () => {
    const problem = await parseProblem(
      new Response('', {
        status: 503,
        headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' },
      }),
    );
    expect(problem.retryAfter).toBeUndefined();
    expect(problem.summary).toBe(
      'The service is not available right now. Please try again in a moment.',
    );
  });

  it('falls back to the status when a JSON body is not valid JSON', async () => {
    const problem = await parseProblem(
      new Response('{"title": "Invalid req', {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    expect(problem.status).toBe(400);
    expect(problem.summary).toBe('The request was not valid.');
    expect(problem.fields).toEqual({});
  });

  it('falls back to the status when the JSON is not an object', async () => {
    const problem = await parseProblem(
      new Response('["oops"]', { status: 418, headers: { 'content-type': 'application/json' } }),
    );
    expect(problem.summary).toBe('Request failed.');
    const server = await parseProblem(new Response(null, { status: 504 }));
    expect(server.summary).toBe('Something went wrong on our side. Please try again.');
  });
});

describe('ApiProblem helpers', () => {
  it('uses the title when the API sent no detail', () => {
    const problem = new ApiProblem({ status: 404, code: 'resource.not_found', title: 'Not found' });
    expect(problem.summary).toBe('Not found');
    expect(problem.message).toBe('Not found');
  });

  it('keeps an ApiProblem and wraps anything else thrown', () => {
    const network = networkProblem();
    expect(asProblem(network)).toBe(network);
    expect(network.summary).toMatch(/Cannot reach Pluma/);
    expect(asProblem(new Error('boom')).summary).toBe('boom');
    expect(asProblem('weird').summary).toBe('Something went wrong.');
  });
});
