-- The audit trail is append-only: the database itself refuses to change or remove an entry,
-- whoever opens the file. Corrections are new entries.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, '操作记录不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, '操作记录不能删除');
END;
