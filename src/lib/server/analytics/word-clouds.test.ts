import { describe, expect, it } from 'vitest';
import type { ActivityTexts, WorkshopTexts } from './texts';
import { workshopWordClouds } from './word-clouds';

function activity(over: Partial<ActivityTexts>): ActivityTexts {
	return {
		id: 'a',
		number: 1,
		kind: 'collect',
		title: 'What really happens',
		prompt: '',
		lens: 'current',
		target: 'value',
		people: 5,
		cards: 0,
		hidden: 0,
		tooFew: null,
		groups: [],
		...over
	};
}

describe('workshopWordClouds', () => {
	it('counts every card shown, duplicates included; none for a discussion or an empty activity', () => {
		const texts: WorkshopTexts = {
			min: 5,
			commitments: [],
			activities: [
				activity({
					id: 'c',
					cards: 4,
					groups: [
						{
							valueId: 'v',
							name: 'Candour',
							cards: [{ text: 'Blame culture', support: null, duplicates: ['blame again'] }]
						},
						{
							valueId: null,
							name: null,
							cards: [
								{ text: 'Too many meetings', support: null, duplicates: [] },
								{ text: 'Meetings without end', support: null, duplicates: [] }
							]
						}
					]
				}),
				activity({ id: 'd', kind: 'discuss', number: 2 }),
				activity({ id: 'e', number: 3, cards: 0, people: 0 })
			]
		};
		expect(workshopWordClouds(texts)).toEqual([
			{
				id: 'c',
				number: 1,
				kind: 'collect',
				title: 'What really happens',
				cards: 4,
				tooFew: null,
				words: [
					{ text: 'blame', count: 2 },
					{ text: 'meetings', count: 2 },
					{ text: 'culture', count: 1 },
					{ text: 'end', count: 1 },
					{ text: 'many', count: 1 },
					{ text: 'without', count: 1 }
				]
			}
		]);
	});

	it('gives no words for an activity fewer than the minimum wrote in, and says why', () => {
		const clouds = workshopWordClouds({
			min: 5,
			commitments: [],
			activities: [
				activity({ id: 'o', kind: 'outsider', people: 2, cards: 3, tooFew: { n: 2, min: 5 } })
			]
		});
		expect(clouds).toEqual([
			expect.objectContaining({ id: 'o', tooFew: { n: 2, min: 5 }, words: [] })
		]);
	});
});
