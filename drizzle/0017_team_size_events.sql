-- Participation and events on the charts (issue 15, items 3 and 4).
-- teams.size: the number of people in the team as an owner sets it (1..100000); null means the
-- team's size is its members (team_members). A pulse's participation is its respondents over it.
ALTER TABLE `teams` ADD `size` integer;
--> statement-breakpoint
-- chart_events: a dated note an owner adds ("new director", "reorganisation"), marked on the time
-- axes of the dashboards' charts: of one team (team_id) or of the whole organisation (team_id null).
CREATE TABLE `chart_events` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`team_id` text,
	`on_date` text NOT NULL,
	`label` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `chart_events_org_date_idx` ON `chart_events` (`org_id`,`on_date`);
--> statement-breakpoint
CREATE INDEX `chart_events_team_idx` ON `chart_events` (`team_id`);
