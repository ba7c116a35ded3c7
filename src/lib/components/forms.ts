import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: after the answer, the page updates but the form keeps what was typed (a
 * refused field stays as typed next to its message; a saved one shows what the server now has).
 */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });
