/**
 * The room's panels, each loaded when the room shows something that needs it, so a phone
 * downloads the code of the activity in front of it and not of every kind there is.
 *
 * The server has them all (ready.ts); in the browser, ready.ts loads the panels the server's
 * page names before the page hydrates, so the first paint and the page without JavaScript are
 * whole; when the stream moves the room on, the page loads the next activity's panel then.
 * (A universal `+page.ts` load could do the same, but the first one in the app adds its
 * machinery to SvelteKit's client, on every page.)
 */
import { isVoting, type ActivityKind } from '$lib/domain/workshop';
import type { RoomSnapshot } from '$lib/server/live/events';

const LOADERS = {
	collect: () => import('./Collect.svelte').then((m) => m.default),
	outsider: () => import('./Outsider.svelte').then((m) => m.default),
	rate: () => import('./Rate.svelte').then((m) => m.default),
	spend: () => import('./Spend.svelte').then((m) => m.default),
	commit: () => import('./Commit.svelte').then((m) => m.default),
	results: () => import('./Results.svelte').then((m) => m.default),
	ownPosts: () => import('$lib/components/follow/OwnPosts.svelte').then((m) => m.default)
};

export type PanelName = keyof typeof LOADERS;
export type Panels = { [P in PanelName]?: Awaited<ReturnType<(typeof LOADERS)[P]>> };

/** The panel that takes each kind's answers (a discussion has none). */
export const KIND_PANEL = {
	collect: 'collect',
	outsider: 'outsider',
	rate: 'rate',
	dot_vote: 'spend',
	allocate: 'spend',
	commit: 'commit',
	discuss: null
} as const satisfies Record<ActivityKind, PanelName | null>;

/** The panels the room shows for this state of the workshop. */
export function panelsFor(snapshot: Pick<RoomSnapshot, 'activity' | 'pace'>): PanelName[] {
	const { activity, pace } = snapshot;
	if (pace.status === 'ended') return ['ownPosts'];
	if (!activity || pace.status === 'draft' || pace.status === 'locked') return [];
	const names: PanelName[] = [];
	const panel = KIND_PANEL[activity.kind];
	if (panel) names.push(panel);
	if (isVoting(activity.kind) && pace.revealed) names.push('results');
	return names;
}

export const PANEL_NAMES = Object.keys(LOADERS) as PanelName[];

/** The panels loaded so far: the same components for everyone, so one set per process. */
const loaded: Panels = {};

/** Loads the panels not loaded yet; resolves with every panel loaded so far. */
export async function loadPanels(names: PanelName[]): Promise<Panels> {
	const missing = names.filter((name) => !loaded[name]);
	const components = await Promise.all(missing.map((name) => LOADERS[name]()));
	missing.forEach((name, i) => ((loaded as Record<PanelName, unknown>)[name] = components[i]));
	return { ...loaded };
}

export const loadedPanels = (): Panels => ({ ...loaded });

/** The attribute by which the page names the panels it rendered (see ready.ts). */
export const PANELS_ATTRIBUTE = 'data-room-panels';
