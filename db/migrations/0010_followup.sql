CREATE TABLE `matter_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`matter_id` integer NOT NULL,
	`step` integer NOT NULL,
	`date` text NOT NULL,
	`form` text NOT NULL,
	`meeting_id` integer,
	`vote_id` integer,
	`notice_id` integer,
	`expected` integer,
	`present` integer,
	`content` text DEFAULT '' NOT NULL,
	`township_officials` text,
	`merged_with_previous` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "matter_steps_step_check" CHECK("matter_steps"."step" between 1 and 6)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matter_steps_matter_step` ON `matter_steps` (`matter_id`,`step`);--> statement-breakpoint
CREATE TABLE `matters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`title` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`category` text,
	`created_on` text NOT NULL,
	`both_posts_one_person` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`resolution_id` integer,
	`matter_id` integer,
	`title` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`posted_on` text NOT NULL,
	`period_days` integer NOT NULL,
	`place` text NOT NULL,
	`taken_down_on` text,
	`take_down_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "notices_kind_check" CHECK("notices"."kind" in ('决议公开', '实施结果公开', '其他'))
);
--> statement-breakpoint
CREATE INDEX `notices_org_posted` ON `notices` (`org_id`,`posted_on`);--> statement-breakpoint
CREATE TABLE `resolution_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resolution_id` integer NOT NULL,
	`date` text NOT NULL,
	`text` text NOT NULL,
	`percent` integer NOT NULL,
	`reason` text,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "resolution_progress_percent_check" CHECK("resolution_progress"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `resolution_progress_resolution` ON `resolution_progress` (`resolution_id`);--> statement-breakpoint
CREATE TABLE `summons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`topic_id` integer,
	`meeting_id` integer,
	`department` text NOT NULL,
	`contact` text,
	`summoned_at` text NOT NULL,
	`report_within_hours` integer NOT NULL,
	`reported_at` text,
	`commitment` text,
	`deadline` text,
	`result` text,
	`resolved` integer,
	`evaluation` text,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `summons_org_department` ON `summons` (`org_id`,`department`);--> statement-breakpoint
CREATE INDEX `summons_topic` ON `summons` (`topic_id`);--> statement-breakpoint
CREATE TABLE `topic_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`date` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `topic_events_topic` ON `topic_events` (`topic_id`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`raiser_kind` text NOT NULL,
	`raiser_person_id` integer,
	`raiser_name` text,
	`household_id` integer,
	`place` text,
	`category` text,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`attachments` text DEFAULT '[]' NOT NULL,
	`urgency` text DEFAULT '一般' NOT NULL,
	`status` text DEFAULT '待分办' NOT NULL,
	`reply` text,
	`reject_reason` text,
	`result` text,
	`merged_into_id` integer,
	`satisfaction` text,
	`feedback_note` text,
	`feedback_on` text,
	`closed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`raiser_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`merged_into_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "topics_status_check" CHECK("topics"."status" in ('待分办', '已纳入议程', '转部门办理', '已答复', '已合并', '不予受理', '已办结')),
	CONSTRAINT "topics_urgency_check" CHECK("topics"."urgency" in ('一般', '较急', '紧急'))
);
--> statement-breakpoint
CREATE INDEX `topics_org_status` ON `topics` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `topics_org_received` ON `topics` (`org_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `topics_person` ON `topics` (`raiser_person_id`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `topic_id` integer REFERENCES topics(id);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `resolution_id` integer REFERENCES resolutions(id);--> statement-breakpoint
ALTER TABLE `resolutions` ADD `completed_on` text;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `result` text;