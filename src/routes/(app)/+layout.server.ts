import { requireUser } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

/** Staff pages: signed-in people only. Each page and action still checks its own access. */
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
};
