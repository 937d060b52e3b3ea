-- Issue 15: per-meeting, per-vote, per-topic and per-person reads go through an index, so a single record's screen
-- costs the same after ten years as in the first week; people are listed by pinyin from an index.
CREATE INDEX `agenda_items_topic` ON `agenda_items` (`topic_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_resolution` ON `agenda_items` (`resolution_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_party_review` ON `agenda_items` (`party_review_item_id`);--> statement-breakpoint
CREATE INDEX `attendance_person` ON `attendance` (`person_id`);--> statement-breakpoint
CREATE INDEX `attendance_changes_meeting` ON `attendance_changes` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `body_members_person` ON `body_members` (`person_id`);--> statement-breakpoint
CREATE INDEX `matter_steps_meeting` ON `matter_steps` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `matters_org_created` ON `matters` (`org_id`,`created_on`);--> statement-breakpoint
CREATE INDEX `meetings_type` ON `meetings` (`meeting_type_id`);--> statement-breakpoint
CREATE INDEX `notices_resolution` ON `notices` (`resolution_id`);--> statement-breakpoint
CREATE INDEX `notices_matter` ON `notices` (`matter_id`);--> statement-breakpoint
CREATE INDEX `people_org_status_pinyin` ON `people` (`org_id`,`status`,`pinyin_keys`);--> statement-breakpoint
CREATE INDEX `people_org_pinyin` ON `people` (`org_id`,`pinyin_keys`);--> statement-breakpoint
CREATE INDEX `proposals_meeting` ON `proposals` (`meeting_id`,`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `resolutions_meeting` ON `resolutions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `resolutions_org_completed_deadline` ON `resolutions` (`org_id`,`completed_on`,`deadline`);--> statement-breakpoint
CREATE INDEX `speeches_meeting` ON `speeches` (`meeting_id`,`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `summons_meeting` ON `summons` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `summons_org_summoned` ON `summons` (`org_id`,`summoned_at`);--> statement-breakpoint
CREATE INDEX `topics_merged_into` ON `topics` (`merged_into_id`);--> statement-breakpoint
CREATE INDEX `vote_options_proposal` ON `vote_options` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `vote_tally_changes_vote` ON `vote_tally_changes` (`vote_id`);--> statement-breakpoint
CREATE INDEX `votes_proposal` ON `votes` (`proposal_id`);