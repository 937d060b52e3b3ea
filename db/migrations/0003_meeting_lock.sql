-- A finalized (已定稿) meeting is locked in the database itself: neither the meeting nor anything
-- recorded under it can change or be removed, whoever opens the file. Later corrections are addenda.
CREATE TRIGGER `meetings_locked_update` BEFORE UPDATE ON `meetings` WHEN OLD.`status` = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_locked_delete` BEFORE DELETE ON `meetings` WHEN OLD.`status` = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_insert` BEFORE INSERT ON `agenda_items` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_update` BEFORE UPDATE ON `agenda_items` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿' OR (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_delete` BEFORE DELETE ON `agenda_items` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_insert` BEFORE INSERT ON `attendance` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_update` BEFORE UPDATE ON `attendance` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿' OR (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_delete` BEFORE DELETE ON `attendance` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_changes_locked_insert` BEFORE INSERT ON `attendance_changes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_changes_locked_update` BEFORE UPDATE ON `attendance_changes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿' OR (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_changes_locked_delete` BEFORE DELETE ON `attendance_changes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `speeches_locked_insert` BEFORE INSERT ON `speeches` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `speeches_locked_update` BEFORE UPDATE ON `speeches` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿' OR (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `speeches_locked_delete` BEFORE DELETE ON `speeches` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
-- Shipped rule sets are the law's words: not to be edited in place (copy the type instead).
CREATE TRIGGER `rule_sets_shipped_readonly` BEFORE UPDATE ON `rule_sets` WHEN (SELECT `code` FROM `meeting_types` WHERE `id` = OLD.`meeting_type_id`) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '内置会议规则不能修改，请复制后修改');
END;
