import type { Lens } from '$lib/domain/culture';

/** The query string of a map page: which lens, and whether archived items are shown. */
export function lensQuery(lens: Lens, archived: boolean): string {
	return `?lens=${lens}${archived ? '&archived=1' : ''}`;
}

/** A named form action that brings the person back to the same lens and toggle. */
export function actionUrl(lens: Lens, archived: boolean, action: string): string {
	return `${lensQuery(lens, archived)}&/${action}`;
}
