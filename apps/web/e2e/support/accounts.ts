// Accounts for browser tests, made through the real API and the real mail catcher.
import { newClientAddress, origin } from './origin.ts';

export interface CaughtMail {
  id: number;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Account {
  email: string;
  password: string;
  handle: string;
  displayName: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  /** The value the web app keeps in localStorage under `pluma.session`. */
  sessionTokens(): { accessToken: string; refreshToken: string; expiresAt: number };
  /** A request to the API as this account. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

let counter = 0;

/** A handle and e-mail no other test uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}${counter}`
    .toLowerCase()
    .slice(0, 32);
}

/** Polls the mail catcher (`/_dev/mail/messages.json` on the origin) for a message to `email`. */
export async function waitForMail(
  email: string,
  match: (mail: CaughtMail) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${origin()}/_dev/mail/messages.json`);
    const messages = (await res.json()) as CaughtMail[];
    const found = messages
      .filter((mail) => mail.to.some((to) => to.toLowerCase().includes(email.toLowerCase())))
      .filter(match)
      .at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${email} within ${timeoutMs / 1000} s`);
}

/** The first link in a mail whose path starts with `path` (e.g. `/verify`). */
export function linkIn(mail: CaughtMail, path: string): string {
  const links = `${mail.text}\n${mail.html}`.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  const link = links.find((candidate) => new URL(candidate).pathname === path);
  if (!link) throw new Error(`no ${path} link in "${mail.subject}"`);
  return link.replace(/&amp;/g, '&');
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  address?: string,
): Promise<T> {
  const res = await fetch(`${origin()}/v1${path}`, {
    method,
    headers: {
      ...(address ? { 'x-forwarded-for': address } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Registers, verifies through the mailed link's token and signs in: a ready account. */
export async function createVerifiedAccount(prefix = 'writer'): Promise<Account> {
  const handle = uniqueName(prefix);
  const email = `${handle}@example.com`;
  const password = `quill ${handle} ink and paper`;
  const displayName = `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${handle.slice(-4)}`;
  const address = newClientAddress();
  await call(
    'POST',
    '/auth/register',
    { email, password, displayName, handle },
    undefined,
    address,
  );
  const mail = await waitForMail(email, (m) => /confirm/i.test(m.subject));
  const token = new URL(linkIn(mail, '/verify')).searchParams.get('token');
  await call('POST', '/auth/verify', { token }, undefined, address);
  const tokens = await call<{ accessToken: string; refreshToken: string; expiresIn: number }>(
    'POST',
    '/auth/login',
    { email, password },
    undefined,
    address,
  );
  return {
    email,
    password,
    handle,
    displayName,
    ...tokens,
    sessionTokens: () => ({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    }),
    api: (method, path, body) => call(method, path, body, tokens.accessToken, address),
  };
}
