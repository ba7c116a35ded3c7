import { describe, expect, it } from 'vitest';
import {
	buildProposals,
	decisionProblem,
	shortName,
	writeOf,
	type Decision,
	type ReviewActivity,
	type ReviewCard
} from './review';

const values = [
	{ id: 'v-own', name: 'Ownership' },
	{ id: 'v-trust', name: 'Trust' }
];

const activity = (target: ReviewActivity['target'], people = 5): ReviewActivity => ({
	id: 'a',
	number: 1,
	title: 'Collect',
	lens: 'current',
	target,
	people
});

let n = 0;
const card = (text: string, extra: Partial<ReviewCard> = {}): ReviewCard => ({
	id: `c${String(++n).padStart(3, '0')}`,
	activityId: 'a',
	text,
	hidden: false,
	mergedInto: null,
	valueId: null,
	...extra
});

const proposalsOf = (target: ReviewActivity['target'], cards: ReviewCard[], people = 5) =>
	buildProposals({ activities: [activity(target, people)], cards, values, minGroup: 3 })[0];

describe('buildProposals', () => {
	it.each([
		['case', ['Bonus only for sales', 'BONUS ONLY FOR SALES']],
		['spacing', ['Bonus only  for sales', ' Bonus only for sales ']],
		['plural', ['Late meeting', 'Late meetings']],
		['typo', ['Bonus only for sales', 'Bonus only for slaes']],
		['copy number', ['Bonus only for sales', 'Bonus only for sales 1', 'Bonus only for sales 2']]
	])('merges near-duplicates (%s) into one proposal that counts the cards', (_, texts) => {
		const result = proposalsOf(
			'signal',
			texts.map((t) => card(t))
		);
		expect(result.proposals).toHaveLength(1);
		expect(result.proposals[0]).toMatchObject({ destination: 'signal', cards: texts.length });
		expect(result.proposals[0].variants).toHaveLength(
			new Set(texts.map((t) => t.replace(/\s+/g, ' ').trim())).size - 1
		);
	});

	it('names a group the facilitator made by its name, and counts only the cards folded into it', () => {
		const group = card('Meetings overrun', { byFacilitator: true });
		const folded = ['Meetings always overrun', 'Vergaderingen lopen uit', 'Long meetings'].map(
			(t) => card(t, { mergedInto: group.id })
		);
		const result = proposalsOf('value', [group, ...folded]);
		expect(result.proposals).toHaveLength(1);
		expect(result.proposals[0]).toMatchObject({ text: 'Meetings overrun', cards: 3 });
		expect(result.proposals[0].variants).toEqual(folded.map((c) => c.text).sort());
	});

	it('keeps different cards apart and proposes the wording most cards used', () => {
		const result = proposalsOf('ritual', [
			card('Friday demo'),
			card('friday demo'),
			card('Friday demo'),
			card('Monday standup')
		]);
		expect(result.proposals.map((p) => [p.text, p.cards])).toEqual([
			['Friday demo', 3],
			['Monday standup', 1]
		]);
	});

	it('proposes a new value, or a merge when the name matches a value of the map', () => {
		const result = proposalsOf('value', [
			card('Speed'),
			card('OWNERSHIP'),
			card('Ownershp'),
			card('trusts')
		]);
		const byText = Object.fromEntries(result.proposals.map((p) => [p.text, p]));
		expect(byText.Speed).toMatchObject({ destination: 'value', valueId: null, lens: 'current' });
		expect(byText.Ownership).toMatchObject({ destination: 'merge', valueId: 'v-own', cards: 2 });
		expect(byText.Ownership.variants).toEqual(['OWNERSHIP', 'Ownershp']);
		expect(byText.Trust).toMatchObject({ destination: 'merge', valueId: 'v-trust' });
		expect(byText.Trust.variants).toEqual(['trusts']);
	});

	it('makes a group of value cards one merge into the value, counting every card', () => {
		const result = proposalsOf('value', [
			card('Taking charge', { valueId: 'v-own' }),
			card('Owning it', { valueId: 'v-own' }),
			card('Blame')
		]);
		expect(result.proposals[0]).toMatchObject({
			key: 'a:group:v-own',
			groupId: 'v-own',
			destination: 'merge',
			valueId: 'v-own',
			cards: 2,
			text: 'Ownership',
			variants: ['Owning it', 'Taking charge']
		});
		expect(result.proposals[1]).toMatchObject({ text: 'Blame', destination: 'value' });
	});

	it('proposes an element of the value a card was grouped under, under the lens collected', () => {
		const result = proposalsOf('looks_like', [
			card('We fix what we break', { valueId: 'v-own' }),
			card('Nobody answers')
		]);
		expect(result.proposals.map((p) => [p.text, p.destination, p.valueId, p.lens])).toEqual([
			['We fix what we break', 'looks_like', 'v-own', 'current'],
			['Nobody answers', 'looks_like', null, 'current']
		]);
	});

	it("counts the facilitator's merged duplicates and leaves hidden cards out", () => {
		const into = card('Meetings start late');
		const result = proposalsOf('signal', [
			into,
			card('Late starts', { mergedInto: into.id }),
			card('Rude words', { hidden: true }),
			card('Under a hidden one', { mergedInto: 'gone' })
		]);
		expect(result.proposals.map((p) => [p.text, p.cards, p.variants])).toEqual([
			['Meetings start late', 2, ['Late starts']],
			['Under a hidden one', 1, []]
		]);
	});

	it('proposes nothing from an activity that fewer than the minimum wrote, and says so', () => {
		const result = proposalsOf('value', [card('Speed'), card('Focus')], 2);
		expect(result).toMatchObject({ tooFew: { n: 2, min: 3 }, proposals: [] });
	});

	it('gives the same proposals and keys in any card order', () => {
		const cards = [card('Trust'), card('trust'), card('Speed'), card('speeds'), card('Focus')];
		const a = proposalsOf('value', cards).proposals;
		const b = proposalsOf('value', [...cards].reverse()).proposals;
		expect(b).toEqual(a);
		expect(new Set(a.map((p) => p.key)).size).toBe(a.length);
	});

	it('keeps 1,000 cards to a few proposals when most are near-duplicates', () => {
		const words = ['Meetings start late', 'Bonus only for sales', 'Nobody listens', 'Friday demo'];
		const cards = Array.from({ length: 1000 }, (_, i) =>
			card(`${words[i % 4]} ${i % 3 ? '' : i % 10}`)
		);
		const result = proposalsOf('signal', cards, 200);
		expect(result.proposals.reduce((sum, p) => sum + p.cards, 0)).toBe(1000);
		expect(result.proposals.length).toBeLessThanOrEqual(4 * 10);
	});
});

const decision = (extra: Partial<Decision>): Decision => ({
	key: 'a:c1',
	accept: true,
	destination: 'value',
	text: 'Speed',
	valueId: null,
	lens: 'strategic',
	...extra
});

describe('decisionProblem', () => {
	const team = new Set(['v-own']);
	it('asks for words, a value where one is needed, and a value of this team', () => {
		expect(decisionProblem(decision({ text: '  ' }), team)).toBe('text_required');
		expect(decisionProblem(decision({ destination: 'looks_like' }), team)).toBe('value_required');
		expect(decisionProblem(decision({ destination: 'merge' }), team)).toBe('value_required');
		expect(decisionProblem(decision({ destination: 'merge', valueId: 'v-theirs' }), team)).toBe(
			'value_unknown'
		);
		expect(decisionProblem(decision({ destination: 'hero' }), team)).toBeNull();
		expect(
			decisionProblem(decision({ destination: 'merge', valueId: 'v-own', text: '' }), team)
		).toBeNull();
	});
	it('lets any rejection through', () => {
		expect(decisionProblem(decision({ accept: false, text: '', valueId: 'x' }), team)).toBeNull();
		expect(decisionProblem(decision({ destination: 'none', text: '' }), team)).toBeNull();
	});
});

describe('writeOf', () => {
	it('writes values, lenses, named and unnamed elements, or nothing', () => {
		expect(writeOf(decision({}))).toEqual({
			kind: 'value',
			name: 'Speed',
			meaning: '',
			lens: 'strategic'
		});
		expect(writeOf(decision({ destination: 'merge', valueId: 'v' }))).toEqual({
			kind: 'lens',
			valueId: 'v',
			lens: 'strategic'
		});
		expect(writeOf(decision({ destination: 'ritual', valueId: 'v', text: ' Demo ' }))).toEqual({
			kind: 'element',
			element: 'ritual',
			valueId: 'v',
			lens: 'strategic',
			name: 'Demo',
			text: ''
		});
		expect(
			writeOf(decision({ destination: 'boundary', valueId: 'v', text: 'No blame' }))
		).toMatchObject({
			element: 'boundary',
			name: null,
			text: 'No blame'
		});
		expect(writeOf(decision({ accept: false }))).toEqual({ kind: 'nothing' });
		expect(writeOf(decision({ destination: 'none' }))).toEqual({ kind: 'nothing' });
	});
});

describe('shortName', () => {
	it('keeps short texts whole and cuts long ones at a word', () => {
		expect(shortName('  Trust  each other ')).toEqual({ name: 'Trust each other', rest: '' });
		const long = 'word '.repeat(30).trim();
		const { name, rest } = shortName(long);
		expect(name.length).toBeLessThanOrEqual(80);
		expect(name).toMatch(/word…$/);
		expect(rest).toBe(long);
	});
});
