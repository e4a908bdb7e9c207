import { createReadStream } from 'node:fs';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '@pluma/db';

export const SCRATCH_TABLE = 'hired_employees_load_data';

/** Creates the scratch table: the shape of hired_employees, indexes and foreign keys included. */
export async function createScratchTable(url: string): Promise<void> {
  const connection = await connect(url);
  try {
    await connection.query(`DROP TABLE IF EXISTS \`${SCRATCH_TABLE}\``);
    await connection.query(`CREATE TABLE \`${SCRATCH_TABLE}\` LIKE \`hired_employees\``);
    await connection.query(
      `ALTER TABLE \`${SCRATCH_TABLE}\` ADD FOREIGN KEY (\`department_id\`) REFERENCES \`departments\` (\`id\`), ADD FOREIGN KEY (\`job_id\`) REFERENCES \`jobs\` (\`id\`)`,
    );
  } finally {
    await connection.end();
  }
}

/** Loads a hired_employees CSV into the scratch table with LOAD DATA LOCAL INFILE; answers the seconds it took. */
export async function loadDataInfile(
  url: string,
  file: string,
): Promise<{ seconds: number; rows: number }> {
  const connection = await connect(url);
  try {
    await connection.query(`TRUNCATE TABLE \`${SCRATCH_TABLE}\``);
    const started = performance.now();
    await connection.query({
      sql:
        `LOAD DATA LOCAL INFILE 'hired_employees.csv' INTO TABLE \`${SCRATCH_TABLE}\` CHARACTER SET utf8mb4 ` +
        `FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' ` +
        "(`id`, `name`, @datetime, `department_id`, `job_id`) SET `datetime` = STR_TO_DATE(@datetime, '%Y-%m-%dT%H:%i:%sZ')",
      infileStreamFactory: () => createReadStream(file),
    });
    const seconds = (performance.now() - started) / 1000;
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${SCRATCH_TABLE}\``);
    return { seconds, rows: Number((rows as { n: number }[])[0]?.n ?? 0) };
  } finally {
    await connection.end();
  }
}

async function connect(url: string) {
  const endpoint = parseDatabaseUrl(url);
  return mysql.createConnection({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    ...(endpoint.password === undefined ? {} : { password: endpoint.password }),
    database: endpoint.dbName,
    flags: ['+LOCAL_FILES'],
  });
}
