CREATE TABLE `alignment_judgements` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`touchpoint_id` text NOT NULL,
	`value_id` text NOT NULL,
	`rating` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`touchpoint_id`) REFERENCES `touchpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`value_id`) REFERENCES `culture_values`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `alignment_judgements_cell_idx` ON `alignment_judgements` (`touchpoint_id`,`value_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `board_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`text` text NOT NULL,
	`author_hash` text,
	`pulse_id` text,
	`status` text DEFAULT 'new' NOT NULL,
	`answer` text,
	`answered_at` integer,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `board_posts_team_idx` ON `board_posts` (`team_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `board_posts_pulse_author_idx` ON `board_posts` (`pulse_id`,`author_hash`);--> statement-breakpoint
CREATE TABLE `board_upvotes` (
	`post_id` text NOT NULL,
	`voter_hash` text NOT NULL,
	PRIMARY KEY(`post_id`, `voter_hash`),
	FOREIGN KEY (`post_id`) REFERENCES `board_posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `commitment_checkins` (
	`id` text PRIMARY KEY NOT NULL,
	`commitment_id` text NOT NULL,
	`author_id` text,
	`did` text NOT NULL,
	`happened_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `commitment_checkins_commitment_idx` ON `commitment_checkins` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `pulse_answers` (
	`response_id` text NOT NULL,
	`item_id` text NOT NULL,
	`score` integer NOT NULL,
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `pulse_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `pulse_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pulse_answers_item_score_idx` ON `pulse_answers` (`item_id`,`score`);--> statement-breakpoint
CREATE TABLE `pulse_items` (
	`id` text PRIMARY KEY NOT NULL,
	`pulse_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`value_id` text,
	`statement` text NOT NULL,
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`value_id`) REFERENCES `culture_values`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pulse_items_pulse_idx` ON `pulse_items` (`pulse_id`,`position`);--> statement-breakpoint
CREATE TABLE `pulse_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`pulse_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pulse_responses_pulse_token_key` ON `pulse_responses` (`pulse_id`,`token_hash`);--> statement-breakpoint
CREATE TABLE `pulse_totals` (
	`pulse_id` text PRIMARY KEY NOT NULL,
	`respondents` integer NOT NULL,
	`value_answers` integer NOT NULL,
	`value_favourable` integer NOT NULL,
	`enps_answers` integer NOT NULL,
	`promoters` integer NOT NULL,
	`detractors` integer NOT NULL,
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pulses` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`code` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`cadence_weeks` integer NOT NULL,
	`open_question` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pulses_code_unique` ON `pulses` (`code`);--> statement-breakpoint
CREATE INDEX `pulses_team_opens_idx` ON `pulses` (`team_id`,`opens_on`);--> statement-breakpoint
CREATE TABLE `touchpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`position` integer NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `touchpoints_team_name_key` ON `touchpoints` (`team_id`,`name_key`);--> statement-breakpoint
ALTER TABLE `commitments` ADD `dropped_at` integer;