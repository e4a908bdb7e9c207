// The baseline: stock Hocuspocus with @hocuspocus/extension-database storing the full
// document state, debounced (Hocuspocus defaults: 2 s debounce, 10 s max) — what a user
// would pick instead of Pluma's durable log. No authentication, no Redis.
// Env: DATABASE_URL (mysql://…/db), COLLAB_PORT.
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import mysql from 'mysql2/promise';

const TABLE = 'bench_stock_documents';

const databaseUrl = process.env['DATABASE_URL'];
const port = Number(process.env['COLLAB_PORT']);
if (!databaseUrl || !port) {
  console.error('stock-server: DATABASE_URL and COLLAB_PORT are required');
  process.exit(2);
}

const url = new URL(databaseUrl);
const pool = mysql.createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username) || 'root',
  password: decodeURIComponent(url.password),
  database: decodeURIComponent(url.pathname.slice(1)),
  connectionLimit: 10,
});

await pool.query(
  `CREATE TABLE IF NOT EXISTS ${TABLE} (
     name VARCHAR(191) NOT NULL PRIMARY KEY,
     state LONGBLOB NOT NULL,
     updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
   ) ENGINE=InnoDB`,
);

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [
    new Database({
      async fetch({ documentName }) {
        const [rows] = await pool.query(`SELECT state FROM ${TABLE} WHERE name = ?`, [
          documentName,
        ]);
        const row = (rows as { state: Buffer }[])[0];
        return row ? new Uint8Array(row.state) : null;
      },
      async store({ documentName, state }) {
        await pool.query(
          `INSERT INTO ${TABLE} (name, state) VALUES (?, ?) ON DUPLICATE KEY UPDATE state = VALUES(state)`,
          [documentName, state],
        );
      },
    }),
  ],
});

await server.listen();

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // destroy() unloads every document, which runs the pending debounced stores.
  await server.destroy();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
