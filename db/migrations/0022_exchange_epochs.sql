DROP INDEX `exchange_received_org_sequence`;--> statement-breakpoint
ALTER TABLE `exchange_received` ADD `epoch` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_received_org_epoch_sequence` ON `exchange_received` (`org_id`,`epoch`,`sequence`);--> statement-breakpoint
DROP INDEX `exchange_sent_org_sequence`;--> statement-breakpoint
ALTER TABLE `exchange_sent` ADD `epoch` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_sent_org_epoch_sequence` ON `exchange_sent` (`org_id`,`epoch`,`sequence`);--> statement-breakpoint
ALTER TABLE `exchange_identity` ADD `epoch` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `exchange_identity` ADD `pending_public_key` text;--> statement-breakpoint
ALTER TABLE `exchange_identity` ADD `pending_private_key_pem` text;--> statement-breakpoint
ALTER TABLE `exchange_identity` ADD `pending_created_at` text;--> statement-breakpoint
-- Issue 18, 重新登记: sequences count per key epoch. The append-only triggers now compare (org, epoch, sequence) and keep the epoch fixed.
DROP TRIGGER `exchange_sent_fixed`;--> statement-breakpoint
CREATE TRIGGER `exchange_sent_fixed` BEFORE UPDATE ON `exchange_sent`
WHEN NEW.`package_text` IS NOT OLD.`package_text` OR NEW.`sequence` IS NOT OLD.`sequence` OR NEW.`epoch` IS NOT OLD.`epoch` OR NEW.`sha256` IS NOT OLD.`sha256`
  OR NEW.`org_id` IS NOT OLD.`org_id` OR NEW.`created_at` IS NOT OLD.`created_at` OR NEW.`file_name` IS NOT OLD.`file_name` OR NEW.`counts` IS NOT OLD.`counts`
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包不能修改');
END;
--> statement-breakpoint
DROP TRIGGER `exchange_sent_no_replace`;--> statement-breakpoint
CREATE TRIGGER `exchange_sent_no_replace` BEFORE INSERT ON `exchange_sent` WHEN EXISTS (SELECT 1 FROM `exchange_sent` o WHERE o.`id` = NEW.`id` OR (o.`org_id` = NEW.`org_id` AND o.`epoch` = NEW.`epoch` AND o.`sequence` = NEW.`sequence`))
BEGIN
  SELECT RAISE(ABORT, '已报送的报送包不能替换');
END;
--> statement-breakpoint
DROP TRIGGER `exchange_received_no_replace`;--> statement-breakpoint
CREATE TRIGGER `exchange_received_no_replace` BEFORE INSERT ON `exchange_received` WHEN EXISTS (SELECT 1 FROM `exchange_received` o WHERE o.`id` = NEW.`id` OR (o.`org_id` = NEW.`org_id` AND o.`epoch` = NEW.`epoch` AND o.`sequence` = NEW.`sequence`))
BEGIN
  SELECT RAISE(ABORT, '已接收的回执包记录不能替换');
END;
