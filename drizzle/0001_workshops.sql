CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`prompt` text DEFAULT '' NOT NULL,
	`config` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activities_workshop_idx` ON `activities` (`workshop_id`,`position`);--> statement-breakpoint
CREATE TABLE `cards` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`participant_id` text,
	`text` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`value_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`merged_into`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`value_id`) REFERENCES `culture_values`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `cards_activity_idx` ON `cards` (`activity_id`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`value_id` text NOT NULL,
	`leader_id` text NOT NULL,
	`action` text NOT NULL,
	`signal` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` integer,
	`drop_reason` text,
	`workshop_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`value_id`) REFERENCES `culture_values`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `commitments_team_idx` ON `commitments` (`team_id`);--> statement-breakpoint
CREATE INDEX `commitments_leader_idx` ON `commitments` (`leader_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`nickname` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_token_hash_unique` ON `participants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `participants_workshop_idx` ON `participants` (`workshop_id`);--> statement-breakpoint
CREATE TABLE `upvotes` (
	`card_id` text NOT NULL,
	`participant_id` text NOT NULL,
	PRIMARY KEY(`card_id`, `participant_id`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`activity_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`item_id` text NOT NULL,
	`value_id` text,
	`card_id` text,
	`lens` text,
	`score` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `participant_id`, `item_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`value_id`) REFERENCES `culture_values`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `votes_activity_item_idx` ON `votes` (`activity_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `votes_value_idx` ON `votes` (`value_id`);--> statement-breakpoint
CREATE TABLE `workshops` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`title` text NOT NULL,
	`join_code` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`current_index` integer DEFAULT -1 NOT NULL,
	`input_open` integer DEFAULT false NOT NULL,
	`revealed` integer DEFAULT false NOT NULL,
	`timer_ends_at` integer,
	`timer_remaining_ms` integer,
	`show_nicknames` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workshops_join_code_unique` ON `workshops` (`join_code`);--> statement-breakpoint
CREATE INDEX `workshops_team_idx` ON `workshops` (`team_id`);