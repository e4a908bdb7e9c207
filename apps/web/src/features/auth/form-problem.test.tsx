// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProblem } from '../../lib/problem.ts';
import { fieldMessage } from './field-message.ts';
import { FormProblem } from './form-problem.tsx';

const invalid = new ApiProblem({
  status: 400,
  code: 'request.invalid',
  title: 'Invalid request',
  detail: 'handle: is already taken; password: must be at least 10 characters long',
  fields: { handle: 'is already taken', password: 'must be at least 10 characters long' },
});

describe('FormProblem', () => {
  afterEach(cleanup);

  it('points to the fields when each message is already beside its field', () => {
    render(<FormProblem problem={invalid} shownFields={['handle', 'password']} />);
    expect(screen.getByRole('alert').textContent).toBe('Please check the fields marked below.');
  });

  it('gives the API’s sentence and the messages no field shows', () => {
    render(<FormProblem problem={invalid} shownFields={['handle']} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('handle: is already taken; password:');
    expect(alert.querySelector('li')?.textContent).toBe(
      'password: must be at least 10 characters long',
    );
  });
});

describe('fieldMessage', () => {
  it('makes the API’s phrase a sentence about the field', () => {
    expect(fieldMessage(invalid, 'handle', 'Handle')).toBe('Handle is already taken.');
    expect(fieldMessage(invalid, 'email', 'E-mail')).toBeUndefined();
    expect(fieldMessage(undefined, 'handle', 'Handle')).toBeUndefined();
  });
});
