import { Migration } from '@mikro-orm/migrations';

export class Migration20261125212859 extends Migration {

  override name = 'Migration20261125212859';

  override up(): void | Promise<void> {
    this.addSql(`create table \`departments\` (\`id\` int unsigned not null, \`department\` varchar(200) not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);

    this.addSql(`create table \`jobs\` (\`id\` int unsigned not null, \`job\` varchar(200) not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);

    this.addSql(`create table \`hired_employees\` (\`id\` int unsigned not null, \`name\` varchar(200) not null, \`datetime\` datetime not null, \`department_id\` int unsigned not null, \`job_id\` int unsigned not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`hired_employees\` add index \`hired_employees_department_id_index\` (\`department_id\`);`);
    this.addSql(`alter table \`hired_employees\` add index \`hired_employees_job_id_index\` (\`job_id\`);`);
    this.addSql(`alter table \`hired_employees\` add index \`hired_employees_datetime_index\` (\`datetime\`);`);

    this.addSql(`create table \`uploads\` (\`id\` bigint unsigned not null auto_increment primary key, \`owner_id\` bigint unsigned not null, \`dataset\` varchar(32) not null, \`status\` enum('receiving','queued','processing','succeeded','failed') not null default 'receiving', \`object_key\` varchar(200) not null, \`size_bytes\` bigint null, \`rows_read\` int not null default 0, \`rows_inserted\` int not null default 0, \`rows_rejected\` int not null default 0, \`progress\` smallint not null default 0, \`failure_reason\` text null, \`created_at\` datetime not null, \`queued_at\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`uploads\` add index \`uploads_owner_id_index\` (\`owner_id\`);`);

    this.addSql(`create table \`upload_rejections\` (\`upload_id\` bigint unsigned not null, \`line\` int unsigned not null, \`reason\` varchar(300) not null, \`raw\` text not null, primary key (\`upload_id\`, \`line\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`upload_rejections\` add index \`upload_rejections_upload_id_index\` (\`upload_id\`);`);

    this.addSql(`create table \`upload_batches\` (\`upload_id\` bigint unsigned not null, \`batch_no\` int unsigned not null, \`first_line\` int not null, \`last_line\` int not null, \`end_byte\` bigint not null, \`rows_read\` int not null, \`rows_inserted\` int not null, \`rows_rejected\` int not null, \`committed_at\` datetime not null, primary key (\`upload_id\`, \`batch_no\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`upload_batches\` add index \`upload_batches_upload_id_index\` (\`upload_id\`);`);

    this.addSql(`alter table \`hired_employees\` add constraint \`hired_employees_department_id_foreign\` foreign key (\`department_id\`) references \`departments\` (\`id\`);`);
    this.addSql(`alter table \`hired_employees\` add constraint \`hired_employees_job_id_foreign\` foreign key (\`job_id\`) references \`jobs\` (\`id\`);`);

    this.addSql(`alter table \`uploads\` add constraint \`uploads_owner_id_foreign\` foreign key (\`owner_id\`) references \`users\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`upload_rejections\` add constraint \`upload_rejections_upload_id_foreign\` foreign key (\`upload_id\`) references \`uploads\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`upload_batches\` add constraint \`upload_batches_upload_id_foreign\` foreign key (\`upload_id\`) references \`uploads\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`hired_employees\` drop foreign key \`hired_employees_department_id_foreign\`;`);
    this.addSql(`alter table \`hired_employees\` drop foreign key \`hired_employees_job_id_foreign\`;`);
    this.addSql(`alter table \`upload_rejections\` drop foreign key \`upload_rejections_upload_id_foreign\`;`);
    this.addSql(`alter table \`upload_batches\` drop foreign key \`upload_batches_upload_id_foreign\`;`);

    this.addSql(`drop table if exists \`departments\`;`);
    this.addSql(`drop table if exists \`jobs\`;`);
    this.addSql(`drop table if exists \`hired_employees\`;`);
    this.addSql(`drop table if exists \`uploads\`;`);
    this.addSql(`drop table if exists \`upload_rejections\`;`);
    this.addSql(`drop table if exists \`upload_batches\`;`);
  }

}
