-- Nothing is lost (issue 11): an outsider-voice post written in a workshop lands on the team's
-- board when the workshop ends, once per card (the unique card_id makes landing idempotent),
-- with the support it had in the room. No participant id, nickname or time of writing is copied.
ALTER TABLE `board_posts` ADD `workshop_id` text REFERENCES workshops(id) ON DELETE set null;
--> statement-breakpoint
ALTER TABLE `board_posts` ADD `card_id` text REFERENCES cards(id) ON DELETE set null;
--> statement-breakpoint
ALTER TABLE `board_posts` ADD `room_support` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX `board_posts_card_key` ON `board_posts` (`card_id`);
