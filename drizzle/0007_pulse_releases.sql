-- Pulse results are published in releases (docs/security.md, differencing): staff read only the
-- latest release, and a new one is made only once at least the organisation's minimum group
-- size of responses were added, changed or removed since the last. `pulse_totals` now holds the
-- sums of the latest release (no longer the live sums), numbered by `release`.
ALTER TABLE `pulse_totals` ADD `release` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pulse_totals` ADD `released_at` integer;--> statement-breakpoint
-- The latest release's counts per item and score: what the pulse page and dashboards read.
CREATE TABLE `pulse_release_counts` (
	`pulse_id` text NOT NULL,
	`item_id` text NOT NULL,
	`score` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`pulse_id`, `item_id`, `score`),
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Each response's answers as they were at the latest release (item '' and score -1 for a
-- response without answers), so that the responses added, changed or removed since are
-- counted from the data itself. No foreign key to the response: a removed one still counts.
CREATE TABLE `pulse_released_answers` (
	`pulse_id` text NOT NULL,
	`response_id` text NOT NULL,
	`item_id` text NOT NULL,
	`score` integer NOT NULL,
	PRIMARY KEY(`pulse_id`, `response_id`, `item_id`),
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- What staff could see before this migration becomes each pulse's first release.
INSERT INTO `pulse_release_counts` (`pulse_id`, `item_id`, `score`, `n`)
SELECT i.`pulse_id`, a.`item_id`, a.`score`, count(*)
FROM `pulse_answers` a JOIN `pulse_items` i ON i.`id` = a.`item_id`
GROUP BY i.`pulse_id`, a.`item_id`, a.`score`;--> statement-breakpoint
INSERT INTO `pulse_released_answers` (`pulse_id`, `response_id`, `item_id`, `score`)
SELECT r.`pulse_id`, r.`id`, coalesce(a.`item_id`, ''), coalesce(a.`score`, -1)
FROM `pulse_responses` r LEFT JOIN `pulse_answers` a ON a.`response_id` = r.`id`;--> statement-breakpoint
UPDATE `pulse_totals` SET `release` = 1, `released_at` = (unixepoch('subsec') * 1000)
WHERE `respondents` > 0;
