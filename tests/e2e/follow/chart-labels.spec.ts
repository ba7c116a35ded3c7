import { createClient } from '@libsql/client';
import { signInContext } from '../accounts';
import { expectChartDrawn } from '../charts';
import { expect, test } from '../fixtures';
import { followTeam } from './setup';

/**
 * The time axis of the dashboards' charts in Dutch (issue 15: "dec 2024apr 2025…"): two years of
 * monthly pulses on the organisation's dashboard, and no two labels on the axis so close that
 * they read as one. Read from the drawn pixels: the label band split where at least 10 px are
 * blank must give pieces no wider than one label.
 */

test('two years of Dutch month labels stay apart on the organisation chart', async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const now = new Date();
	for (let back = 23; back >= 0; back--) {
		const opens = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 3));
		const day = opens.toISOString().slice(0, 10);
		const id = `${team.teamId}-p${back}`;
		await db.execute({
			sql: `insert into pulses (id, team_id, code, opens_on, closes_on, cadence_weeks, open_question)
			      values (?, ?, ?, ?, ?, 4, 'What would you change?')`,
			args: [id, team.teamId, `L${team.teamId}${back}`.slice(0, 30), day, day]
		});
		await db.execute({
			sql: `insert into pulse_totals (pulse_id, respondents, value_answers, value_favourable,
			      enps_answers, promoters, detractors) values (?, 10, 10, ?, 10, 4, 2)`,
			args: [id, 4 + (back % 5)]
		});
	}
	db.close();

	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: team.origin }]);
	await signInContext(page.context(), team.origin, team.owner);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/o/${team.orgId}/dashboard`);
	const canvas = page.locator('section[aria-labelledby="fav-title"] canvas');
	await expectChartDrawn(canvas);
	await canvas.screenshot({ path: 'tests/.output/screens/follow-org-chart-months-nl.png' });
	const labels = await page
		.locator('section[aria-labelledby="fav-title"] table tbody th')
		.allTextContents();
	expect(labels).toHaveLength(24);

	const pieces = await canvas.evaluate((c: HTMLCanvasElement, texts: string[]) => {
		const ctx = c.getContext('2d')!;
		const { width, height } = c;
		const pixels = ctx.getImageData(0, 0, width, height).data;
		const dark = (x: number, y: number) => {
			const i = (y * width + x) * 4;
			return pixels[i + 3] > 128 && pixels[i] < 110 && pixels[i + 1] < 110 && pixels[i + 2] < 110;
		};
		const rowDark = (y: number) => {
			for (let x = 0; x < width; x++) if (dark(x, y)) return true;
			return false;
		};
		// The x labels are the lowest band of dark (text) pixels.
		let bottom = height - 1;
		while (bottom > 0 && !rowDark(bottom)) bottom--;
		let top = bottom;
		while (top > 0 && rowDark(top - 1)) top--;
		const columns: boolean[] = [];
		for (let x = 0; x < width; x++) {
			let any = false;
			for (let y = top; y <= bottom && !any; y++) any = dark(x, y);
			columns.push(any);
		}
		const found: { from: number; to: number }[] = [];
		let blank = Infinity;
		columns.forEach((on, x) => {
			if (!on) return void blank++;
			if (blank >= 10 || found.length === 0) found.push({ from: x, to: x });
			else found[found.length - 1].to = x;
			blank = 0;
		});
		ctx.save();
		ctx.font = '12px system-ui, sans-serif';
		const widest = Math.max(...texts.map((t) => ctx.measureText(t).width));
		ctx.restore();
		return { widths: found.map((p) => p.to - p.from + 1), widest, ratio: window.devicePixelRatio };
	}, labels);
	// Several labels shown, each a piece of its own (a merged pair would be twice as wide).
	expect(pieces.widths.length).toBeGreaterThan(2);
	for (const w of pieces.widths) expect(w).toBeLessThanOrEqual(pieces.widest * pieces.ratio + 4);
});
