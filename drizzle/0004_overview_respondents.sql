CREATE TABLE `vote_respondents` (
	`activity_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `participant_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `workshops` ADD `overview` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Kept by the triggers below in the transaction that changes `votes`: the results count the
-- people behind them from these rows (docs/performance.md, gap analytics). A re-vote changes
-- a score, not who answered, so only inserts and deletes touch them.
CREATE TRIGGER `votes_respondent_insert` AFTER INSERT ON `votes` BEGIN
	INSERT INTO `vote_respondents` (`activity_id`, `participant_id`, `n`)
	VALUES (NEW.`activity_id`, NEW.`participant_id`, 1)
	ON CONFLICT (`activity_id`, `participant_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_respondent_delete` AFTER DELETE ON `votes` BEGIN
	UPDATE `vote_respondents` SET `n` = `n` - 1
	WHERE `activity_id` = OLD.`activity_id` AND `participant_id` = OLD.`participant_id`;
END;
--> statement-breakpoint
INSERT INTO `vote_respondents` (`activity_id`, `participant_id`, `n`)
SELECT `activity_id`, `participant_id`, count(*) FROM `votes` GROUP BY `activity_id`, `participant_id`;
