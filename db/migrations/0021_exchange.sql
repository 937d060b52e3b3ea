CREATE TABLE `exchange_identity` (
	`org_id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key_pem` text NOT NULL,
	`key_created_at` text NOT NULL,
	`hub_id` text,
	`hub_name` text,
	`hub_public_key` text,
	`community_id` text,
	`hub_url` text,
	`enrolled_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `exchange_received` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`hash` text NOT NULL,
	`created_at` text NOT NULL,
	`acknowledged_sequence` integer NOT NULL,
	`counts` text NOT NULL,
	`received_how` text NOT NULL,
	`applied_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_received_org_sequence` ON `exchange_received` (`org_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `exchange_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`created_at` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`counts` text NOT NULL,
	`package_text` text NOT NULL,
	`sent_how` text NOT NULL,
	`acknowledged_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "exchange_sent_how_check" CHECK("exchange_sent"."sent_how" in ('文件', '网络'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_sent_org_sequence` ON `exchange_sent` (`org_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `exchange_sent_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sent_id` integer NOT NULL,
	`uid` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`sent_id`) REFERENCES `exchange_sent`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_sent_records_sent_uid` ON `exchange_sent_records` (`sent_id`,`uid`);--> statement-breakpoint
CREATE INDEX `exchange_sent_records_uid` ON `exchange_sent_records` (`uid`);--> statement-breakpoint
CREATE TABLE `filing_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` integer NOT NULL,
	`uid` text NOT NULL,
	`record_hash` text NOT NULL,
	`decision` text NOT NULL,
	`reasons` text,
	`reviewed_on` text NOT NULL,
	`reviewer` text NOT NULL,
	`authority` text NOT NULL,
	`receipt_no` text,
	`received_id` integer NOT NULL,
	`applied_at` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`received_id`) REFERENCES `exchange_received`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `filing_reviews_uid_hash` ON `filing_reviews` (`uid`,`record_hash`);--> statement-breakpoint
CREATE INDEX `filing_reviews_doc` ON `filing_reviews` (`doc_id`);--> statement-breakpoint
CREATE TABLE `summons_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`summons_id` integer NOT NULL,
	`uid` text NOT NULL,
	`record_hash` text NOT NULL,
	`department` text NOT NULL,
	`reported_at` text,
	`answer` text,
	`answered_at` text,
	`by` text NOT NULL,
	`received_id` integer NOT NULL,
	`applied_at` text NOT NULL,
	FOREIGN KEY (`summons_id`) REFERENCES `summons`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`received_id`) REFERENCES `exchange_received`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `summons_replies_uid_hash` ON `summons_replies` (`uid`,`record_hash`);--> statement-breakpoint
CREATE INDEX `summons_replies_summons` ON `summons_replies` (`summons_id`);--> statement-breakpoint
-- Issue 18: what was sent to and received from the street hub is a record: appended, never removed.
-- A sent package changes only when the hub acknowledges it (acknowledged_at) or it is sent again online (sent_how).
CREATE TRIGGER `exchange_sent_fixed` BEFORE UPDATE ON `exchange_sent`
WHEN NEW.`package_text` IS NOT OLD.`package_text` OR NEW.`sequence` IS NOT OLD.`sequence` OR NEW.`sha256` IS NOT OLD.`sha256`
  OR NEW.`org_id` IS NOT OLD.`org_id` OR NEW.`created_at` IS NOT OLD.`created_at` OR NEW.`file_name` IS NOT OLD.`file_name` OR NEW.`counts` IS NOT OLD.`counts`
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_sent_no_delete` BEFORE DELETE ON `exchange_sent`
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包记录不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_sent_records_no_update` BEFORE UPDATE ON `exchange_sent_records`
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包记录不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_sent_records_no_delete` BEFORE DELETE ON `exchange_sent_records`
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包记录不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_received_no_update` BEFORE UPDATE ON `exchange_received`
BEGIN
  SELECT RAISE(ABORT, '已接收的回执包记录不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_received_no_delete` BEFORE DELETE ON `exchange_received`
BEGIN
  SELECT RAISE(ABORT, '已接收的回执包记录不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `filing_reviews_no_update` BEFORE UPDATE ON `filing_reviews`
BEGIN
  SELECT RAISE(ABORT, '备案审查意见不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `filing_reviews_no_delete` BEFORE DELETE ON `filing_reviews`
BEGIN
  SELECT RAISE(ABORT, '备案审查意见不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `summons_replies_no_update` BEFORE UPDATE ON `summons_replies`
BEGIN
  SELECT RAISE(ABORT, '部门报到和答复记录不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `summons_replies_no_delete` BEFORE DELETE ON `summons_replies`
BEGIN
  SELECT RAISE(ABORT, '部门报到和答复记录不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_sent_no_replace` BEFORE INSERT ON `exchange_sent` WHEN EXISTS (SELECT 1 FROM `exchange_sent` o WHERE o.`id` = NEW.`id` OR (o.`org_id` = NEW.`org_id` AND o.`sequence` = NEW.`sequence`))
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_sent_records_no_replace` BEFORE INSERT ON `exchange_sent_records` WHEN EXISTS (SELECT 1 FROM `exchange_sent_records` o WHERE o.`id` = NEW.`id` OR (o.`sent_id` = NEW.`sent_id` AND o.`uid` = NEW.`uid`))
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包记录不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_received_no_replace` BEFORE INSERT ON `exchange_received` WHEN EXISTS (SELECT 1 FROM `exchange_received` o WHERE o.`id` = NEW.`id` OR (o.`org_id` = NEW.`org_id` AND o.`sequence` = NEW.`sequence`))
BEGIN
  SELECT RAISE(ABORT, '已接收的回执包记录不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `filing_reviews_no_replace` BEFORE INSERT ON `filing_reviews` WHEN EXISTS (SELECT 1 FROM `filing_reviews` o WHERE o.`id` = NEW.`id` OR (o.`uid` = NEW.`uid` AND o.`record_hash` = NEW.`record_hash`))
BEGIN
  SELECT RAISE(ABORT, '备案审查意见不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `summons_replies_no_replace` BEFORE INSERT ON `summons_replies` WHEN EXISTS (SELECT 1 FROM `summons_replies` o WHERE o.`id` = NEW.`id` OR (o.`uid` = NEW.`uid` AND o.`record_hash` = NEW.`record_hash`))
BEGIN
  SELECT RAISE(ABORT, '部门报到和答复记录不能替换');
END;
