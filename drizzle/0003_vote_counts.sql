CREATE TABLE `vote_counts` (
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
-- Kept by the triggers below in the transaction that changes `votes`: results read these
-- counts instead of grouping every answer (docs/performance.md, gap analytics).
CREATE TRIGGER `votes_count_insert` AFTER INSERT ON `votes` BEGIN
	INSERT INTO `vote_counts` (`activity_id`, `item_id`, `value_id`, `lens`, `score`, `n`)
	VALUES (NEW.`activity_id`, NEW.`item_id`, NEW.`value_id`, NEW.`lens`, NEW.`score`, 1)
	ON CONFLICT (`activity_id`, `item_id`, `score`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_count_update` AFTER UPDATE OF `score` ON `votes`
WHEN OLD.`score` IS NOT NEW.`score` BEGIN
	UPDATE `vote_counts` SET `n` = `n` - 1
	WHERE `activity_id` = OLD.`activity_id` AND `item_id` = OLD.`item_id` AND `score` = OLD.`score`;
	INSERT INTO `vote_counts` (`activity_id`, `item_id`, `value_id`, `lens`, `score`, `n`)
	VALUES (NEW.`activity_id`, NEW.`item_id`, NEW.`value_id`, NEW.`lens`, NEW.`score`, 1)
	ON CONFLICT (`activity_id`, `item_id`, `score`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `votes_count_delete` AFTER DELETE ON `votes` BEGIN
	UPDATE `vote_counts` SET `n` = `n` - 1
	WHERE `activity_id` = OLD.`activity_id` AND `item_id` = OLD.`item_id` AND `score` = OLD.`score`;
END;
--> statement-breakpoint
INSERT INTO `vote_counts` (`activity_id`, `item_id`, `value_id`, `lens`, `score`, `n`)
SELECT `activity_id`, `item_id`, min(`value_id`), min(`lens`), `score`, count(*)
FROM `votes` GROUP BY `activity_id`, `item_id`, `score`;
