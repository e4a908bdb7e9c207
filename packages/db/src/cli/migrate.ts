// `npm run db:migrate`: applies pending migrations to DATABASE_URL (creating the database if needed).
import { DbConfigSchema, loadConfig } from '@pluma/config';
import { runMain } from '@pluma/runtime';
import { createOrm } from '../orm.ts';
import { migrate } from '../migrate.ts';

runMain('db:migrate', async () => {
  const config = loadConfig(DbConfigSchema);
  const orm = await createOrm({ url: config.DATABASE_URL });
  try {
    const applied = await migrate(orm, config.DATABASE_URL);
    process.stdout.write(
      applied.length
        ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n`
        : 'database is up to date\n',
    );
  } finally {
    await orm.close();
  }
});
