import { createClient } from '@libsql/client';
import type { APIRequestContext, Page } from '@playwright/test';
import { newAccountDetails, signInContext, signUpByRequest } from '../accounts';
import { expectChartDrawn } from '../charts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { PAGE_MS } from '../../../src/lib/components/workshops/fit';
import { createTeamByRequest, expectStatus, postForm, postJson, requestAs } from '../requests';
import { DB, firstSnapshot, joinDevice } from '../trust/room';
import { query, type ActivityRow } from '../workshops/started-workshop';

/**
 * The projector holds up with many values and long names: for every voting kind (rating, dot
 * vote, 100 points) and the "where we stand" overview, at 3, 13 and 40 values, at 1920×1080 and
 * 1280×720, no two texts overlap, none is cut off by the screen, a chart or a box that hides
 * what overflows, and at 1080p none is smaller than 20 px. Text in the DOM is measured with
 * ranges; text chart.js draws on a canvas is recorded as it is drawn (every `fillText`, with the
 * canvas's transform and the text's measured extent), so what is measured is what is painted.
 */

/** Real names are long: up to 60 characters, Dutch compounds without a place to break. */
const NAMES = [
	'Klantgerichtheidsverbeteringsprogramma',
	'Integrity without compromise, also when nobody is watching us',
	'Ownership',
	'Verantwoordelijkheidsgevoel voor het geheel en elkaar',
	'Candour',
	'Samenwerkingsbereidheid over afdelingsgrenzen heen',
	'Curiosity about what our customers really need from us today',
	'Kwaliteitsbewustzijn',
	'Speed',
	'Ondernemerschap met lef en een lange adem voor de toekomst',
	'Respect',
	'Arbeidsongeschiktheidsverzekeringsmaatschappijbewustzijn',
	'Learning from mistakes in the open, without blaming anyone'
];

function valueNames(n: number): string[] {
	return Array.from({ length: n }, (_, i) =>
		i < NAMES.length ? NAMES[i] : `${NAMES[i % NAMES.length].slice(0, 52)} ${i + 1}`
	);
}

const DEVICES = 6;
const SCREENS = [
	{ width: 1920, height: 1080 },
	{ width: 1280, height: 720 }
];

interface Box {
	text: string;
	where: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
	/** Rendered size of the type, in CSS pixels. */
	size: number;
	/** What it must stay inside of, in page pixels. */
	within: { left: number; top: number; right: number; bottom: number; what: string };
}

/** Records every text chart.js paints, per canvas, since the canvas was last cleared. */
function recordCanvasText() {
	type Drawn = {
		text: string;
		corners: [number, number][];
		size: number;
	};
	const proto = CanvasRenderingContext2D.prototype;
	const fillText = proto.fillText;
	const clearRect = proto.clearRect;
	const list = (canvas: HTMLCanvasElement): Drawn[] => {
		const c = canvas as HTMLCanvasElement & { __texts?: Drawn[] };
		return (c.__texts ??= []);
	};
	proto.clearRect = function (x: number, y: number, w: number, h: number) {
		const m = this.getTransform();
		if (m.a * w >= this.canvas.width && m.d * h >= this.canvas.height) {
			(this.canvas as HTMLCanvasElement & { __texts?: Drawn[] }).__texts = [];
		}
		return clearRect.call(this, x, y, w, h);
	};
	proto.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
		const metrics = this.measureText(text);
		const m = this.getTransform();
		const left = x - metrics.actualBoundingBoxLeft;
		const right = x + metrics.actualBoundingBoxRight;
		const top = y - metrics.actualBoundingBoxAscent;
		const bottom = y + metrics.actualBoundingBoxDescent;
		const corners = (
			[
				[left, top],
				[right, top],
				[left, bottom],
				[right, bottom]
			] as [number, number][]
		).map(([px, py]) => [m.a * px + m.c * py + m.e, m.b * px + m.d * py + m.f] as [number, number]);
		const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 0);
		if (String(text).trim()) {
			list(this.canvas as HTMLCanvasElement).push({
				text: String(text),
				corners,
				size: px * Math.hypot(m.a, m.b)
			});
		}
		return maxWidth === undefined
			? fillText.call(this, text, x, y)
			: fillText.call(this, text, x, y, maxWidth);
	};
}

/** Every text on the projector as boxes in page pixels. */
async function textBoxes(page: Page): Promise<Box[]> {
	return page.evaluate(() => {
		const boxes: Box[] = [];
		const screen = {
			left: 0,
			top: 0,
			right: window.innerWidth,
			bottom: window.innerHeight,
			what: 'the screen'
		};
		/** The nearest box that hides what overflows it, or the screen. */
		const clipOf = (el: Element) => {
			for (let at = el.parentElement; at; at = at.parentElement) {
				const style = getComputedStyle(at);
				if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
					const r = at.getBoundingClientRect();
					if (r.width <= 1 || r.height <= 1) return null; // visually hidden
					return {
						left: Math.max(r.left, 0),
						top: Math.max(r.top, 0),
						right: Math.min(r.right, screen.right),
						bottom: Math.min(r.bottom, screen.bottom),
						what: `<${at.tagName.toLowerCase()} class="${at.className}">`
					};
				}
			}
			return screen;
		};
		const root = document.querySelector('.presenter')!;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent ?? '';
			if (!text.trim()) continue;
			const el = node.parentElement!;
			// Not painted: a closed <details>, hidden or transparent.
			if (
				!el.checkVisibility({
					contentVisibilityAuto: true,
					opacityProperty: true,
					visibilityProperty: true
				})
			) {
				continue;
			}
			const style = getComputedStyle(el);
			const within = clipOf(el);
			if (!within) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			for (const r of range.getClientRects()) {
				if (r.width < 1 || r.height < 1) continue;
				boxes.push({
					text: text.trim().slice(0, 70),
					where: `<${el.tagName.toLowerCase()}>`,
					left: r.left,
					top: r.top,
					right: r.right,
					bottom: r.bottom,
					size: parseFloat(style.fontSize),
					within
				});
			}
		}
		for (const canvas of root.querySelectorAll('canvas')) {
			const r = canvas.getBoundingClientRect();
			const scale = r.width / canvas.width;
			const drawn =
				(
					canvas as HTMLCanvasElement & {
						__texts?: { text: string; corners: [number, number][]; size: number }[];
					}
				).__texts ?? [];
			for (const d of drawn) {
				const xs = d.corners.map(([x]) => r.left + x * scale);
				const ys = d.corners.map(([, y]) => r.top + y * scale);
				boxes.push({
					text: d.text.slice(0, 70),
					where: 'canvas',
					left: Math.min(...xs),
					top: Math.min(...ys),
					right: Math.max(...xs),
					bottom: Math.max(...ys),
					size: d.size * scale,
					within: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, what: 'its chart' }
				});
			}
		}
		return boxes;
	});
}

/** What is wrong with the texts on the projector: overlaps, cuts, type too small. */
function problems(boxes: Box[], minSize: number | null): string[] {
	const found: string[] = [];
	const slack = 1;
	for (const b of boxes) {
		const w = b.within;
		if (
			b.left < w.left - slack ||
			b.top < w.top - slack ||
			b.right > w.right + slack ||
			b.bottom > w.bottom + slack
		) {
			found.push(`cut by ${w.what}: "${b.text}" (${b.where})`);
		}
		if (minSize !== null && b.size < minSize - 0.01) {
			found.push(`${b.size.toFixed(1)} px: "${b.text}" (${b.where})`);
		}
	}
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
			const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
			if (x > slack && y > slack) {
				found.push(`overlap: "${a.text}" (${a.where}) and "${b.text}" (${b.where})`);
			}
		}
	}
	return found;
}

/** An owner with a team of `n` values under both lenses, a workshop with every voting kind. */
async function setUp(
	factory: Parameters<typeof requestAs>[0],
	origin: string,
	n: number
): Promise<{
	staff: APIRequestContext;
	owner: Awaited<ReturnType<typeof signUpByRequest>>;
	id: string;
	activities: ActivityRow[];
	pace: (command: Record<string, unknown>) => Promise<void>;
	phones: { context: APIRequestContext; cookies: Record<string, string> }[];
}> {
	const details = newAccountDetails(`projector-${n}`);
	const owner = await signUpByRequest(await requestAs(factory, origin), origin, details);
	const staff = await requestAs(factory, origin, { session: owner.sessionToken });
	const settings = await postForm(staff, origin, `/o/${owner.orgId}/settings`, {
		name: details.organisation,
		minGroupSize: '3'
	});
	expectStatus(settings, 200, 'setting the minimum group size');
	const teamId = await createTeamByRequest(staff, origin, owner.orgId, `Projector ${n}`);
	for (const name of valueNames(n)) {
		const made = await postForm(staff, origin, `/o/${owner.orgId}/t/${teamId}/map?/createValue`, {
			name,
			lens_current: 'on',
			lens_strategic: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
	}
	const created = await postForm(staff, origin, `/o/${owner.orgId}/t/${teamId}/workshops?/create`, {
		title: 'Where our culture stands',
		template: 'current_vs_strategic'
	});
	expectStatus(created, 303, 'creating the workshop');
	const id = created.location.split('/').pop()!;
	const added = await postForm(staff, origin, `${created.location}?/addActivity`, {
		kind: 'dot_vote'
	});
	expectStatus(added, 200, 'adding a dot vote');
	// Enough dots that six people can give each of 40 values three voters (the release rule).
	const db = createClient({ url: DB, timeout: 5000 });
	try {
		const [row] = (
			await db.execute({
				sql: "select id, config from activities where workshop_id = ? and kind = 'dot_vote'",
				args: [id]
			})
		).rows as unknown as { id: string; config: string }[];
		await db.execute({
			sql: 'update activities set config = ? where id = ?',
			args: [JSON.stringify({ ...JSON.parse(row.config), dots: 20 }), row.id]
		});
	} finally {
		db.close();
	}
	const activities = await query<ActivityRow>(
		'select id, position, kind, title, config from activities where workshop_id = ? order by position',
		[id]
	);
	const pace = async (command: Record<string, unknown>) =>
		expectStatus(await postJson(staff, origin, `/live/${id}/pace`, command), 200, 'pacing');
	await pace({ type: 'start' });
	const phones = [];
	for (let i = 0; i < DEVICES; i++) {
		const joined = await joinDevice(factory, origin, {
			owner,
			staff,
			id,
			joinCode: (
				await query<{ joinCode: string }>(
					'select join_code as joinCode from workshops where id = ?',
					[id]
				)
			)[0].joinCode,
			url: created.location
		});
		if (!joined.cookies) throw new Error(`joining: got ${joined.status}`);
		phones.push({
			context: await requestAs(factory, origin, joined.cookies),
			cookies: joined.cookies
		});
	}
	return { staff, owner, id, activities, pace, phones };
}

/** Each device's answers to an activity's items: every item gets at least three voters. */
function answersOf(kind: string, items: string[], device: number): Record<string, number> {
	if (kind === 'rate') {
		return Object.fromEntries(items.map((item, i) => [item, ((device + i * 3) % 5) + 1]));
	}
	const mine = items.filter((_, i) => i % 2 === device % 2);
	if (kind === 'dot_vote') {
		const answers = Object.fromEntries(mine.map((item) => [item, 1]));
		answers[mine[0]] += Math.min(20 - mine.length, device);
		return answers;
	}
	const each = Math.floor(100 / mine.length);
	const answers = Object.fromEntries(mine.map((item) => [item, each]));
	answers[mine[(device * 7) % mine.length]] += 100 - each * mine.length;
	return answers;
}

for (const n of [3, 13, 40]) {
	test(`the projector's charts stay readable with ${n} values`, async ({
		page,
		playwright,
		baseURL
	}) => {
		test.setTimeout(240_000);
		const origin = baseURL!;
		const w = await setUp(playwright.request, origin, n);
		await page.addInitScript(recordCanvasText);
		await signInContext(page.context(), origin, w.owner);

		// The projector's clock runs only when told, so a page of bars advances when the test says.
		await page.clock.install();
		const report: string[] = [];
		const check = async (what: string, ready: () => Promise<void>) => {
			for (const screen of SCREENS) {
				await page.setViewportSize(screen);
				await page.goto(`/present/${w.id}`);
				await ready();
				const canvases = await page.locator('canvas').all();
				for (const canvas of canvases) await expectChartDrawn(canvas);
				const boxes = await textBoxes(page);
				// Every chart's texts were seen: at least a label per value shown and the axis.
				expect(boxes.filter((b) => b.where === 'canvas').length).toBeGreaterThan(
					canvases.length * 4
				);
				const found = problems(boxes, screen.height >= 1080 ? 20 : null);
				// Values that do not fit come on the next page, as readable as the first.
				const page1 = page.getByTestId('chart-page');
				if (n === 40 && what !== 'overview') {
					const first = await page1.textContent();
					expect(first).toMatch(/^Values 1–\d+ of \d+$/);
					await page.clock.runFor(PAGE_MS);
					await expect(page1).not.toHaveText(first!);
					await expect(page1).toHaveText(/^Values \d+–\d+ of \d+$/);
					found.push(...problems(await textBoxes(page), screen.height >= 1080 ? 20 : null));
				}
				if (n === 40) {
					await page.screenshot({
						path: `tests/.output/projector-${n}-${what}-${screen.width}.png`
					});
				}
				report.push(
					...found.map((p) => `${n} values, ${what}, ${screen.width}×${screen.height}: ${p}`)
				);
			}
		};

		for (const kind of ['rate', 'dot_vote', 'allocate']) {
			const index = w.activities.findIndex((a) => a.kind === kind);
			const activity = w.activities[index];
			await w.pace({ type: 'goto', index });
			const snapshot = await firstSnapshot(`${origin}/live/${w.id}/events`, w.phones[0].cookies);
			const live = snapshot.snapshot!.activity as { id: string; items: { itemId: string }[] };
			expect(live.id).toBe(activity.id);
			const items = live.items.map((i) => i.itemId);
			for (const [device, phone] of w.phones.entries()) {
				const sent = await postJson(phone.context, origin, `/live/${w.id}/answers`, {
					activityId: activity.id,
					answers: answersOf(kind, items, device)
				});
				expect(sent.status, `answers to ${kind}`).toBe(200);
			}
			await w.pace({ type: 'reveal' });
			await check(kind, async () => {
				await expect(page.getByRole('heading', { name: activity.title })).toBeVisible();
				await expect(page.locator('canvas').first()).toBeVisible();
			});
		}

		await w.pace({ type: 'show_overview' });
		await check('overview', async () => {
			await expect(page.getByRole('heading', { name: t('present_overview_title') })).toBeVisible();
			await expect(page.locator('canvas').first()).toBeVisible();
		});
		for (const phone of w.phones) await phone.context.dispose();

		expect(report).toEqual([]);
	});
}
