-- Verified pulses (issue 10): a pulse whose devices answer first with a printed one-time code.
ALTER TABLE `pulses` ADD `verified` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- One-time codes belong to a workshop or to a pulse, exactly one of the two. SQLite cannot add a
-- CHECK or loosen NOT NULL in place, so the table is rebuilt with its rows kept. No table refers
-- to access_codes, so dropping the old one breaks no foreign key. Still only the hash and the
-- state: no participant, no response, no time of use.
CREATE TABLE `__new_access_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`workshop_id` text,
	`pulse_id` text,
	`state` text DEFAULT 'unused' NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pulse_id`) REFERENCES `pulses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "access_codes_one_scope" CHECK((`workshop_id` is null) <> (`pulse_id` is null))
);
--> statement-breakpoint
INSERT INTO `__new_access_codes` (`code_hash`, `workshop_id`, `pulse_id`, `state`)
	SELECT `code_hash`, `workshop_id`, NULL, `state` FROM `access_codes`;
--> statement-breakpoint
DROP TABLE `access_codes`;
--> statement-breakpoint
ALTER TABLE `__new_access_codes` RENAME TO `access_codes`;
--> statement-breakpoint
CREATE INDEX `access_codes_workshop_idx` ON `access_codes` (`workshop_id`,`state`);
--> statement-breakpoint
CREATE INDEX `access_codes_pulse_idx` ON `access_codes` (`pulse_id`,`state`);
