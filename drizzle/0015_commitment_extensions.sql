-- Extending a commitment's due date (issue 15): the new date and a reason, each extension kept.
-- `commitments.due_on` is the current due date; `original_due_on` is the date the commitment was
-- made with, set by its first extension (null: never extended). Follow-through measures on time
-- against the original date, so an extension cannot turn a late commitment into an on-time one.
ALTER TABLE `commitments` ADD `original_due_on` text;
--> statement-breakpoint
CREATE TABLE `commitment_extensions` (
	`id` text PRIMARY KEY NOT NULL,
	`commitment_id` text NOT NULL,
	`author_id` text,
	`from_due_on` text NOT NULL,
	`to_due_on` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `commitment_extensions_commitment_idx` ON `commitment_extensions` (`commitment_id`);
