-- Read-only links to an organisation's dashboard for a board or works council (issue 15, item 6).
-- Only the SHA-256 of the link's token is kept (as for sessions and invitations): a leaked
-- database opens no dashboard. `sections` is a comma-separated list of what the link shows
-- (figures, trends, teams, leaders); leader scores only when `include_leader_scores` is 1.
-- `expires_on` (YYYY-MM-DD, inclusive) is optional; a revoked link keeps its row (`revoked_at`)
-- so the owner's list says when it was revoked.
CREATE TABLE `share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`label` text NOT NULL,
	`sections` text NOT NULL,
	`include_leader_scores` integer DEFAULT false NOT NULL,
	`expires_on` text,
	`revoked_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_hash_unique` ON `share_links` (`token_hash`);
--> statement-breakpoint
CREATE INDEX `share_links_org_idx` ON `share_links` (`org_id`);
