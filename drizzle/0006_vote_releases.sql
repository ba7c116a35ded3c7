-- Results are published in releases (docs/security.md, "Differencing"): what staff and the room
-- can read of an item changes only once at least the organisation's minimum number of people
-- answered, changed or withdrew an answer to it since its last release.
--
-- `vote_pending`: who changed an item since its last release, with the score they had then
-- (`baseline`, null for no answer), kept by the triggers below for every write path (answers,
-- re-votes, whole sets replaced, withdrawals cascading from `participants`). A person counts as
-- a change only while their answer differs from their baseline, so a re-sent answer counts not.
CREATE TABLE `vote_pending` (
	`activity_id` text NOT NULL,
	`item_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`baseline` integer,
	PRIMARY KEY(`activity_id`, `item_id`, `participant_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The last release of each item: the number of people behind it, and a mark that ties the
-- rows of one release statement together (live/queries.ts `releaseStatements`).
CREATE TABLE `vote_releases` (
	`activity_id` text NOT NULL,
	`item_id` text NOT NULL,
	`respondents` integer NOT NULL,
	`released_at` integer NOT NULL,
	`mark` text NOT NULL,
	PRIMARY KEY(`activity_id`, `item_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The released answer counts per item and score: `vote_counts` as of the item's last release.
CREATE TABLE `released_counts` (
	`activity_id` text NOT NULL,
	`item_id` text NOT NULL,
	`value_id` text,
	`lens` text,
	`score` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `item_id`, `score`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TRIGGER `votes_pending_insert` AFTER INSERT ON `votes` BEGIN
	INSERT INTO `vote_pending` (`activity_id`, `item_id`, `participant_id`, `baseline`)
	VALUES (NEW.`activity_id`, NEW.`item_id`, NEW.`participant_id`, NULL)
	ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_pending_update` AFTER UPDATE OF `score` ON `votes`
WHEN OLD.`score` IS NOT NEW.`score` BEGIN
	INSERT INTO `vote_pending` (`activity_id`, `item_id`, `participant_id`, `baseline`)
	VALUES (OLD.`activity_id`, OLD.`item_id`, OLD.`participant_id`, OLD.`score`)
	ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_pending_delete` AFTER DELETE ON `votes` BEGIN
	INSERT INTO `vote_pending` (`activity_id`, `item_id`, `participant_id`, `baseline`)
	VALUES (OLD.`activity_id`, OLD.`item_id`, OLD.`participant_id`, OLD.`score`)
	ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- What staff could read before this migration stays readable: the answers stored so far are
-- the first release of every item.
INSERT INTO `released_counts` (`activity_id`, `item_id`, `value_id`, `lens`, `score`, `n`)
SELECT `activity_id`, `item_id`, `value_id`, `lens`, `score`, `n` FROM `vote_counts` WHERE `n` > 0;
--> statement-breakpoint
INSERT INTO `vote_releases` (`activity_id`, `item_id`, `respondents`, `released_at`, `mark`)
SELECT `activity_id`, `item_id`, sum(`n`), CAST(unixepoch('subsec') * 1000 AS integer), 'migration'
FROM `vote_counts` GROUP BY `activity_id`, `item_id` HAVING sum(`n`) > 0;
