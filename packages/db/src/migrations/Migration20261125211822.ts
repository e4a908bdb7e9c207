import { Migration } from '@mikro-orm/migrations';

export class Migration20261125211822 extends Migration {

  override name = 'Migration20261125211822';

  override up(): void | Promise<void> {
    this.addSql(`create table \`yjs_document\` (\`document_name\` varchar(100) not null, \`state\` longblob not null, \`last_update_id\` bigint not null default '0', \`updated_at\` datetime not null, primary key (\`document_name\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);

    this.addSql(`create table \`yjs_update\` (\`id\` bigint unsigned not null auto_increment primary key, \`document_name\` varchar(100) not null, \`update\` longblob not null, \`created_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`yjs_update\` add index \`yjs_update_document_name_index\` (\`document_name\`);`);

    this.addSql(`create table \`yjs_version\` (\`id\` bigint unsigned not null auto_increment primary key, \`document_name\` varchar(100) not null, \`name\` varchar(200) not null, \`state\` longblob not null, \`created_by_id\` bigint unsigned null, \`created_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`yjs_version\` add index \`yjs_version_created_by_id_index\` (\`created_by_id\`);`);
    this.addSql(`alter table \`yjs_version\` add index \`yjs_version_document_name_created_at_index\` (\`document_name\`, \`created_at\`);`);

    this.addSql(`alter table \`yjs_version\` add constraint \`yjs_version_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`users\` (\`id\`) on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`yjs_document\`;`);
    this.addSql(`drop table if exists \`yjs_update\`;`);
    this.addSql(`drop table if exists \`yjs_version\`;`);
  }

}
