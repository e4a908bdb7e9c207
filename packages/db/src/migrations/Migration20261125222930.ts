import { Migration } from '@mikro-orm/migrations';

export class Migration20261125222930 extends Migration {

  override name = 'Migration20261125222930';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`search_documents\` add \`is_public\` tinyint(1) not null default false;`);
    // Rows indexed before the flag existed: public as the live tables say now.
    this.addSql(`update \`search_documents\` d left join \`works\` w on w.id = d.work_id left join \`users\` u on u.id = d.user_id set d.is_public = if(d.kind = 'author', u.deleted_at is null and exists (select 1 from \`works\` o where o.owner_id = d.user_id and o.published_at is not null), w.published_at is not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`search_documents\` drop column \`is_public\`;`);
  }

}
