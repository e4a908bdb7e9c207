import { StartupError, describeEndpoint, reasonOf } from '@pluma/runtime';

/** Turns a MySQL connection failure into a one-line StartupError naming the variable, never the password. */
export function toDatabaseStartupError(
  error: unknown,
  url: string,
  variable = 'DATABASE_URL',
): StartupError {
  const reason = reasonOf(error);
  const where = describeEndpoint(url);
  let advice = 'start MySQL/MariaDB there or point the variable at a running server';
  if (reason === 'ER_ACCESS_DENIED_ERROR' || reason === 'ER_DBACCESS_DENIED_ERROR') {
    advice = 'check the user and password in the URL';
  } else if (reason === 'ENOTFOUND' || reason === 'EAI_AGAIN') {
    advice = 'the host name does not resolve; fix the host in the URL';
  }
  return new StartupError(`${variable}: cannot use MySQL at ${where} (${reason}); ${advice}.`, {
    cause: error,
  });
}
