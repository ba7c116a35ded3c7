/**
 * Imported by the room's page for this effect alone: the page module waits, before SvelteKit
 * hydrates it, for the panels it will find in the server's HTML (named on the page by
 * PANELS_ATTRIBUTE), so hydration meets the same markup and nothing typed early is lost. The
 * server loads every panel once. A phone that arrives by client-side navigation finds no name
 * here and loads the panel when the page asks (panels.ts).
 */
import { loadPanels, PANEL_NAMES, PANELS_ATTRIBUTE, type PanelName } from './panels';

const isPanel = (name: string): name is PanelName => (PANEL_NAMES as string[]).includes(name);

if (import.meta.env.SSR) {
	await loadPanels(PANEL_NAMES);
} else {
	const named = document.querySelector(`[${PANELS_ATTRIBUTE}]`)?.getAttribute(PANELS_ATTRIBUTE);
	await loadPanels((named ?? '').split(' ').filter(isPanel));
}
