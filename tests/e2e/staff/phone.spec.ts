import { signInContext } from '../accounts';
import { ratedWorkshop } from '../analytics/rated-workshop';
import { expectChartDrawn } from '../charts';
import { expect, test, waitForHydration } from '../fixtures';
import { expectStatus, postForm } from '../requests';
import { PHONE } from '../trust/room';
import { query } from '../workshops/started-workshop';

/**
 * Staff read their pages on a phone too: at 390 × 844 no team or organisation page is wider
 * than the screen (nothing to scroll sideways), with long names, tables and charts on them.
 */

test.use(PHONE);

const VALUES = [
	'Samenwerkingsbereidheid over afdelingsgrenzen heen',
	'Candour',
	'Curiosity about what our customers really need from us today',
	'Kwaliteitsbewustzijn'
];

test('no staff page is wider than a 390 px phone', async ({ page, playwright, baseURL }) => {
	test.setTimeout(180_000);
	const origin = baseURL!;
	const w = await ratedWorkshop(playwright.request, origin, 'Narrow', VALUES);
	const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
	const pulse = await postForm(w.staff, origin, `${w.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	expectStatus(pulse, 303, 'creating a pulse');
	const [{ commitmentId }] = await query<{ commitmentId: string }>(
		'select id as commitmentId from commitments where team_id = ?',
		[w.teamId]
	);
	const org = `/o/${w.owner.orgId}`;
	const pages = [
		org,
		`${org}/dashboard`,
		`${org}/leaders`,
		`${org}/members`,
		`${org}/settings`,
		`${org}/settings/data`,
		w.teamPath,
		`${w.teamPath}/map`,
		`${w.teamPath}/map/values/${w.values[0].id}`,
		`${w.teamPath}/dashboard`,
		`${w.teamPath}/workshops`,
		w.url,
		`${w.url}/results`,
		`${w.url}/report`,
		`${w.teamPath}/compare`,
		`${w.teamPath}/commitments`,
		`${w.teamPath}/commitments/${commitmentId}`,
		`${w.teamPath}/pulses`,
		pulse.location,
		`${w.teamPath}/board`,
		`${w.teamPath}/alignment`
	];

	await signInContext(page.context(), origin, w.owner);
	const wide: string[] = [];
	for (const path of pages) {
		const answer = await page.goto(path);
		expect(answer?.status(), path).toBe(200);
		await waitForHydration(page);
		for (const canvas of await page.locator('canvas').all()) await expectChartDrawn(canvas);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > 390) {
			// The widest elements that no scroll box of their own holds, to say what to fix.
			const culprits = await page.evaluate(() => {
				const clipped = (e: Element): boolean => {
					for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
						if (getComputedStyle(p).overflowX !== 'visible') return true;
					}
					return false;
				};
				return [...document.querySelectorAll('body *')]
					.filter((e) => e.getBoundingClientRect().right > 391 && !clipped(e))
					.filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > 391))
					.slice(0, 4)
					.map(
						(e) =>
							`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.textContent?.trim().slice(0, 30)}"`
					);
			});
			wide.push(`${path}: ${width} px (${culprits.join(', ')})`);
		}
	}
	expect(wide).toEqual([]);
});
