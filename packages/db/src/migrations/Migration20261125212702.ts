import { Migration } from '@mikro-orm/migrations';

export class Migration20261125212702 extends Migration {

  override name = 'Migration20261125212702';

  override up(): void | Promise<void> {
    this.addSql(`create table \`genres\` (\`id\` int unsigned not null auto_increment primary key, \`slug\` varchar(40) not null, \`name\` varchar(80) not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`genres\` add unique \`genres_slug_unique\` (\`slug\`);`);

    this.addSql(`alter table \`works\` add \`genre_id\` int unsigned null, add \`cover_key\` varchar(300) null;`);
    this.addSql(`alter table \`works\` add constraint \`works_genre_id_foreign\` foreign key (\`genre_id\`) references \`genres\` (\`id\`) on delete set null;`);
    this.addSql(`alter table \`works\` add index \`works_genre_id_index\` (\`genre_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`works\` drop foreign key \`works_genre_id_foreign\`;`);

    this.addSql(`drop table if exists \`genres\`;`);

    this.addSql(`alter table \`works\` drop index \`works_genre_id_index\`;`);
    this.addSql(`alter table \`works\` drop column \`genre_id\`, drop column \`cover_key\`;`);
  }

}
