import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam } from '../accounts/queries';
import type { Database } from '../db';
import { testDatabase } from '../db/testing';
import { seedWorkshop } from '../live/testing';
import { parseForm } from '../validation';
import { TriageForm } from './forms';
import { addPost, listOwnUpvotes, listPosts, triagePost, upvotePost } from './queries';

let db: Database;
let close: () => void;
let teamId: string;
let otherTeam: string;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const seeded = await seedWorkshop(db, { values: 1 });
	teamId = seeded.teamId;
	otherTeam = await createTeam(db, seeded.orgId, 'Other');
});
afterEach(() => close());

describe('the outsider-voice board', () => {
	it('orders by upvotes, one per voter, and keeps hidden posts from the team', async () => {
		const a = await addPost(db, { teamId, text: 'Meetings overrun', authorHash: null });
		const b = await addPost(db, { teamId, text: 'Nobody answers tickets', authorHash: 'x' });
		expect(await upvotePost(db, teamId, b, 'v1')).toBe(true);
		expect(await upvotePost(db, teamId, b, 'v1')).toBe(true);
		expect(await upvotePost(db, teamId, b, 'v2')).toBe(true);
		expect(await upvotePost(db, otherTeam, a, 'v1')).toBe(false);
		expect(
			(await listPosts(db, teamId, { includeHidden: false })).map((p) => [p.id, p.upvotes])
		).toEqual([
			[b, 2],
			[a, 0]
		]);
		expect(await listOwnUpvotes(db, teamId, 'v1')).toEqual([b]);

		const at = new Date('2026-03-01T10:00:00Z');
		expect(
			await triagePost(
				db,
				teamId,
				b,
				{ status: 'acting', answer: 'On it: a rota from May.', hidden: false },
				at
			)
		).toBe(true);
		expect(await triagePost(db, teamId, a, { status: 'heard', answer: '', hidden: true })).toBe(
			true
		);
		expect(await triagePost(db, otherTeam, a, { status: 'done', answer: '', hidden: false })).toBe(
			false
		);
		const visible = await listPosts(db, teamId, { includeHidden: false });
		expect(visible).toEqual([
			expect.objectContaining({
				id: b,
				status: 'acting',
				answer: 'On it: a rota from May.',
				answeredAt: at
			})
		]);
		expect(await upvotePost(db, teamId, a, 'v3')).toBe(false);
		expect(await listPosts(db, teamId, { includeHidden: true })).toHaveLength(2);
	});

	it('checks the triage form', () => {
		const form = new FormData();
		form.set('postId', 'p');
		form.set('status', 'gone');
		form.set('answer', 'x'.repeat(1001));
		const parsed = parseForm(TriageForm, form);
		expect(!parsed.ok && parsed.errors).toEqual({
			status: { code: 'invalid' },
			answer: { code: 'too_long', limit: 1000 }
		});
	});
});
