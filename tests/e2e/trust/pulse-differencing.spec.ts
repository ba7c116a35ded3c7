import { expect, test } from '../fixtures';
import { answerPulseByRequest, followTeam } from '../follow/setup';
import { t } from '../messages';
import { expectStatus, postForm, requestAs } from '../requests';

/**
 * Differencing a pulse (docs/security.md): an owner downloads the organisation's export and
 * reads the pulse page before and after one more answer, and before and after one changed
 * answer. Both stay the same until at least the minimum group size of people have answered or
 * changed their answers since the results were last updated.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('one more or one changed pulse answer changes nothing staff can download or read', async ({
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const team = await followTeam(playwright.request, origin, ['Candour'], { minGroupSize: 3 });
	const made = await postForm(team.asOwner, origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	expectStatus(made, 303, 'creating a pulse');
	const pulseId = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', pulseId);
	const items = await Promise.all(
		['0', '1'].map((p) =>
			team.one('select id from pulse_items where pulse_id = ? and position = ?', pulseId, p)
		)
	);
	const answer = (scores: number[]) => answerPulseByRequest(team, code, items, scores);

	/** What the owner can take away of this pulse: the export's pulse tables, the page's table. */
	const look = async () => {
		const exported = await team.asOwner.get(`/o/${team.orgId}/settings/data/export`);
		expect(exported.status()).toBe(200);
		const { tables } = await exported.json();
		const mine = (rows: Record<string, unknown>[] = []) =>
			rows.filter((r) => r.pulse_id === pulseId);
		const page = await team.asOwner.get(`${team.teamPath}/pulses/${pulseId}`);
		const html = await page.text();
		return {
			totals: mine(tables.pulse_totals).map(({ released_at: _, ...row }) => row),
			counts: mine(tables.pulse_release_counts),
			table: html.match(/<table[\s\S]*<\/table>/)?.[0] ?? null,
			html
		};
	};

	// Three people answer, one of them on a device that keeps its cookie.
	const form = (a: number, b: number) => ({
		[`item_${items[0]}`]: `${a}`,
		[`item_${items[1]}`]: `${b}`
	});
	const device = await requestAs(playwright.request, origin);
	expectStatus(await postForm(device, origin, `/pulse/${code}`, form(5, 10)), 303, 'answering');
	await answer([4, 9]);
	await answer([2, 3]);
	const three = await look();
	expect(three.totals[0]).toMatchObject({ respondents: 3 });
	expect(three.table).toContain('67 %');

	// One more person: the export and the page are the same as before, and say why.
	await answer([1, 0]);
	const four = await look();
	expect(four.totals).toEqual(three.totals);
	expect(four.counts).toEqual(three.counts);
	expect(four.table).toEqual(three.table);
	expect(four.html).toContain(
		t('follow_pulse_release_behind', { released: 3, responses: 4, more: 2 })
	);

	// The first person changes their answers: still nothing to compare.
	const cookie = (await device.storageState()).cookies.find((c) => c.name === `q_${pulseId}`)!;
	const again = await requestAs(playwright.request, origin, { [cookie.name]: cookie.value });
	expectStatus(await postForm(again, origin, `/pulse/${code}`, form(1, 0)), 303, 'changing');
	const changed = await look();
	expect(changed.totals).toEqual(three.totals);
	expect(changed.counts).toEqual(three.counts);
	expect(changed.table).toEqual(three.table);

	// A third person since the last update: the results move on, by three people at once.
	await answer([5, 10]);
	const five = await look();
	expect(five.totals[0]).toMatchObject({ respondents: 5, release: 2 });
	expect(five.table).not.toEqual(three.table);
	await device.dispose();
	await again.dispose();
});
