/**
 * Workshop templates as data: agendas that follow the seven steps of the method
 * (../shared/docs/culture-method.md), in English and Dutch. A template names which of the
 * team's values an activity asks about; `agendaFromTemplate` fills them in from the map when a
 * workshop is created. Pure TypeScript.
 */
import { KINDS } from './activity-kinds';
import type { Lens } from './culture';
import { LIMITS, type ActivityConfig, type ActivityKind } from './workshop';

export const TEMPLATE_LOCALES = ['en', 'nl'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export type Localised = Record<TemplateLocale, string>;

/**
 * The languages content is written in: a team's (for its new workshops and pulses), a
 * workshop's and a pulse's (their titles, prompts and questions, and the participants' pages).
 */
export const CONTENT_LANGUAGES = TEMPLATE_LOCALES;
export type ContentLanguage = TemplateLocale;

export function isContentLanguage(value: unknown): value is ContentLanguage {
	return CONTENT_LANGUAGES.includes(value as ContentLanguage);
}

/**
 * Which of the team's values an activity takes: every active value, or those under the
 * strategic lens (falling back to every value when none is strategic yet).
 */
export type ValuePick = 'all' | 'strategic';

/** An activity's config as a template holds it: which values to take instead of their ids. */
type Templated<C> = C extends { valueIds: string[] }
	? Omit<C, 'valueIds'> & { values: ValuePick }
	: C;
export type TemplateConfig = Templated<ActivityConfig>;

export interface TemplateActivity {
	title: Localised;
	prompt: Localised;
	config: TemplateConfig;
	/** The look back at commitments: its prompt lists them when the workshop is created. */
	reviewsCommitments?: true;
}

/** A commitment to look back on, as the review's prompt lists it. */
export interface ReviewItem {
	leaderName: string;
	action: string;
	status: 'open' | 'done' | 'dropped';
	overdue: boolean;
}

export interface WorkshopTemplate {
	id: string;
	title: Localised;
	description: Localised;
	/** Planned length, for the facilitator's choice. */
	minutes: number;
	activities: TemplateActivity[];
}

/** A value of the team as a template needs it. */
export interface TeamValue {
	id: string;
	lenses: readonly Lens[];
}

export interface AgendaActivity {
	kind: ActivityKind;
	title: string;
	prompt: string;
	config: ActivityConfig;
}

/** Issue 5: every workshop starts by looking back at what was promised last time. */
const REVIEW: TemplateActivity = {
	title: {
		en: 'Review: our commitments since the last workshop',
		nl: 'Terugblik: onze afspraken sinds de vorige workshop'
	},
	prompt: {
		en: 'What did we promise last time? What did we do, what changed that others could see, and what got in the way?',
		nl: 'Wat hebben we de vorige keer beloofd? Wat hebben we gedaan, wat is er zichtbaar veranderd, en wat zat in de weg?'
	},
	config: { kind: 'discuss' },
	reviewsCommitments: true
};

const REVIEW_WORDS = {
	heading: { en: 'Since the last workshop:', nl: 'Sinds de vorige workshop:' },
	open: { en: 'open', nl: 'open' },
	overdue: { en: 'overdue', nl: 'te laat' },
	done: { en: 'done', nl: 'gedaan' },
	dropped: { en: 'dropped', nl: 'geschrapt' },
	more: { en: 'and {n} more on the commitments page', nl: 'en nog {n} op de afsprakenpagina' }
} satisfies Record<string, Localised>;

/**
 * The review's prompt with the commitments listed under it ("– Lena: … (done)"), as many as fit
 * within the prompt limit; the rest are counted.
 */
export function reviewPrompt(
	base: string,
	items: readonly ReviewItem[],
	locale: TemplateLocale
): string {
	if (items.length === 0) return base;
	const max = LIMITS.prompt.max;
	const line = (item: ReviewItem) => {
		const state = item.overdue ? 'overdue' : item.status;
		const action = item.action.length > 90 ? `${item.action.slice(0, 89)}…` : item.action;
		return `– ${item.leaderName}: ${action} (${REVIEW_WORDS[state][locale]})`;
	};
	const more = (n: number) => `– ${REVIEW_WORDS.more[locale].replace('{n}', String(n))}`;
	let text = `${base}\n\n${REVIEW_WORDS.heading[locale]}`;
	for (let i = 0; i < items.length; i++) {
		const next = `${text}\n${line(items[i])}`;
		const left = items.length - i - 1;
		const tail = left > 0 ? `\n${more(left)}` : '';
		if ((next + tail).length > max) return `${text}\n${more(items.length - i)}`;
		text = next;
	}
	return text;
}

const FULL_ALIGNMENT: WorkshopTemplate = {
	id: 'full_alignment',
	title: { en: 'Full alignment, half day', nl: 'Volledige afstemming, halve dag' },
	description: {
		en: 'All seven steps: current and assumed culture, vivid values, daily practice, alignment, safety, the outsiders, and leaders who go first.',
		nl: 'Alle zeven stappen: huidige en veronderstelde cultuur, levendige waarden, dagelijkse praktijk, afstemming, veiligheid, de buitenstaanders, en leiders die voorgaan.'
	},
	minutes: 240,
	activities: [
		REVIEW,
		// 1. Identify the current culture: what we say, what really happens, and the gap.
		{
			title: { en: 'What we say we are', nl: 'Wat we zeggen dat we zijn' },
			prompt: {
				en: 'Which values are on the wall, in the handbook, in the speeches? One value per card.',
				nl: 'Welke waarden hangen aan de muur, staan in het handboek, klinken in de toespraken? Eén waarde per kaartje.'
			},
			config: { kind: 'collect', lens: 'assumed', target: 'value' }
		},
		{
			title: { en: 'What really happens', nl: 'Wat er echt gebeurt' },
			prompt: {
				en: 'Which values really drive what we do, day to day? One value per card.',
				nl: 'Welke waarden sturen echt wat we dag in dag uit doen? Eén waarde per kaartje.'
			},
			config: { kind: 'collect', lens: 'current', target: 'value' }
		},
		{
			title: { en: 'Said and done', nl: 'Gezegd en gedaan' },
			prompt: {
				en: 'How strongly does each value describe us: as we claim it, and as it really is? 1 = not at all, 5 = completely.',
				nl: 'Hoe sterk beschrijft elke waarde ons: zoals we het zeggen, en zoals het echt is? 1 = helemaal niet, 5 = volledig.'
			},
			config: { kind: 'rate', lenses: ['assumed', 'current'], scale: '1-5', values: 'all' }
		},
		// 2. Make values vivid and tangible.
		{
			title: { en: 'What our strategy needs', nl: 'Wat onze strategie nodig heeft' },
			prompt: {
				en: 'Spend your dots on the values our strategy needs most.',
				nl: 'Verdeel je stippen over de waarden die onze strategie het hardst nodig heeft.'
			},
			config: { kind: 'dot_vote', lens: 'strategic', dots: 3, values: 'all' }
		},
		{
			title: { en: 'What it looks like', nl: 'Hoe het eruitziet' },
			prompt: {
				en: 'Pick one of the values from the vote. What would you see people do when they live it? One behaviour per card.',
				nl: 'Kies een van de waarden uit de stemming. Wat zie je mensen doen als ze die waarde leven? Eén gedraging per kaartje.'
			},
			config: { kind: 'collect', lens: 'strategic', target: 'looks_like' }
		},
		{
			title: { en: 'Where the line is', nl: 'Waar de grens ligt' },
			prompt: {
				en: 'Which behaviour crosses the line for this value? One boundary per card.',
				nl: 'Welk gedrag gaat voor deze waarde over de grens? Eén grens per kaartje.'
			},
			config: { kind: 'collect', lens: 'strategic', target: 'boundary' }
		},
		// 3. Translate into daily practice.
		{
			title: { en: 'Habits that become rituals', nl: 'Gewoontes die rituelen worden' },
			prompt: {
				en: 'Which small habit, repeated every day or week, would make a value part of how we work?',
				nl: 'Welke kleine gewoonte, elke dag of week herhaald, maakt een waarde deel van hoe we werken?'
			},
			config: { kind: 'collect', lens: 'strategic', target: 'ritual' }
		},
		// 4. Align every aspect.
		{
			title: { en: 'Signals that contradict us', nl: 'Signalen die ons tegenspreken' },
			prompt: {
				en: 'Where do our website, training, policies or habits say something other than our values? One touchpoint per card.',
				nl: 'Waar zeggen onze website, trainingen, regels of gewoontes iets anders dan onze waarden? Eén contactpunt per kaartje.'
			},
			config: { kind: 'collect', lens: 'current', target: 'signal' }
		},
		// 5. Create safety and trust.
		{
			title: { en: 'Safe to speak up', nl: 'Veilig om iets te zeggen' },
			prompt: {
				en: 'When did you last feel safe to disagree here? What made it safe, or not? Everything you type today is anonymous.',
				nl: 'Wanneer voelde je je hier voor het laatst veilig om het oneens te zijn? Wat maakte het veilig, of juist niet? Alles wat je vandaag typt is anoniem.'
			},
			config: { kind: 'discuss' }
		},
		// 6. Listen to the outsiders.
		{
			title: { en: 'Listen to the outsiders', nl: 'Luister naar de buitenstaanders' },
			prompt: {
				en: 'What works, what does not, and what would you change? Anonymous. Support the ideas you agree with.',
				nl: 'Wat werkt, wat niet, en wat zou jij veranderen? Anoniem. Steun de ideeën waar je het mee eens bent.'
			},
			config: { kind: 'outsider' }
		},
		// 7. Lead by example.
		{
			title: { en: 'Lead by example', nl: 'Het goede voorbeeld geven' },
			prompt: {
				en: 'Leaders: one concrete commitment per strategic value. What will you do, by when, and which signal will others see?',
				nl: 'Leidinggevenden: één concrete afspraak per strategische waarde. Wat ga je doen, wanneer, en welk signaal zien anderen?'
			},
			config: { kind: 'commit', values: 'strategic' }
		}
	]
};

const CURRENT_VS_STRATEGIC: WorkshopTemplate = {
	id: 'current_vs_strategic',
	title: { en: '90 minutes: current vs strategic', nl: '90 minuten: huidig tegenover strategisch' },
	description: {
		en: 'Where we are and where the strategy needs us to be: the gap, and the first steps to close it.',
		nl: 'Waar we staan en waar de strategie ons nodig heeft: het verschil, en de eerste stappen om het te dichten.'
	},
	minutes: 90,
	activities: [
		REVIEW,
		{
			title: { en: 'What really drives us today', nl: 'Wat ons vandaag echt drijft' },
			prompt: {
				en: 'Which values really show in what we do, day to day? One value per card.',
				nl: 'Welke waarden zie je echt terug in wat we dag in dag uit doen? Eén waarde per kaartje.'
			},
			config: { kind: 'collect', lens: 'current', target: 'value' }
		},
		{
			title: { en: 'Today and where we need to be', nl: 'Vandaag en waar we moeten staan' },
			prompt: {
				en: 'How strongly does each value describe us today, and how strongly should it for our strategy? 1 = not at all, 5 = completely.',
				nl: 'Hoe sterk beschrijft elke waarde ons vandaag, en hoe sterk zou dat moeten voor onze strategie? 1 = helemaal niet, 5 = volledig.'
			},
			config: { kind: 'rate', lenses: ['current', 'strategic'], scale: '1-5', values: 'all' }
		},
		{
			title: { en: 'Where our energy should go', nl: 'Waar onze energie naartoe moet' },
			prompt: {
				en: 'Split 100 points over the values our strategy needs.',
				nl: 'Verdeel 100 punten over de waarden die onze strategie nodig heeft.'
			},
			config: { kind: 'allocate', lens: 'strategic', values: 'all' }
		},
		{
			title: { en: 'The biggest gap', nl: 'Het grootste verschil' },
			prompt: {
				en: 'Where is the gap between today and our strategy the largest? What is one step that would close it a little?',
				nl: 'Waar is het verschil tussen vandaag en onze strategie het grootst? Welke ene stap maakt het een beetje kleiner?'
			},
			config: { kind: 'discuss' }
		},
		{
			title: { en: 'Our first steps', nl: 'Onze eerste stappen' },
			prompt: {
				en: 'Leaders: one concrete commitment per strategic value. What will you do, by when, and which signal will others see?',
				nl: 'Leidinggevenden: één concrete afspraak per strategische waarde. Wat ga je doen, wanneer, en welk signaal zien anderen?'
			},
			config: { kind: 'commit', values: 'strategic' }
		}
	]
};

export const TEMPLATES: readonly WorkshopTemplate[] = [FULL_ALIGNMENT, CURRENT_VS_STRATEGIC];

export function findTemplate(id: string): WorkshopTemplate | null {
	return TEMPLATES.find((t) => t.id === id) ?? null;
}

/**
 * How many values an activity may ask about: every participant answers at most
 * `LIMITS.items.max` questions, and a rating asks one per value per lens.
 */
export function maxValues(config: { kind: ActivityKind; lenses?: readonly Lens[] }): number {
	const perValue = Math.max(1, config.lenses?.length ?? 1);
	return Math.floor(LIMITS.items.max / perValue);
}

function pickValues(pick: ValuePick, values: readonly TeamValue[], max: number): string[] {
	const strategic = values.filter((v) => v.lenses.includes('strategic'));
	const chosen = pick === 'strategic' && strategic.length > 0 ? strategic : values;
	return chosen.slice(0, max).map((v) => v.id);
}

/** A template activity's config with the team's values filled in (in the map's order). */
export function configFor(config: TemplateConfig, values: readonly TeamValue[]): ActivityConfig {
	if (!('values' in config)) return { ...config };
	const { values: pick, ...rest } = config;
	const copied = 'lenses' in rest ? { ...rest, lenses: [...rest.lenses] } : rest;
	return { ...copied, valueIds: pickValues(pick, values, maxValues(config)) } as ActivityConfig;
}

/** The agenda a template gives a team: titles and prompts in `locale`, the team's values in. */
export function agendaFromTemplate(
	template: WorkshopTemplate,
	locale: TemplateLocale,
	values: readonly TeamValue[],
	review: readonly ReviewItem[] = []
): AgendaActivity[] {
	return template.activities.map((a) => ({
		kind: a.config.kind,
		title: a.title[locale],
		prompt: a.reviewsCommitments
			? reviewPrompt(a.prompt[locale], review, locale)
			: a.prompt[locale],
		config: configFor(a.config, values)
	}));
}

/**
 * A text a template wrote in `from`, in `to`: an activity's title or prompt as the template gave
 * it (the review's prompt with its list of commitments too); null for a text someone wrote or
 * changed, which stays as it is.
 */
export function translateTemplateText(
	text: string,
	from: TemplateLocale,
	to: TemplateLocale
): string | null {
	if (from === to) return text;
	for (const template of TEMPLATES) {
		for (const a of template.activities) {
			if (a.title[from] === text) return a.title[to];
			if (a.prompt[from] === text) return a.prompt[to];
		}
	}
	return translateReviewPrompt(text, from, to);
}

function translateReviewPrompt(text: string, from: TemplateLocale, to: TemplateLocale) {
	const head = `${REVIEW.prompt[from]}\n\n${REVIEW_WORDS.heading[from]}\n`;
	if (!text.startsWith(head)) return null;
	const states = ['overdue', 'open', 'done', 'dropped'] as const;
	const [before, after] = REVIEW_WORDS.more[from].split('{n}');
	const listed: string[] = [];
	let hidden = 0;
	for (const line of text.slice(head.length).split('\n')) {
		const n = line.slice(2 + before.length, line.length - after.length);
		if (line.startsWith(`– ${before}`) && line.endsWith(after) && /^\d+$/.test(n)) {
			hidden += Number(n);
			continue;
		}
		const state = states.find((s) => line.endsWith(` (${REVIEW_WORDS[s][from]})`));
		if (!state || hidden > 0) return null;
		listed.push(
			`${line.slice(0, line.length - REVIEW_WORDS[state][from].length - 2)}(${REVIEW_WORDS[state][to]})`
		);
	}
	// The other language may be longer: what no longer fits is counted, as reviewPrompt does.
	for (;;) {
		const more = hidden > 0 ? [`– ${REVIEW_WORDS.more[to].replace('{n}', String(hidden))}`] : [];
		const result = [`${REVIEW.prompt[to]}\n\n${REVIEW_WORDS.heading[to]}`, ...listed, ...more];
		if (result.join('\n').length <= LIMITS.prompt.max || listed.length === 0) {
			return result.join('\n');
		}
		listed.pop();
		hidden++;
	}
}

/** What a new activity of a kind starts with, before the facilitator changes it. */
export function defaultConfig(kind: ActivityKind, values: readonly TeamValue[]): ActivityConfig {
	const template: Record<ActivityKind, TemplateConfig> = {
		collect: { kind: 'collect', lens: 'current', target: 'value' },
		rate: { kind: 'rate', lenses: ['current'], scale: '1-5', values: 'all' },
		dot_vote: { kind: 'dot_vote', lens: 'current', dots: 3, values: 'all' },
		allocate: { kind: 'allocate', lens: 'current', values: 'all' },
		outsider: { kind: 'outsider' },
		commit: { kind: 'commit', values: 'strategic' },
		discuss: { kind: 'discuss' }
	};
	return configFor(template[kind], values);
}

/** The value ids an activity asks about (none for kinds without values). */
export function valueIdsOf(config: ActivityConfig): string[] {
	return 'valueIds' in config ? config.valueIds : [];
}

/** Kinds whose activity means nothing without at least one value. */
export function needsValues(kind: ActivityKind): boolean {
	return KINDS[kind].asksAboutValues;
}
