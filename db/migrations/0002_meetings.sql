CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`presenter` text,
	`planned_minutes` integer,
	`attachments` text DEFAULT '[]' NOT NULL,
	`needs_party_review` integer DEFAULT false NOT NULL,
	`party_review_item_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`party_review_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`person_id` integer,
	`household_id` integer,
	`name` text NOT NULL,
	`unit` text,
	`department` text,
	`status` text NOT NULL,
	`arrived_at` text,
	`left_at` text,
	`reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `attendance_meeting` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person` ON `attendance` (`meeting_id`,`person_id`) WHERE "attendance"."kind" = 'member' and "attendance"."household_id" is null and "attendance"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_household` ON `attendance` (`meeting_id`,`household_id`) WHERE "attendance"."kind" = 'member' and "attendance"."household_id" is not null;--> statement-breakpoint
CREATE TABLE `attendance_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`attendance_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`attendance_id`) REFERENCES `attendance`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `attendance_changes_attendance` ON `attendance_changes` (`attendance_id`);--> statement-breakpoint
CREATE TABLE `bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`term_start` text,
	`term_end` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `body_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`joined_on` text,
	`left_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `body_members_body_person` ON `body_members` (`body_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer,
	`code` text,
	`name` text NOT NULL,
	`copied_from_id` integer,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`copied_from_id`) REFERENCES `meeting_types`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_types_code` ON `meeting_types` (`code`) WHERE "meeting_types"."code" is not null;--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`meeting_type_id` integer NOT NULL,
	`rule_set_id` integer NOT NULL,
	`rule_set_snapshot` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`place` text,
	`chair_name` text,
	`recorder_name` text,
	`basis` text NOT NULL,
	`body_id` integer,
	`group_name` text,
	`status` text DEFAULT '草稿' NOT NULL,
	`notice_date` text,
	`urgent_reason` text,
	`expected_count` integer,
	`started_at` text,
	`ended_at` text,
	`finalized_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`meeting_type_id`) REFERENCES `meeting_types`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`rule_set_id`) REFERENCES `rule_sets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" in ('草稿', '已通知', '进行中', '已结束', '已定稿'))
);
--> statement-breakpoint
CREATE INDEX `meetings_org_date` ON `meetings` (`org_id`,`date`);--> statement-breakpoint
CREATE TABLE `rule_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_type_id` integer NOT NULL,
	`label` text NOT NULL,
	`effective_from` text,
	`effective_to` text,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_type_id`) REFERENCES `meeting_types`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_sets_type` ON `rule_sets` (`meeting_type_id`);--> statement-breakpoint
CREATE TABLE `speeches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`speaker_person_id` integer,
	`speaker_name` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`speaker_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `speeches_item` ON `speeches` (`agenda_item_id`,`position`);