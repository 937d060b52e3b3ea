-- Issue 15: the door check-in reads one household's entry and counts the roll (households, or adults by birth date) from these indexes.
CREATE INDEX `people_org_status_household` ON `people` (`org_id`,`status`,`household_id`);--> statement-breakpoint
CREATE INDEX `people_org_status_birth` ON `people` (`org_id`,`status`,`birth_date`);