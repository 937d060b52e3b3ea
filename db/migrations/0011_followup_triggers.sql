-- Issue 7 keeps its trigger SQL in this one file (schema changes are plain drizzle in 0008).
-- A topic's timeline and a resolution's progress are the record of what happened: appended, never changed.
CREATE TRIGGER `topic_events_no_update` BEFORE UPDATE ON `topic_events`
BEGIN
  SELECT RAISE(ABORT, '议题办理记录不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `topic_events_no_delete` BEFORE DELETE ON `topic_events`
BEGIN
  SELECT RAISE(ABORT, '议题办理记录不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `resolution_progress_no_update` BEFORE UPDATE ON `resolution_progress`
BEGIN
  SELECT RAISE(ABORT, '决议进度记录不能修改，如有错误请再登记一条并说明原因');
END;
--> statement-breakpoint
CREATE TRIGGER `resolution_progress_no_delete` BEFORE DELETE ON `resolution_progress`
BEGIN
  SELECT RAISE(ABORT, '决议进度记录不能删除');
END;
--> statement-breakpoint
-- Residents' topics, summons, notices and 四议两公开 steps are records kept for the archive: never removed.
CREATE TRIGGER `topics_no_delete` BEFORE DELETE ON `topics`
BEGIN
  SELECT RAISE(ABORT, '议题不能删除，可标记为“不予受理”并写明原因');
END;
--> statement-breakpoint
CREATE TRIGGER `summons_no_delete` BEFORE DELETE ON `summons`
BEGIN
  SELECT RAISE(ABORT, '吹哨记录不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `notices_no_delete` BEFORE DELETE ON `notices`
BEGIN
  SELECT RAISE(ABORT, '公示记录不能删除，撤下请登记撤下日期');
END;
--> statement-breakpoint
CREATE TRIGGER `matter_steps_no_update` BEFORE UPDATE ON `matter_steps`
BEGIN
  SELECT RAISE(ABORT, '四议两公开已登记的步骤不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `matter_steps_no_delete` BEFORE DELETE ON `matter_steps`
BEGIN
  SELECT RAISE(ABORT, '四议两公开已登记的步骤不能删除');
END;
--> statement-breakpoint
-- A completed resolution keeps its completion: the date and result are not rewritten.
CREATE TRIGGER `resolutions_completion_fixed` BEFORE UPDATE ON `resolutions` WHEN OLD.`completed_on` IS NOT NULL AND (NEW.`completed_on` IS NOT OLD.`completed_on` OR NEW.`result` IS NOT OLD.`result`)
BEGIN
  SELECT RAISE(ABORT, '决议已办结，办结日期和结果不能修改');
END;
