import { Migration } from '@mikro-orm/migrations';

export class Migration20261125212715 extends Migration {

  override name = 'Migration20261125212715';

  override up(): void | Promise<void> {
    this.addSql(`create table \`readings\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` bigint unsigned not null, \`work_id\` bigint unsigned not null, \`page_id\` bigint unsigned not null, \`position\` int unsigned not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`readings\` add index \`readings_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`readings\` add index \`readings_work_id_index\` (\`work_id\`);`);
    this.addSql(`alter table \`readings\` add index \`readings_page_id_index\` (\`page_id\`);`);
    this.addSql(`alter table \`readings\` add index \`readings_user_id_updated_at_index\` (\`user_id\`, \`updated_at\`);`);
    this.addSql(`alter table \`readings\` add unique \`readings_user_work_unique\` (\`user_id\`, \`work_id\`);`);

    this.addSql(`create table \`published_pages\` (\`id\` bigint unsigned not null auto_increment primary key, \`page_id\` bigint unsigned not null, \`work_id\` bigint unsigned not null, \`title\` varchar(200) not null, \`position\` int not null, \`json\` json not null, \`html\` mediumtext not null, \`text\` mediumtext not null, \`published_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`published_pages\` add unique \`published_pages_page_id_unique\` (\`page_id\`);`);
    this.addSql(`alter table \`published_pages\` add index \`published_pages_work_id_index\` (\`work_id\`);`);
    this.addSql(`alter table \`published_pages\` add index \`published_pages_work_id_position_index\` (\`work_id\`, \`position\`);`);

    this.addSql(`alter table \`readings\` add constraint \`readings_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`readings\` add constraint \`readings_work_id_foreign\` foreign key (\`work_id\`) references \`works\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`readings\` add constraint \`readings_page_id_foreign\` foreign key (\`page_id\`) references \`pages\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`published_pages\` add constraint \`published_pages_page_id_foreign\` foreign key (\`page_id\`) references \`pages\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`published_pages\` add constraint \`published_pages_work_id_foreign\` foreign key (\`work_id\`) references \`works\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`readings\`;`);
    this.addSql(`drop table if exists \`published_pages\`;`);
  }

}
