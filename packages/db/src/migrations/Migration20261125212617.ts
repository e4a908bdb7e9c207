import { Migration } from '@mikro-orm/migrations';

export class Migration20261125212617 extends Migration {

  override name = 'Migration20261125212617';

  override up(): void | Promise<void> {
    this.addSql(`create table \`sessions\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` bigint unsigned not null, \`family_id\` varchar(36) not null, \`token_hash\` varchar(64) not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`revoked_at\` datetime null, \`user_agent\` varchar(255) null, \`created_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`sessions\` add index \`sessions_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`sessions\` add index \`sessions_family_id_index\` (\`family_id\`);`);
    this.addSql(`alter table \`sessions\` add unique \`sessions_token_hash_unique\` (\`token_hash\`);`);

    this.addSql(`create table \`email_tokens\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` bigint unsigned not null, \`purpose\` enum('verify-email','password-reset') not null, \`token_hash\` varchar(64) not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`email_tokens\` add index \`email_tokens_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`email_tokens\` add unique \`email_tokens_token_hash_unique\` (\`token_hash\`);`);
    this.addSql(`alter table \`email_tokens\` add index \`email_tokens_user_id_purpose_index\` (\`user_id\`, \`purpose\`);`);

    this.addSql(`alter table \`users\` add \`avatar_key\` varchar(255) null, add \`email_on_new_follower\` tinyint(1) not null default true, add \`email_on_new_publication\` tinyint(1) not null default true, add \`deleted_at\` datetime null;`);

    this.addSql(`alter table \`sessions\` add constraint \`sessions_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`email_tokens\` add constraint \`email_tokens_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`sessions\`;`);
    this.addSql(`drop table if exists \`email_tokens\`;`);

    this.addSql(`alter table \`users\` drop column \`avatar_key\`, drop column \`email_on_new_follower\`, drop column \`email_on_new_publication\`, drop column \`deleted_at\`;`);
  }

}
