import { applyAction } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: after the answer, the page updates but the form keeps what was typed (a
 * refused field stays as typed next to its message; a saved one shows what the server now has).
 */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });

/**
 * Like `keepValues`, but a success is shown as soon as the server has answered, and the page's
 * data is read again after. SvelteKit's own order (read the data again, then show the answer)
 * keeps the confirmation back until the reload is done: on a heavy page (a wall of 1,000 cards)
 * with a busy server, or when the route of the page must first be resolved by the server
 * (`router.resolution: 'server'`), that is seconds of a click that seems to do nothing.
 * A refusal or a redirect goes the usual way (nothing to read again for a refusal).
 */
export const answerFirst: SubmitFunction =
	() =>
	async ({ result, update }) => {
		if (result.type !== 'success') return update({ reset: false });
		await applyAction(result);
		await invalidateAll();
	};
