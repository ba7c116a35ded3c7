import { describe, expect, it } from 'vitest';
import {
	agendaFromTemplate,
	maxValues,
	needsValues,
	CONTENT_LANGUAGES,
	isContentLanguage,
	reviewPrompt,
	type ReviewItem,
	TEMPLATE_LOCALES,
	TEMPLATES,
	translateTemplateText,
	valueIdsOf,
	type TeamValue
} from './templates';
import { LIMITS, votingItems } from './workshop';

const values: TeamValue[] = [
	{ id: 'v-own', lenses: ['current', 'strategic'] },
	{ id: 'v-speed', lenses: ['assumed', 'current'] },
	{ id: 'v-care', lenses: ['strategic'] },
	{ id: 'v-craft', lenses: [] }
];

describe('templates', () => {
	it('has the two promised templates, each starting with a review of the last commitments', () => {
		expect(TEMPLATES.map((t) => t.id)).toEqual(['full_alignment', 'current_vs_strategic']);
		for (const template of TEMPLATES) {
			const [first] = template.activities;
			expect(first.config.kind).toBe('discuss');
			expect(first.title.en).toMatch(/commitments/i);
			expect(first.title.nl).toMatch(/afspraken/i);
		}
	});

	it('follows the seven steps in the half-day template', () => {
		const kinds = TEMPLATES[0].activities.map((a) => a.config.kind);
		// Current and assumed culture first, leaders' commitments last, the outsiders before them.
		expect(TEMPLATES[0].activities[1].config).toMatchObject({ kind: 'collect', lens: 'assumed' });
		expect(TEMPLATES[0].activities[2].config).toMatchObject({ kind: 'collect', lens: 'current' });
		expect(kinds.at(-1)).toBe('commit');
		expect(kinds.at(-2)).toBe('outsider');
		expect(kinds).toContain('rate');
		expect(kinds).toContain('dot_vote');
	});

	it('has every text in both languages, and the two languages differ', () => {
		for (const template of TEMPLATES) {
			for (const text of [
				template.title,
				template.description,
				...template.activities.flatMap((a) => [a.title, a.prompt])
			]) {
				for (const locale of TEMPLATE_LOCALES) expect(text[locale].trim()).not.toBe('');
				expect(text.nl).not.toBe(text.en);
			}
			expect(template.activities.length).toBeLessThanOrEqual(LIMITS.activities.max);
			for (const a of template.activities) {
				for (const locale of TEMPLATE_LOCALES) {
					expect(a.title[locale].length).toBeLessThanOrEqual(LIMITS.title.max);
					expect(a.prompt[locale].length).toBeLessThanOrEqual(LIMITS.prompt.max);
				}
			}
		}
	});

	it('gives the same agenda in every language, only the words differ', () => {
		for (const template of TEMPLATES) {
			const [en, ...others] = CONTENT_LANGUAGES.map((l) => agendaFromTemplate(template, l, values));
			for (const agenda of others) {
				expect(agenda.map((a) => [a.kind, a.config])).toEqual(en.map((a) => [a.kind, a.config]));
				agenda.forEach((a, i) => expect(a.title).not.toBe(en[i].title));
			}
		}
	});

	it('knows its content languages, and nothing else', () => {
		expect(CONTENT_LANGUAGES).toEqual(['en', 'nl']);
		for (const l of CONTENT_LANGUAGES) expect(isContentLanguage(l)).toBe(true);
		for (const other of ['de', 'EN', '', null, undefined, 1]) {
			expect(isContentLanguage(other)).toBe(false);
		}
	});

	it('picks titles by locale', () => {
		const en = agendaFromTemplate(TEMPLATES[1], 'en', values);
		const nl = agendaFromTemplate(TEMPLATES[1], 'nl', values);
		expect(en[0].title).toBe(TEMPLATES[1].activities[0].title.en);
		expect(nl[0].title).toBe(TEMPLATES[1].activities[0].title.nl);
	});

	it('asks about the team’s values: all for votes, the strategic ones for commitments', () => {
		const agenda = agendaFromTemplate(TEMPLATES[1], 'en', values);
		const rate = agenda.find((a) => a.kind === 'rate')!;
		expect(valueIdsOf(rate.config)).toEqual(['v-own', 'v-speed', 'v-care', 'v-craft']);
		const commit = agenda.find((a) => a.kind === 'commit')!;
		expect(valueIdsOf(commit.config)).toEqual(['v-own', 'v-care']);
		// Without strategic values yet, a commitment may be about any value.
		const none = agendaFromTemplate(TEMPLATES[1], 'en', [{ id: 'x', lenses: ['current'] }]);
		expect(valueIdsOf(none.find((a) => a.kind === 'commit')!.config)).toEqual(['x']);
	});

	it('caps the values so that nobody answers more than the item limit', () => {
		const many: TeamValue[] = Array.from({ length: 100 }, (_, i) => ({ id: `v${i}`, lenses: [] }));
		const agenda = agendaFromTemplate(TEMPLATES[0], 'en', many);
		const rate = agenda.find((a) => a.kind === 'rate')!;
		expect(votingItems(rate.config)).toHaveLength(LIMITS.items.max);
		expect(valueIdsOf(rate.config)).toHaveLength(
			maxValues({ kind: 'rate', lenses: ['assumed', 'current'] })
		);
		const dots = agenda.find((a) => a.kind === 'dot_vote')!;
		expect(valueIdsOf(dots.config)).toHaveLength(LIMITS.items.max);
		expect(valueIdsOf(dots.config)[0]).toBe('v0');
	});

	it('leaves value lists empty for a team without values (the editor then asks for some)', () => {
		const agenda = agendaFromTemplate(TEMPLATES[0], 'nl', []);
		for (const a of agenda) if (needsValues(a.kind)) expect(valueIdsOf(a.config)).toEqual([]);
	});
});

describe('the review of commitments', () => {
	const items: ReviewItem[] = [
		{ leaderName: 'Lena', action: 'Ask for feedback weekly', status: 'done', overdue: false },
		{ leaderName: 'Omar', action: 'Share the roadmap', status: 'open', overdue: true },
		{ leaderName: 'Lena', action: 'Pair with juniors', status: 'open', overdue: false }
	];

	it('lists the commitments under the first activity’s prompt, in the workshop’s language', () => {
		const [first] = agendaFromTemplate(TEMPLATES[1], 'nl', values, items);
		expect(first.prompt).toBe(
			`${TEMPLATES[1].activities[0].prompt.nl}\n\nSinds de vorige workshop:\n` +
				'– Lena: Ask for feedback weekly (gedaan)\n– Omar: Share the roadmap (te laat)\n' +
				'– Lena: Pair with juniors (open)'
		);
		const [plain] = agendaFromTemplate(TEMPLATES[1], 'en', values);
		expect(plain.prompt).toBe(TEMPLATES[1].activities[0].prompt.en);
	});

	it('stays within the prompt limit, counting what did not fit', () => {
		const many = Array.from({ length: 30 }, (_, i) => ({
			...items[0],
			action: `Commitment number ${i} with some words`
		}));
		for (const template of TEMPLATES) {
			const prompt = reviewPrompt(template.activities[0].prompt.en, many, 'en');
			expect(prompt.length).toBeLessThanOrEqual(LIMITS.prompt.max);
			const listed = prompt.split('\n').filter((l) => l.startsWith('– Lena')).length;
			expect(prompt).toContain(`– and ${30 - listed} more on the commitments page`);
		}
	});
});

describe('a template text in another language', () => {
	const items: ReviewItem[] = [
		{ leaderName: 'Lena', action: 'Ask for feedback weekly', status: 'done', overdue: false },
		{ leaderName: 'Omar', action: 'Share the roadmap', status: 'open', overdue: true },
		{ leaderName: 'Rui', action: 'Stop the Friday report', status: 'dropped', overdue: false }
	];

	it('turns every title and prompt a template wrote into the same text in the other language', () => {
		for (const template of TEMPLATES) {
			const en = agendaFromTemplate(template, 'en', values, items);
			const nl = agendaFromTemplate(template, 'nl', values, items);
			en.forEach((a, i) => {
				expect(translateTemplateText(a.title, 'en', 'nl')).toBe(nl[i].title);
				expect(translateTemplateText(a.prompt, 'en', 'nl')).toBe(nl[i].prompt);
				expect(translateTemplateText(nl[i].prompt, 'nl', 'en')).toBe(a.prompt);
			});
		}
	});

	it('keeps the review list’s "more" line, and leaves what people wrote alone', () => {
		const many = Array.from({ length: 30 }, (_, i) => ({ ...items[0], action: `Step ${i}` }));
		const en = reviewPrompt(TEMPLATES[0].activities[0].prompt.en, many, 'en');
		const nl = translateTemplateText(en, 'en', 'nl')!;
		expect(nl).toMatch(/\n– en nog \d+ op de afsprakenpagina$/);
		expect(nl.length).toBeLessThanOrEqual(LIMITS.prompt.max);
		expect(translateTemplateText('Our own question', 'en', 'nl')).toBeNull();
		expect(translateTemplateText(`${TEMPLATES[0].activities[1].title.en}!`, 'en', 'nl')).toBeNull();
		expect(translateTemplateText(`${en}\nAdded by hand`, 'en', 'nl')).toBeNull();
		expect(translateTemplateText('Mine', 'nl', 'nl')).toBe('Mine');
	});
});
