CREATE TABLE `organization_profiles` (
	`org_id` integer PRIMARY KEY NOT NULL,
	`committee_name` text NOT NULL,
	`party_org_name` text NOT NULL,
	`address` text,
	`director_name` text,
	`party_secretary_name` text,
	`phone` text,
	`default_recorder` text,
	`superior_name` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
ALTER TABLE `minutes_reviews` ADD `snapshot` text;--> statement-breakpoint
ALTER TABLE `minutes_reviews` ADD `attendee_list` text;