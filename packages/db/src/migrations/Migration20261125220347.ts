import { Migration } from '@mikro-orm/migrations';

export class Migration20261125220347 extends Migration {

  override name = 'Migration20261125220347';

  override up(): void | Promise<void> {
    this.addSql(`create table \`search_documents\` (\`id\` bigint unsigned not null auto_increment primary key, \`ref_key\` varchar(40) not null, \`kind\` enum('work','page','author') not null, \`work_id\` bigint unsigned null, \`page_id\` bigint unsigned null, \`user_id\` bigint unsigned null, \`title\` varchar(200) collate utf8mb4_unicode_ci not null, \`body\` mediumtext collate utf8mb4_unicode_ci not null, \`indexed_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`search_documents\` add unique \`search_documents_ref_key_unique\` (\`ref_key\`);`);
    this.addSql(`alter table \`search_documents\` add index \`search_documents_work_id_index\` (\`work_id\`);`);
    this.addSql(`alter table \`search_documents\` add index \`search_documents_page_id_index\` (\`page_id\`);`);
    this.addSql(`alter table \`search_documents\` add index \`search_documents_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`search_documents\` add fulltext index \`search_documents_title_fulltext\`(\`title\`);`);
    this.addSql(`alter table \`search_documents\` add fulltext index \`search_documents_title_body_fulltext\`(\`title\`,\`body\`);`);

    this.addSql(`alter table \`search_documents\` add constraint \`search_documents_work_id_foreign\` foreign key (\`work_id\`) references \`works\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`search_documents\` add constraint \`search_documents_page_id_foreign\` foreign key (\`page_id\`) references \`pages\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`search_documents\` add constraint \`search_documents_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`search_documents\`;`);
  }

}
