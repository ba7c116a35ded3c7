import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { expectStatus, postForm } from '../requests';
import { startedWorkshop, query } from './started-workshop';

/**
 * From cards to culture, the whole way (issue 11, "Done when"): phones write cards and outsider
 * posts; the facilitator accepts a suggested group on the console and ends the workshop; the
 * culture map is unchanged until the review is accepted, and then holds exactly what was
 * accepted, with its origin; the results page, the report and both text exports show every
 * card and post; a post answered by staff on the team's board shows its answer on the phone
 * that wrote it, and on no other.
 */

const MEETINGS = [
	'Meetings always overrun',
	'Vergaderingen lopen altijd uit',
	'Our meetings overrun every week',
	'vergaderingen lopen uit'
];
const OTHERS = ['Speed over care', 'Blame'];
const POSTS = [
	'Customers wait weeks for an answer',
	'Your invoices are always late',
	'Nobody calls back',
	'The website is confusing',
	'Great people, slow decisions'
];

test('cards become culture only through the review, and nothing the room wrote is lost', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const room = await startedWorkshop(playwright.request, origin, 'Synthesis');
	const { id, url, teamId, teamPath, title, owner, staff, pace, write } = room;
	const collect = room.activities.find((a) => a.title === 'What really happens')!;
	const outsider = room.find('outsider');

	await pace({ type: 'goto', index: collect.position });
	await signInContext(page.context(), origin, owner);
	await page.setViewportSize({ width: 1400, height: 1100 });
	await page.goto(`${url}/console`);
	await waitForHydration(page);
	for (const [i, text] of [...MEETINGS, ...OTHERS].entries()) await write(i % 5, collect.id, text);

	// The facilitator accepts the suggested group with one click.
	const panel = page.getByRole('region', { name: t('suggest_title') });
	const meetings = panel.getByRole('listitem').filter({ hasText: MEETINGS[1] }).first();
	for (const text of MEETINGS) await expect(meetings).toContainText(text);
	await meetings.getByRole('button', { name: t('suggest_accept') }).click();
	await expect(panel.getByRole('status')).toContainText(
		t('suggest_grouped', { name: MEETINGS[0] })
	);

	await pace({ type: 'goto', index: outsider.position });
	for (const [i, text] of POSTS.entries()) await write(i, outsider.id, text);
	expectStatus(
		await postForm(staff, origin, `${url}/console?/pace`, { command: 'end' }),
		200,
		'ending'
	);

	// Ending wrote nothing to the culture map.
	const map = async () => ({
		values: (
			await query<{ name: string; cards: number | null; workshop: string | null }>(
				'select name, card_count as cards, workshop_id as workshop from culture_values where team_id = ? order by name',
				[teamId]
			)
		).map((v) => [v.name, v.cards, v.workshop]),
		elements: (
			await query<{ n: number }>('select count(*) as n from culture_elements where team_id = ?', [
				teamId
			])
		)[0].n
	});
	expect(await map()).toEqual({ values: [], elements: 0 });

	// The review: the accepted group is one proposal of four cards; accept it and "Speed over
	// care", reject "Blame".
	await page.goto(`${url}/results`);
	await page.getByRole('link', { name: t('review_open') }).click();
	await waitForHydration(page);
	const proposal = (name: string) => page.getByRole('group', { name, exact: true });
	await expect(proposal(MEETINGS[0])).toContainText(t('review_cards', { count: 4 }));
	await proposal('Blame').getByLabel(t('review_reject')).check();
	await page.getByRole('button', { name: t('review_submit') }).click();
	await expect(
		page.getByText(
			t('review_written', { values: 2, lenses: 0, elements: 0, unchanged: 0, rejected: 1 })
		)
	).toBeVisible();
	expect(await map()).toEqual({
		values: [
			[MEETINGS[0], 4, id],
			[OTHERS[0], 1, id]
		],
		elements: 0
	});
	await page.goto(`${teamPath}/map?lens=current`);
	await expect(page.getByText(t('map_from_workshop', { title, count: 4 }))).toBeVisible();

	// Every card and post on the results page, in the report and in both exports.
	const everything = [...MEETINGS, ...OTHERS, ...POSTS];
	for (const path of ['results', 'report']) {
		await page.goto(`${url}/${path}`);
		const texts = page.getByRole('region', { name: t('texts_title') });
		for (const text of everything) await expect(texts).toContainText(text);
	}
	for (const format of ['csv', 'json']) {
		const file = await staff.get(`${origin}${url}/results/export?kind=texts&format=${format}`);
		expect(file.status(), `texts export as ${format}`).toBe(200);
		const body = await file.text();
		for (const text of everything) expect(body, format).toContain(text);
	}

	// Staff answer a landed post on the team's board; only the phone that wrote it sees the answer.
	const reply = 'We now answer every customer within two days.';
	await page.goto(`${teamPath}/board`);
	const landed = page.getByRole('article', { name: POSTS[0] });
	await landed.getByText(t('follow_board_triage')).click();
	await landed.getByLabel(t('follow_board_answer')).fill(reply);
	await landed.getByRole('button', { name: t('common_save') }).click();
	await expect(landed.getByRole('status')).toHaveText(t('common_saved'));
	const roomPage = async (who: number) => (await room.phones[who].get(`${origin}/w/${id}`)).text();
	expect(await roomPage(0)).toContain(reply);
	for (const who of [1, 2, 3, 4]) expect(await roomPage(who)).not.toContain(reply);
	await room.dispose();
});
