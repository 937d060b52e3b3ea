ALTER TABLE `meetings` ADD `expected_manual` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `expected_reason` text;