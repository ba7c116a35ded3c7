-- Moderation of the outsider voice in the room (issue 11, item 5).
-- hold_posts: new outsider-voice posts wait for the facilitator (off by default). A held post is
-- stored hidden (so every reader of the room's cards, the landing on the board and the counts
-- under the minimum group size already leave it out) and marked held until approved or rejected.
ALTER TABLE `workshops` ADD `hold_posts` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `cards` ADD `held` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `cards` ADD `starred` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `cards` ADD `answered` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- A board post's receipt: the SHA-256 of 128 random bits that only the posting device holds, so
-- that device (and nobody else) can read the answer to its own post. No participant, person or
-- device token is linked to it.
ALTER TABLE `board_posts` ADD `receipt_hash` text;
--> statement-breakpoint
CREATE UNIQUE INDEX `board_posts_receipt_key` ON `board_posts` (`receipt_hash`);
