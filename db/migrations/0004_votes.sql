CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`proposer_kind` text NOT NULL,
	`proposer_name` text NOT NULL,
	`proposer_person_id` integer,
	`seconders` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT '提出' NOT NULL,
	`amends_id` integer,
	`deferred_to_meeting_id` integer,
	`carried_from_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`proposer_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`amends_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`deferred_to_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`carried_from_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "proposals_status_check" CHECK("proposals"."status" in ('提出', '讨论中', '表决', '通过', '未通过', '撤回', '搁置'))
);
--> statement-breakpoint
CREATE INDEX `proposals_item` ON `proposals` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`responsible` text,
	`deadline` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resolutions_org_year_seq` ON `resolutions` (`org_id`,`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `resolutions_vote` ON `resolutions` (`vote_id`);--> statement-breakpoint
CREATE TABLE `vote_choices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`choice` text NOT NULL,
	`via_proxy_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_choices_vote_person` ON `vote_choices` (`vote_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `vote_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_options_vote_proposal` ON `vote_options` (`vote_id`,`proposal_id`);--> statement-breakpoint
CREATE TABLE `vote_proxies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`grantor_person_id` integer NOT NULL,
	`holder_person_id` integer NOT NULL,
	`document` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`grantor_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`holder_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_proxies_vote_grantor` ON `vote_proxies` (`vote_id`,`grantor_person_id`);--> statement-breakpoint
CREATE TABLE `vote_tally_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`proposal_id` integer,
	`method` text NOT NULL,
	`status` text DEFAULT '进行中' NOT NULL,
	`expected` integer NOT NULL,
	`eligible` integer NOT NULL,
	`eligible_voters` text NOT NULL,
	`tally` text,
	`ballots` text,
	`tellers` text,
	`counters` text,
	`outcome` text,
	`winner_proposal_id` integer,
	`explanation` text,
	`opened_at` text NOT NULL,
	`confirmed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`winner_proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `votes_meeting` ON `votes` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `votes_open_proposal` ON `votes` (`proposal_id`) WHERE "votes"."status" = '进行中' and "votes"."proposal_id" is not null;