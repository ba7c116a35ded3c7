/**
 * A draft workshop moved to another language: the texts the app wrote into it (a template's
 * titles and prompts, an added activity's default name) rewritten in the new language; what the
 * facilitator wrote or changed stays as it is.
 */
import { activityKindName } from '$lib/components/workshops/names';
import { translateTemplateText, type ContentLanguage } from '../../domain/templates';
import type { ActivityKind } from '../../domain/workshop';

interface ActivityText {
	id: string;
	kind: ActivityKind;
	title: string;
	prompt: string;
}

function titleIn(a: ActivityText, from: ContentLanguage, to: ContentLanguage): string {
	const fromTemplate = translateTemplateText(a.title, from, to);
	if (fromTemplate !== null) return fromTemplate;
	return a.title === activityKindName(a.kind, from) ? activityKindName(a.kind, to) : a.title;
}

/** The activities whose texts change, with their texts in `to`. */
export function textsInLanguage(
	activities: readonly ActivityText[],
	from: ContentLanguage,
	to: ContentLanguage
): { id: string; title: string; prompt: string }[] {
	return activities.flatMap((a) => {
		const title = titleIn(a, from, to);
		const prompt = a.prompt === '' ? '' : (translateTemplateText(a.prompt, from, to) ?? a.prompt);
		return title !== a.title || prompt !== a.prompt ? [{ id: a.id, title, prompt }] : [];
	});
}
