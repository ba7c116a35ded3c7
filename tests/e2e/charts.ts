import { expect, type Locator } from '@playwright/test';

/**
 * Waits until chart.js has drawn into `canvas`: the chart is attached (chart.js marks the
 * canvas with `$chartjs`) and some pixel is painted.
 */
export async function expectChartDrawn(canvas: Locator): Promise<void> {
	await expect
		.poll(() =>
			canvas.evaluate((c: HTMLCanvasElement) => {
				if (!('$chartjs' in c) || c.width === 0 || c.height === 0) return false;
				const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
				for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
				return false;
			})
		)
		.toBe(true);
}
