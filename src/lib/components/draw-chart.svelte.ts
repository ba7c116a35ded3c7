import { onMount } from 'svelte';
import type { Chart, ChartType } from 'chart.js';

/**
 * The life of a chart.js chart in a component, the same for every chart: its chart.js pieces
 * load on mount (so chart.js never runs on the server, nor on pages without a chart), `make`
 * draws it unless the component has gone meanwhile, new `data()` updates it without animation
 * (after `options`, if given, has adjusted the chart's options to what the data read),
 * it is drawn again at the printed width when the page is printed (the print layout is narrower
 * than the screen's, and chart.js sees no resize then), and it is destroyed on teardown. Call it
 * while the component initialises.
 */
export function drawChart<Pieces, T extends ChartType>(
	load: () => Promise<Pieces>,
	make: (pieces: Pieces) => Chart<T> | null,
	data: () => Chart<T>['data'],
	options?: (chart: Chart<T>) => void
): void {
	let chart: Chart<T> | null = null;
	onMount(() => {
		let gone = false;
		void load().then((pieces) => {
			if (!gone) chart = make(pieces);
		});
		const fit = () => chart?.resize();
		const print = matchMedia('print');
		print.addEventListener('change', fit);
		addEventListener('beforeprint', fit);
		addEventListener('afterprint', fit);
		return () => {
			gone = true;
			print.removeEventListener('change', fit);
			removeEventListener('beforeprint', fit);
			removeEventListener('afterprint', fit);
			chart?.destroy();
			chart = null;
		};
	});
	$effect(() => {
		const next = data();
		if (!chart) return;
		chart.data = next;
		options?.(chart);
		chart.update('none');
	});
}
