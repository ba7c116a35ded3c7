-- Padding made visible and costly (issue 10): an expected head count above which joins wait
-- for the facilitator, and verified rooms that admit only holders of a printed one-time code.
ALTER TABLE `workshops` ADD `expected_head_count` integer;
--> statement-breakpoint
ALTER TABLE `workshops` ADD `verified` integer DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE `join_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`nickname` text,
	`refused` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `join_requests_token_hash_unique` ON `join_requests` (`token_hash`);
--> statement-breakpoint
CREATE INDEX `join_requests_workshop_idx` ON `join_requests` (`workshop_id`);
--> statement-breakpoint
-- One-time codes: only the hash and whether it was used. Deliberately no participant id and no
-- time of use, so that nobody can tell which person spent which code.
CREATE TABLE `access_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`state` text DEFAULT 'unused' NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `access_codes_workshop_idx` ON `access_codes` (`workshop_id`,`state`);
