ALTER TABLE `people` ADD `address` text;--> statement-breakpoint
ALTER TABLE `people` ADD `relation_to_head` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `ticket_number` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `caller_name` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `caller_phone` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `reply_due_on` text;--> statement-breakpoint
CREATE INDEX `topics_org_reply_due` ON `topics` (`org_id`,`reply_due_on`) WHERE "topics"."reply_due_on" is not null;