-- Votes and proposals of a finalized meeting are as locked as the rest of it. Resolutions stay
-- editable in their follow-up fields (responsible, deadline) only; their number and text do not change.
CREATE TRIGGER `proposals_locked_insert` BEFORE INSERT ON `proposals` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_locked_update` BEFORE UPDATE ON `proposals` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_locked_delete` BEFORE DELETE ON `proposals` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_insert` BEFORE INSERT ON `votes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_update` BEFORE UPDATE ON `votes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_delete` BEFORE DELETE ON `votes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_options_locked_insert` BEFORE INSERT ON `vote_options` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_options_locked_update` BEFORE UPDATE ON `vote_options` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_options_locked_delete` BEFORE DELETE ON `vote_options` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_choices_locked_insert` BEFORE INSERT ON `vote_choices` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_choices_locked_update` BEFORE UPDATE ON `vote_choices` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_choices_locked_delete` BEFORE DELETE ON `vote_choices` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_proxies_locked_insert` BEFORE INSERT ON `vote_proxies` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_proxies_locked_update` BEFORE UPDATE ON `vote_proxies` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_proxies_locked_delete` BEFORE DELETE ON `vote_proxies` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_tally_changes_locked_insert` BEFORE INSERT ON `vote_tally_changes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_tally_changes_locked_update` BEFORE UPDATE ON `vote_tally_changes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_tally_changes_locked_delete` BEFORE DELETE ON `vote_tally_changes` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = '已定稿'
BEGIN
  SELECT RAISE(ABORT, '会议已定稿，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_number_fixed` BEFORE UPDATE ON `resolutions` WHEN NEW.`number` IS NOT OLD.`number` OR NEW.`seq` IS NOT OLD.`seq` OR NEW.`year` IS NOT OLD.`year` OR NEW.`text` IS NOT OLD.`text` OR NEW.`vote_id` IS NOT OLD.`vote_id`
BEGIN
  SELECT RAISE(ABORT, '决议编号和内容不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_no_delete` BEFORE DELETE ON `resolutions`
BEGIN
  SELECT RAISE(ABORT, '决议不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_tally_changes_no_update` BEFORE UPDATE ON `vote_tally_changes`
BEGIN
  SELECT RAISE(ABORT, '唱票复核记录不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_changes_no_update` BEFORE UPDATE ON `attendance_changes`
BEGIN
  SELECT RAISE(ABORT, '签到更正记录不能修改');
END;
