-- Addenda are the only way to correct a finalized meeting: they are added, never changed or removed.
CREATE TRIGGER `meeting_addenda_no_update` BEFORE UPDATE ON `meeting_addenda`
BEGIN
  SELECT RAISE(ABORT, '更正记录不能修改，如有错误请再添加一条更正');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_addenda_no_delete` BEFORE DELETE ON `meeting_addenda`
BEGIN
  SELECT RAISE(ABORT, '更正记录不能删除');
END;
--> statement-breakpoint
-- Once finalized, the minutes' record (and its file hash) stays as it was.
CREATE TRIGGER `minutes_reviews_locked` BEFORE UPDATE ON `minutes_reviews` WHEN OLD.`status` = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿，不能修改');
END;
