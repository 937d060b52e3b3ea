CREATE TABLE `rule_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`action` text NOT NULL,
	`article_id` integer,
	`chapter_id` integer,
	`article_label` text,
	`text` text NOT NULL,
	`proposer` text NOT NULL,
	`reason` text,
	`status` text DEFAULT '待处理' NOT NULL,
	`proposal_id` integer,
	`decided_on` text,
	`decision_note` text,
	`applied_article_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`article_id`) REFERENCES `rule_articles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`chapter_id`) REFERENCES `rule_chapters`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_amendments_doc` ON `rule_amendments` (`doc_id`);--> statement-breakpoint
CREATE TABLE `rule_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`chapter_id` integer,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`chapter_id`) REFERENCES `rule_chapters`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_articles_doc` ON `rule_articles` (`doc_id`);--> statement-breakpoint
CREATE TABLE `rule_chapters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_chapters_doc` ON `rule_chapters` (`doc_id`);--> statement-breakpoint
CREATE TABLE `rule_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`publicity_first` integer DEFAULT false NOT NULL,
	`stage` text NOT NULL,
	`filing_days` integer DEFAULT 10 NOT NULL,
	`adopted_vote_id` integer,
	`adopted_on` text,
	`delegation_basis` text,
	`present_count` integer,
	`women_present` integer,
	`filing_due` text,
	`filing_authority` text,
	`filed_on` text,
	`filing_receipt_no` text,
	`published_on` text,
	`published_place` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`adopted_vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_documents_org` ON `rule_documents` (`org_id`);--> statement-breakpoint
CREATE TABLE `rule_flag_clearances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`term` text NOT NULL,
	`text_hash` text NOT NULL,
	`justification` text NOT NULL,
	`by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_flag_clearances_doc` ON `rule_flag_clearances` (`doc_id`);--> statement-breakpoint
CREATE TABLE `rule_opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`article_id` integer,
	`article_label` text,
	`person_id` integer,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`received_on` text NOT NULL,
	`content` text NOT NULL,
	`disposition` text DEFAULT '待处理' NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`article_id`) REFERENCES `rule_articles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_opinions_doc` ON `rule_opinions` (`doc_id`);--> statement-breakpoint
CREATE TABLE `rule_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`cycle` integer DEFAULT 1 NOT NULL,
	`stage` text NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`authority` text,
	`opinion` text,
	`outcome_date` text,
	`meeting_id` integer,
	`vote_id` integer,
	`version_id` integer,
	`receipt_no` text,
	`by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`version_id`) REFERENCES `rule_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rule_steps_doc` ON `rule_steps` (`doc_id`);--> statement-breakpoint
CREATE TABLE `rule_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`note` text,
	`snapshot` text NOT NULL,
	`by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_versions_seq` ON `rule_versions` (`doc_id`,`seq`);