-- Issue 14: INSERT OR REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is off
-- in every other program), so each locked table also refuses an insert that would displace a locked row.
CREATE TRIGGER `meetings_locked_replace` BEFORE INSERT ON `meetings` WHEN EXISTS (SELECT 1 FROM `meetings` WHERE `id` = NEW.`id` AND `status` = '已定稿')
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_replace` BEFORE INSERT ON `agenda_items` WHEN EXISTS (SELECT 1 FROM `agenda_items` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_replace` BEFORE INSERT ON `attendance` WHEN EXISTS (SELECT 1 FROM `attendance` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_changes_locked_replace` BEFORE INSERT ON `attendance_changes` WHEN EXISTS (SELECT 1 FROM `attendance_changes` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `speeches_locked_replace` BEFORE INSERT ON `speeches` WHEN EXISTS (SELECT 1 FROM `speeches` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_locked_replace` BEFORE INSERT ON `proposals` WHEN EXISTS (SELECT 1 FROM `proposals` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_replace` BEFORE INSERT ON `votes` WHEN EXISTS (SELECT 1 FROM `votes` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id` OR (o.`proposal_id` = NEW.`proposal_id` AND o.`status` = '进行中' AND NEW.`status` = '进行中')))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_options_locked_replace` BEFORE INSERT ON `vote_options` WHEN EXISTS (SELECT 1 FROM `vote_options` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id` OR (o.`vote_id` = NEW.`vote_id` AND o.`proposal_id` = NEW.`proposal_id`)))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_choices_locked_replace` BEFORE INSERT ON `vote_choices` WHEN EXISTS (SELECT 1 FROM `vote_choices` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id` OR (o.`vote_id` = NEW.`vote_id` AND o.`person_id` = NEW.`person_id`)))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_proxies_locked_replace` BEFORE INSERT ON `vote_proxies` WHEN EXISTS (SELECT 1 FROM `vote_proxies` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id` OR (o.`vote_id` = NEW.`vote_id` AND o.`grantor_person_id` = NEW.`grantor_person_id`)))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_tally_changes_locked_replace` BEFORE INSERT ON `vote_tally_changes` WHEN EXISTS (SELECT 1 FROM `vote_tally_changes` o JOIN `meetings` m ON m.`id` = o.`meeting_id` WHERE m.`status` = '已定稿' AND (o.`id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能替换其中的记录');
END;
--> statement-breakpoint
-- A resolution is never removed, so none may be displaced by REPLACE either.
CREATE TRIGGER `resolutions_no_replace` BEFORE INSERT ON `resolutions` WHEN EXISTS (SELECT 1 FROM `resolutions` o WHERE o.`id` = NEW.`id` OR o.`vote_id` = NEW.`vote_id` OR (o.`org_id` = NEW.`org_id` AND o.`year` = NEW.`year` AND o.`seq` = NEW.`seq`))
BEGIN
  SELECT RAISE(ABORT, '决议不能替换或删除');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_locked_insert` BEFORE INSERT ON `resolutions` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能再添加决议');
END;
--> statement-breakpoint
-- Once its meeting is finalized a resolution's record (number, title, text, meeting, vote) is fixed; the 督办
-- fields (responsible, deadline, completed_on, result, updated_at) stay editable.
CREATE TRIGGER `resolutions_locked_record` BEFORE UPDATE ON `resolutions` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿' AND (NEW.`id` IS NOT OLD.`id` OR NEW.`org_id` IS NOT OLD.`org_id` OR NEW.`meeting_id` IS NOT OLD.`meeting_id` OR NEW.`vote_id` IS NOT OLD.`vote_id` OR NEW.`proposal_id` IS NOT OLD.`proposal_id` OR NEW.`year` IS NOT OLD.`year` OR NEW.`seq` IS NOT OLD.`seq` OR NEW.`number` IS NOT OLD.`number` OR NEW.`title` IS NOT OLD.`title` OR NEW.`text` IS NOT OLD.`text` OR NEW.`created_at` IS NOT OLD.`created_at`)
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，决议的编号、标题和内容不能修改；责任人、期限、进度和办结仍可登记');
END;
--> statement-breakpoint
-- A finalized minutes record carries the file hash and the snapshot: it is neither removed nor replaced.
CREATE TRIGGER `minutes_reviews_locked_delete` BEFORE DELETE ON `minutes_reviews` WHEN OLD.`status` = '已定稿' OR (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿，不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `minutes_reviews_locked_replace` BEFORE INSERT ON `minutes_reviews` WHEN EXISTS (SELECT 1 FROM `minutes_reviews` WHERE `meeting_id` = NEW.`meeting_id` AND `status` = '已定稿')
BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿，不能替换');
END;
--> statement-breakpoint
-- Records that are never deleted are never displaced by REPLACE either.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log` WHEN EXISTS (SELECT 1 FROM `audit_log` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '操作记录不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_addenda_no_replace` BEFORE INSERT ON `meeting_addenda` WHEN EXISTS (SELECT 1 FROM `meeting_addenda` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '更正记录不能替换，如有错误请再添加一条更正');
END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_replace` BEFORE INSERT ON `rule_versions` WHEN EXISTS (SELECT 1 FROM `rule_versions` o WHERE o.`id` = NEW.`id` OR (o.`doc_id` = NEW.`doc_id` AND o.`seq` = NEW.`seq`))
BEGIN
  SELECT RAISE(ABORT, '这个版本已冻结，不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `rule_flag_clearances_no_replace` BEFORE INSERT ON `rule_flag_clearances` WHEN EXISTS (SELECT 1 FROM `rule_flag_clearances` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '违规用语的核查说明不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `rule_steps_no_replace` BEFORE INSERT ON `rule_steps` WHEN EXISTS (SELECT 1 FROM `rule_steps` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '规约制定程序的记录不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `topic_events_no_replace` BEFORE INSERT ON `topic_events` WHEN EXISTS (SELECT 1 FROM `topic_events` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '议题办理记录不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `resolution_progress_no_replace` BEFORE INSERT ON `resolution_progress` WHEN EXISTS (SELECT 1 FROM `resolution_progress` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '决议进度记录不能替换');
END;
--> statement-breakpoint
CREATE TRIGGER `topics_no_replace` BEFORE INSERT ON `topics` WHEN EXISTS (SELECT 1 FROM `topics` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '议题不能替换或删除');
END;
--> statement-breakpoint
CREATE TRIGGER `summons_no_replace` BEFORE INSERT ON `summons` WHEN EXISTS (SELECT 1 FROM `summons` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '吹哨记录不能替换或删除');
END;
--> statement-breakpoint
CREATE TRIGGER `notices_no_replace` BEFORE INSERT ON `notices` WHEN EXISTS (SELECT 1 FROM `notices` o WHERE o.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, '公示记录不能替换或删除');
END;
--> statement-breakpoint
CREATE TRIGGER `matter_steps_no_replace` BEFORE INSERT ON `matter_steps` WHEN EXISTS (SELECT 1 FROM `matter_steps` o WHERE o.`id` = NEW.`id` OR (o.`matter_id` = NEW.`matter_id` AND o.`step` = NEW.`step`))
BEGIN
  SELECT RAISE(ABORT, '四议两公开已登记的步骤不能替换');
END;
