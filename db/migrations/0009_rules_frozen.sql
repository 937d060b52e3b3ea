-- A version of a rule text is a record of what people read, reviewed or voted on: the database
-- itself refuses to change or remove one, whoever opens the file. A new text is a new version.
CREATE TRIGGER `rule_versions_no_update` BEFORE UPDATE ON `rule_versions`
BEGIN
  SELECT RAISE(ABORT, '这个版本已冻结，不能修改；如需改动，请修改正在起草的文本后另存为新版本');
END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_delete` BEFORE DELETE ON `rule_versions`
BEGIN
  SELECT RAISE(ABORT, '这个版本已冻结，不能删除');
END;
--> statement-breakpoint
-- A cleared penalty flag stays on record with its justification: clearing is never silent.
CREATE TRIGGER `rule_flag_clearances_no_update` BEFORE UPDATE ON `rule_flag_clearances`
BEGIN
  SELECT RAISE(ABORT, '违规用语的核查说明不能修改；如需改动，请重新说明');
END;
--> statement-breakpoint
CREATE TRIGGER `rule_flag_clearances_no_delete` BEFORE DELETE ON `rule_flag_clearances`
BEGIN
  SELECT RAISE(ABORT, '违规用语的核查说明不能删除');
END;
--> statement-breakpoint
-- Each step of the procedure is dated history; a later step never rewrites the stage it left.
CREATE TRIGGER `rule_steps_no_delete` BEFORE DELETE ON `rule_steps`
BEGIN
  SELECT RAISE(ABORT, '规约制定程序的记录不能删除');
END;
