import { Migration } from '@mikro-orm/migrations';

export class Migration20261125220313 extends Migration {

  override name = 'Migration20261125220313';

  override up(): void | Promise<void> {
    this.addSql(`create table \`mentorships\` (\`id\` bigint unsigned not null auto_increment primary key, \`mentor_id\` bigint unsigned not null, \`mentee_id\` bigint unsigned not null, \`sender_id\` bigint unsigned not null, \`state\` enum('PENDING','ACCEPTED','REJECTED','CANCELLED','COMPLETED') not null default 'PENDING', \`end_date\` datetime not null, \`notes\` varchar(1000) null, \`accepted_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`mentorships\` add index \`mentorships_mentor_id_index\` (\`mentor_id\`);`);
    this.addSql(`alter table \`mentorships\` add index \`mentorships_mentee_id_index\` (\`mentee_id\`);`);
    this.addSql(`alter table \`mentorships\` add index \`mentorships_sender_id_index\` (\`sender_id\`);`);
    this.addSql(`alter table \`mentorships\` add index \`mentorships_mentor_state_index\` (\`mentor_id\`, \`state\`);`);
    this.addSql(`alter table \`mentorships\` add index \`mentorships_mentee_state_index\` (\`mentee_id\`, \`state\`);`);

    this.addSql(`create table \`mentorship_tasks\` (\`id\` bigint unsigned not null auto_increment primary key, \`mentorship_id\` bigint unsigned not null, \`created_by_id\` bigint unsigned not null, \`description\` varchar(500) not null, \`completed_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`mentorship_tasks\` add index \`mentorship_tasks_mentorship_id_index\` (\`mentorship_id\`);`);
    this.addSql(`alter table \`mentorship_tasks\` add index \`mentorship_tasks_created_by_id_index\` (\`created_by_id\`);`);

    this.addSql(`create table \`task_comments\` (\`id\` bigint unsigned not null auto_increment primary key, \`task_id\` bigint unsigned not null, \`author_id\` bigint unsigned not null, \`body\` varchar(2000) not null, \`created_at\` datetime not null, \`updated_at\` datetime not null) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`task_comments\` add index \`task_comments_task_id_index\` (\`task_id\`);`);
    this.addSql(`alter table \`task_comments\` add index \`task_comments_author_id_index\` (\`author_id\`);`);

    this.addSql(`alter table \`users\` add \`email_on_mentorship\` tinyint(1) not null default true, add \`available_to_mentor\` tinyint(1) not null default false, add \`needs_mentoring\` tinyint(1) not null default false, add \`interests\` varchar(500) null, add \`skills\` varchar(500) null;`);

    this.addSql(`alter table \`mentorships\` add constraint \`mentorships_mentor_id_foreign\` foreign key (\`mentor_id\`) references \`users\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`mentorships\` add constraint \`mentorships_mentee_id_foreign\` foreign key (\`mentee_id\`) references \`users\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`mentorships\` add constraint \`mentorships_sender_id_foreign\` foreign key (\`sender_id\`) references \`users\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`mentorship_tasks\` add constraint \`mentorship_tasks_mentorship_id_foreign\` foreign key (\`mentorship_id\`) references \`mentorships\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`mentorship_tasks\` add constraint \`mentorship_tasks_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`users\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`task_comments\` add constraint \`task_comments_task_id_foreign\` foreign key (\`task_id\`) references \`mentorship_tasks\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`task_comments\` add constraint \`task_comments_author_id_foreign\` foreign key (\`author_id\`) references \`users\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`mentorship_tasks\` drop foreign key \`mentorship_tasks_mentorship_id_foreign\`;`);
    this.addSql(`alter table \`task_comments\` drop foreign key \`task_comments_task_id_foreign\`;`);

    this.addSql(`drop table if exists \`mentorships\`;`);
    this.addSql(`drop table if exists \`mentorship_tasks\`;`);
    this.addSql(`drop table if exists \`task_comments\`;`);

    this.addSql(`alter table \`users\` drop column \`email_on_mentorship\`, drop column \`available_to_mentor\`, drop column \`needs_mentoring\`, drop column \`interests\`, drop column \`skills\`;`);
  }

}
