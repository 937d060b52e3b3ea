CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before_json` text,
	`after_json` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`number` text NOT NULL,
	`address` text,
	`group_name` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_org_number` ON `households` (`org_id`,`number`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "organizations_kind_check" CHECK("organizations"."kind" in ('社区', '村', '街道', '乡镇'))
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`pinyin_keys` text NOT NULL,
	`gender` text,
	`birth_date` text,
	`household_id` integer,
	`group_name` text,
	`phone` text,
	`id_number` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT '在册' NOT NULL,
	`moved_at` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "people_gender_check" CHECK("people"."gender" is null or "people"."gender" in ('男', '女')),
	CONSTRAINT "people_status_check" CHECK("people"."status" in ('在册', '迁出'))
);
--> statement-breakpoint
CREATE INDEX `people_org_status_name` ON `people` (`org_id`,`status`,`name`);--> statement-breakpoint
CREATE INDEX `people_household` ON `people` (`household_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_org_id_number` ON `people` (`org_id`,`id_number`) WHERE "people"."id_number" is not null;--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
