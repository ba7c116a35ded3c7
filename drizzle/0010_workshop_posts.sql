-- Nothing is lost (issue 11): an outsider-voice post written in a workshop lands on the team's
-- board when the workshop ends, once per card (the unique card_id makes landing idempotent).
-- The post goes with its card (a participant who withdraws, a workshop deleted), and its
-- support in the room is counted from the card's upvotes, so it follows withdrawals too. No
-- participant id, nickname or time of writing is copied.
ALTER TABLE `board_posts` ADD `workshop_id` text REFERENCES workshops(id) ON DELETE set null;
--> statement-breakpoint
ALTER TABLE `board_posts` ADD `card_id` text REFERENCES cards(id) ON DELETE cascade;
--> statement-breakpoint
CREATE UNIQUE INDEX `board_posts_card_key` ON `board_posts` (`card_id`);
