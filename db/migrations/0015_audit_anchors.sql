CREATE TABLE `audit_anchors` (
	`kind` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`last_id` integer NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
ALTER TABLE `minutes_reviews` ADD `audit_count` integer;--> statement-breakpoint
ALTER TABLE `minutes_reviews` ADD `audit_hash` text;
--> statement-breakpoint
-- The trail as it stands when this version first opens the file is the first anchor.
INSERT INTO `audit_anchors` (`kind`, `count`, `last_id`, `hash`, `at`)
SELECT 'head', count(*), coalesce(max(`id`), 0), coalesce((SELECT `hash` FROM `audit_log` ORDER BY `id` DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `audit_log`;
