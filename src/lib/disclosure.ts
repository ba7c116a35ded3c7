/**
 * Opens a `<details>` from the page's state without ever closing it: spread it onto the
 * element, `<details {...openWhen(failed)}>`.
 *
 * `open={failed}` would not do. When the page hydrates Svelte assigns `details.open = false`,
 * shutting a disclosure the person opened while the scripts were still loading (a slow phone,
 * a busy projector laptop), and what they were about to fill in vanishes. A spread sets only
 * the attributes it names, so an absent `open` leaves the element as the person left it; the
 * server still renders `open` when the state asks for it, which is what a browser without
 * JavaScript needs after a failed form post.
 */
export function openWhen(open: boolean): { open?: true } {
	return open ? { open: true } : {};
}
