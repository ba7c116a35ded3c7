import en from '../../messages/en.json' with { type: 'json' };
import nl from '../../messages/nl.json' with { type: 'json' };

export type Locale = 'en' | 'nl';
export type MessageKey = Exclude<keyof typeof en, '$schema'>;

const catalogues: Record<Locale, Record<string, string>> = { en, nl };

/** A message as the app shows it, so that the tests follow copy changes in messages/*.json. */
export function t(
	key: MessageKey,
	params: Record<string, string | number> = {},
	locale: Locale = 'en'
): string {
	const template = catalogues[locale][key];
	if (template === undefined) throw new Error(`No ${locale} message "${key}"`);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
