import { mkdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the catcher received, as a developer or a test reads it. */
export interface CaughtMail {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  /** Path of the raw .eml file, when the catcher keeps a folder. */
  file?: string;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  port: number;
  messages(): CaughtMail[];
  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Serves the inbox: GET / an HTML list, GET /messages.json, GET /messages/<id>.html. */
  handleHttp(req: IncomingMessage, res: ServerResponse, basePath: string): void;
  stop(): Promise<void>;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/**
 * A real SMTP server that accepts every message (no auth, no TLS) and keeps it in memory and,
 * when `directory` is given, as an .eml file there.
 */
export async function startMailCatcher(options: {
  port: number;
  directory?: string;
}): Promise<MailCatcher> {
  const received: CaughtMail[] = [];
  const waiters = new Set<{
    match: (m: CaughtMail) => boolean;
    resolve: (m: CaughtMail) => void;
  }>();
  if (options.directory) await mkdir(options.directory, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    async onData(stream, session, callback) {
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        const id = received.length + 1;
        const mail: CaughtMail = {
          id,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          receivedAt: new Date().toISOString(),
        };
        if (options.directory) {
          mail.file = join(options.directory, `${Date.now()}-${id}.eml`);
          await writeFile(mail.file, raw);
        }
        received.push(mail);
        for (const waiter of waiters) {
          if (waiter.match(mail)) {
            waiters.delete(waiter);
            waiter.resolve(mail);
          }
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages: () => [...received],
    waitFor(match, timeoutMs = 10_000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`no matching mail within ${timeoutMs} ms`));
        }, timeoutMs).unref();
      });
    },
    handleHttp(req, res, basePath) {
      const path = (req.url ?? '/').slice(basePath.length).split('?')[0] || '/';
      if (path === '/messages.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(received));
        return;
      }
      const one = /^\/messages\/(\d+)\.html$/.exec(path);
      if (one) {
        const mail = received.find((m) => m.id === Number(one[1]));
        res.writeHead(mail ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(mail ? mail.html || `<pre>${escapeHtml(mail.text)}</pre>` : 'not found');
        return;
      }
      const rows = [...received]
        .reverse()
        .map(
          (m) =>
            `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="${basePath}/messages/${m.id}.html">${escapeHtml(m.subject)}</a></td></tr>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><meta charset="utf-8"><title>Pluma mail catcher</title><h1>Mail sent by Pluma (${received.length})</h1>` +
          `<p>Every e-mail the platform sends locally lands here${options.directory ? ` and in ${escapeHtml(options.directory)}` : ''}.</p>` +
          `<table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`,
      );
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
