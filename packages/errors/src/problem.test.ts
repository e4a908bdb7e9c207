import { describe, expect, it } from 'vitest';
import { AppError, toProblem } from './index.ts';

describe('toProblem', () => {
  it('renders an AppError with its code, status and field errors', () => {
    const error = new AppError('request.invalid', 'email: must be an e-mail address', {
      errors: [{ path: 'email', message: 'must be an e-mail address' }],
    });
    expect(toProblem(error, '/v1/auth/register')).toEqual({
      type: 'https://pluma.dev/problems/request.invalid',
      title: 'Invalid request',
      status: 400,
      detail: 'email: must be an e-mail address',
      code: 'request.invalid',
      errors: [{ path: 'email', message: 'must be an e-mail address' }],
      instance: '/v1/auth/register',
    });
  });

  it('hides the message of an unknown error behind a bare 500', () => {
    const problem = toProblem(new Error('password=hunter2 in connection string'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('hunter2');
    expect(problem.code).toBe('internal');
  });

  it('maps each code to its status', () => {
    expect(new AppError('auth.rate_limited', 'slow down').status).toBe(429);
    expect(new AppError('resource.not_found', 'no such work').status).toBe(404);
  });
});
