import en from '../../messages/en.json' with { type: 'json' };
import nl from '../../messages/nl.json' with { type: 'json' };

export type Locale = 'en' | 'nl';
export type MessageKey = Exclude<keyof typeof en, '$schema'>;

/** A message with plural forms, in inlang's message format: one text per plural category. */
interface Variants {
	declarations: string[];
	selectors: string[];
	match: Record<string, string>;
}

const catalogues: Record<Locale, Record<string, string | Variants[]>> = { en, nl };

/** The text of `message` for `params`: its plural form picked as the app does (Intl.PluralRules). */
function pick(
	message: string | Variants[],
	params: Record<string, string | number>,
	locale: Locale
) {
	if (typeof message === 'string') return message;
	const [{ declarations, match }] = message;
	// "local countPlural = count: plural": the selector countPlural is the plural category of count.
	const locals = Object.fromEntries(
		declarations.flatMap((d) => {
			const found = /^local (\w+) = (\w+): plural$/.exec(d);
			return found
				? [[found[1], new Intl.PluralRules(locale).select(Number(params[found[2]]))]]
				: [];
		})
	);
	for (const [key, text] of Object.entries(match)) {
		const fits = key.split(',').every((part) => {
			const [name, want] = part.trim().split('=');
			return want === '*' || locals[name] === want;
		});
		if (fits) return text;
	}
	throw new Error(`No variant of a message fits ${JSON.stringify(params)}`);
}

/** A message as the app shows it, so that the tests follow copy changes in messages/*.json. */
export function t(
	key: MessageKey,
	params: Record<string, string | number> = {},
	locale: Locale = 'en'
): string {
	const message = catalogues[locale][key];
	if (message === undefined) throw new Error(`No ${locale} message "${key}"`);
	return pick(message, params, locale).replace(/\{(\w+)\}/g, (whole, name: string) =>
		String(params[name] ?? whole)
	);
}
