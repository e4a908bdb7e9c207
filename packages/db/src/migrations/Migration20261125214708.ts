import { Migration } from '@mikro-orm/migrations';

export class Migration20261125214708 extends Migration {

  override name = 'Migration20261125214708';

  override up(): void | Promise<void> {
    this.addSql(`create table \`notifications\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` bigint unsigned not null, \`public_id\` varchar(64) not null, \`type\` varchar(64) not null, \`payload\` json not null, \`created_at\` datetime not null, \`read_at\` datetime null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`notifications\` add index \`notifications_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`notifications\` add index \`notifications_user_read_at_index\` (\`user_id\`, \`read_at\`);`);
    this.addSql(`alter table \`notifications\` add unique \`notifications_user_public_id_unique\` (\`user_id\`, \`public_id\`);`);

    this.addSql(`create table \`follows\` (\`id\` bigint unsigned not null auto_increment primary key, \`follower_id\` bigint unsigned not null, \`followee_id\` bigint unsigned not null, \`created_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`follows\` add index \`follows_follower_id_index\` (\`follower_id\`);`);
    this.addSql(`alter table \`follows\` add index \`follows_followee_id_index\` (\`followee_id\`);`);
    this.addSql(`alter table \`follows\` add index \`follows_followee_follower_index\` (\`followee_id\`, \`follower_id\`);`);
    this.addSql(`alter table \`follows\` add unique \`follows_follower_followee_unique\` (\`follower_id\`, \`followee_id\`);`);

    this.addSql(`alter table \`notifications\` add constraint \`notifications_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`follows\` add constraint \`follows_follower_id_foreign\` foreign key (\`follower_id\`) references \`users\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`follows\` add constraint \`follows_followee_id_foreign\` foreign key (\`followee_id\`) references \`users\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`notifications\`;`);
    this.addSql(`drop table if exists \`follows\`;`);
  }

}
