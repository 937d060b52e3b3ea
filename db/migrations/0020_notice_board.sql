ALTER TABLE `notices` ADD `posted_by` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `taken_down_by` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `posted_photos` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `notices` ADD `taken_down_photos` text DEFAULT '[]' NOT NULL;