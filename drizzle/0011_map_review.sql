-- A review step instead of automatic writes (issue 11): ending a workshop no longer writes the
-- culture map; a facilitator reviews what the room wrote and accepts, edits or rejects each
-- proposal. One row per decided proposal (its key is stable: the activity and its first card),
-- so accepting again writes nothing twice and the rest can be reviewed later.
CREATE TABLE `map_review_decisions` (
	`workshop_id` text NOT NULL REFERENCES workshops(id) ON DELETE cascade,
	`proposal_key` text NOT NULL,
	`decision` text NOT NULL,
	`destination` text NOT NULL,
	`cards` integer NOT NULL,
	`value_id` text REFERENCES culture_values(id) ON DELETE set null,
	`element_id` text REFERENCES culture_elements(id) ON DELETE set null,
	`decided_by` text REFERENCES users(id) ON DELETE set null,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`workshop_id`, `proposal_key`)
);
--> statement-breakpoint
-- How many of the workshop's cards a value or element stands for ("From workshop X · N cards").
ALTER TABLE `culture_values` ADD `card_count` integer;
--> statement-breakpoint
ALTER TABLE `culture_elements` ADD `card_count` integer;
