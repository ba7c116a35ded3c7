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
--> statement-breakpoint
-- Workshops that ended before this migration land their posts now, under the same rule as at
-- the end of a workshop (board/queries.ts, landWorkshopPosts): one post per card that was not
-- folded into another, hidden ones hidden, from outsider-voice activities that at least the
-- organisation's minimum group size of people wrote in (cards shown: not hidden, nor folded
-- into a hidden one), stored in the order of their words.
INSERT INTO `board_posts` (`id`, `team_id`, `text`, `hidden`, `workshop_id`, `card_id`)
SELECT lower(hex(randomblob(10))), w.team_id, c.text, c.hidden, w.id, c.id
FROM cards c
JOIN activities a ON a.id = c.activity_id AND a.kind = 'outsider'
JOIN workshops w ON w.id = a.workshop_id AND w.status = 'ended'
JOIN teams t ON t.id = w.team_id
JOIN organisations o ON o.id = t.org_id
WHERE NOT EXISTS (SELECT 1 FROM cards m WHERE m.id = c.merged_into)
	AND (
		SELECT count(DISTINCT s.participant_id)
		FROM cards s LEFT JOIN cards st ON st.id = s.merged_into
		WHERE s.activity_id = a.id AND s.hidden = 0 AND coalesce(st.hidden, 0) = 0
	) >= o.min_group_size
ORDER BY c.text;
