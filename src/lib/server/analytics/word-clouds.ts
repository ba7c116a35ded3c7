import { has, type KindsWith } from '../../domain/activity-kinds';
import { countWords, type CountedWord } from '../../domain/word-count';
import type { TooFew } from './report';
import type { WorkshopTexts } from './texts';

/** The word cloud of one collect or outsider-voice activity on the results page. */
export interface ActivityCloud {
	id: string;
	number: number;
	kind: KindsWith<'cardWall'>;
	title: string;
	/** Cards counted: every card shown on the results page, duplicates included. */
	cards: number;
	/** Fewer people wrote than the minimum: no words, as for the texts themselves. */
	tooFew: TooFew | null;
	words: CountedWord[];
}

/**
 * A word cloud per collect and outsider-voice activity with cards, from exactly the texts the results page
 * shows (withheld activities give none): each card and each duplicate folded into one counts.
 */
export function workshopWordClouds(texts: WorkshopTexts): ActivityCloud[] {
	return texts.activities.flatMap((activity) => {
		// Nothing written, nothing to say: the texts section below says so already.
		if (!has(activity.kind, 'cardWall') || activity.cards === 0) return [];
		const cardTexts = activity.groups.flatMap((g) =>
			g.cards.flatMap((c) => [c.text, ...c.duplicates])
		);
		return [
			{
				id: activity.id,
				number: activity.number,
				kind: activity.kind,
				title: activity.title,
				cards: activity.tooFew ? activity.cards : cardTexts.length,
				tooFew: activity.tooFew,
				words: activity.tooFew ? [] : countWords(cardTexts)
			}
		];
	});
}
