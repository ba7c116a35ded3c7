-- Reminders by e-mail (issue 15, item 7): one row per reminder a recipient is owed, written
-- BEFORE the mail is sent. The unique key (kind, subject, recipient, occasion) makes the insert
-- the claim: of two server processes that find the same reminder due at once, only the one whose
-- insert took sends it, so a reminder goes out at most once. A failed send stays as 'failed' and
-- is tried again a bounded number of times (attempts, next_attempt_at).
-- kind: commitment_due | commitment_overdue (subject: a commitment, recipient: its leader,
-- occasion: its due date) or pulse_open (subject: a pulse, recipient: a member of its team,
-- occasion: the day it opens). No e-mail address, message text, answer or result is kept.
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`occasion` text NOT NULL,
	`team_id` text NOT NULL,
	`state` text DEFAULT 'sending' NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_key` ON `reminders` (`kind`,`subject_id`,`recipient_id`,`occasion`);
--> statement-breakpoint
CREATE INDEX `reminders_retry_idx` ON `reminders` (`state`,`next_attempt_at`);
--> statement-breakpoint
CREATE INDEX `reminders_team_idx` ON `reminders` (`team_id`);
