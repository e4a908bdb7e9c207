import { Migration } from '@mikro-orm/migrations';

export class Migration20261125214647 extends Migration {

  override name = 'Migration20261125214647';

  override up(): void | Promise<void> {
    this.addSql(`create table \`sentence_sentiment\` (\`id\` bigint unsigned not null auto_increment primary key, \`sentence_hash\` varchar(64) not null, \`score\` double not null, \`label\` enum('positive','negative','neutral') not null, \`scored_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`sentence_sentiment\` add unique \`sentence_sentiment_sentence_hash_unique\` (\`sentence_hash\`);`);

    this.addSql(`create table \`page_sentiment\` (\`id\` bigint unsigned not null auto_increment primary key, \`page_id\` bigint unsigned not null, \`text_hash\` varchar(64) not null, \`sentences\` json not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`page_sentiment\` add unique \`page_sentiment_page_id_unique\` (\`page_id\`);`);

    this.addSql(`alter table \`page_sentiment\` add constraint \`page_sentiment_page_id_foreign\` foreign key (\`page_id\`) references \`pages\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`sentence_sentiment\`;`);
    this.addSql(`drop table if exists \`page_sentiment\`;`);
  }

}
