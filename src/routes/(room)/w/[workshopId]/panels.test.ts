import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, type ActivityKind } from '$lib/domain/workshop';
import { panelsFor, KIND_PANEL } from './panels';

type Snapshot = Parameters<typeof panelsFor>[0];

const at = (kind: ActivityKind, pace: Partial<Snapshot['pace']> = {}): Snapshot =>
	({
		activity: { id: 'a', kind, index: 0 },
		pace: { status: 'live', revealed: false, ...pace }
	}) as unknown as Snapshot;

describe('the room loads the panels of what it shows', () => {
	it('asks for the panel of each kind that takes answers, and the results once revealed', () => {
		expect(panelsFor(at('rate'))).toEqual(['rate']);
		expect(panelsFor(at('dot_vote', { revealed: true }))).toEqual(['spend', 'results']);
		expect(panelsFor(at('allocate'))).toEqual(['spend']);
		expect(panelsFor(at('collect', { revealed: true }))).toEqual(['collect']);
		expect(panelsFor(at('outsider'))).toEqual(['outsider']);
		expect(panelsFor(at('commit'))).toEqual(['commit']);
		expect(panelsFor(at('discuss'))).toEqual([]);
	});

	it('asks for nothing while waiting or locked, and for the own posts at the end', () => {
		expect(panelsFor({ ...at('rate'), activity: null })).toEqual([]);
		expect(panelsFor(at('rate', { status: 'draft' }))).toEqual([]);
		expect(panelsFor(at('rate', { status: 'locked' }))).toEqual([]);
		expect(panelsFor(at('rate', { status: 'ended' }))).toEqual(['ownPosts']);
	});

	it('has a panel for every kind but the discussion', () => {
		for (const kind of ACTIVITY_KINDS) {
			expect(KIND_PANEL[kind] === null).toBe(kind === 'discuss');
		}
	});
});
