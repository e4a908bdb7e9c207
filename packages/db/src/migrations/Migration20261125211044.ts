import { Migration } from '@mikro-orm/migrations';

export class Migration20261125211044 extends Migration {

  override name = 'Migration20261125211044';

  override up(): void | Promise<void> {
    this.addSql(`create table \`users\` (\`id\` bigint unsigned not null auto_increment primary key, \`email\` varchar(254) not null, \`handle\` varchar(32) not null, \`display_name\` varchar(100) not null, \`password_hash\` varchar(255) not null, \`email_verified_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`users\` add unique \`users_email_unique\` (\`email\`);`);
    this.addSql(`alter table \`users\` add unique \`users_handle_unique\` (\`handle\`);`);

    this.addSql(`create table \`works\` (\`id\` bigint unsigned not null auto_increment primary key, \`owner_id\` bigint unsigned not null, \`title\` varchar(200) not null, \`description\` text null, \`published_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`works\` add index \`works_owner_id_index\` (\`owner_id\`);`);
    this.addSql(`alter table \`works\` add index \`works_published_at_index\` (\`published_at\`);`);

    this.addSql(`create table \`pages\` (\`id\` bigint unsigned not null auto_increment primary key, \`work_id\` bigint unsigned not null, \`title\` varchar(200) not null, \`position\` int not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`pages\` add index \`pages_work_id_index\` (\`work_id\`);`);
    this.addSql(`alter table \`pages\` add index \`pages_work_id_position_index\` (\`work_id\`, \`position\`);`);

    this.addSql(`create table \`work_collaborators\` (\`id\` bigint unsigned not null auto_increment primary key, \`work_id\` bigint unsigned not null, \`user_id\` bigint unsigned not null, \`role\` enum('owner','editor','viewer') not null, \`created_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`work_collaborators\` add index \`work_collaborators_work_id_index\` (\`work_id\`);`);
    this.addSql(`alter table \`work_collaborators\` add index \`work_collaborators_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`work_collaborators\` add unique \`work_collaborators_work_user_unique\` (\`work_id\`, \`user_id\`);`);

    this.addSql(`alter table \`works\` add constraint \`works_owner_id_foreign\` foreign key (\`owner_id\`) references \`users\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`pages\` add constraint \`pages_work_id_foreign\` foreign key (\`work_id\`) references \`works\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`work_collaborators\` add constraint \`work_collaborators_work_id_foreign\` foreign key (\`work_id\`) references \`works\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`work_collaborators\` add constraint \`work_collaborators_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`works\` drop foreign key \`works_owner_id_foreign\`;`);
    this.addSql(`alter table \`work_collaborators\` drop foreign key \`work_collaborators_user_id_foreign\`;`);
    this.addSql(`alter table \`pages\` drop foreign key \`pages_work_id_foreign\`;`);
    this.addSql(`alter table \`work_collaborators\` drop foreign key \`work_collaborators_work_id_foreign\`;`);

    this.addSql(`drop table if exists \`users\`;`);
    this.addSql(`drop table if exists \`works\`;`);
    this.addSql(`drop table if exists \`pages\`;`);
    this.addSql(`drop table if exists \`work_collaborators\`;`);
  }

}
