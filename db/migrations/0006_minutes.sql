CREATE TABLE `meeting_addenda` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`date` text NOT NULL,
	`text` text NOT NULL,
	`by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_addenda_meeting` ON `meeting_addenda` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `minutes_reviews` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`status` text DEFAULT '草稿' NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	`reviewer` text,
	`returned_note` text,
	`approved_at` text,
	`approved_by` text,
	`file_hash` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict
);
