import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import type { ActivityKind } from '../../../src/lib/domain/workshop';
import { newAccountDetails, signInContext, signUpByRequest, type Account } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import {
	createTeamByRequest,
	expectStatus,
	postForm,
	postJson,
	requestAs,
	type RequestFactory
} from '../requests';
import { RoomPage } from './RoomPage';

/**
 * Taking part in a live workshop from a phone: joining with the code (typed, or by the QR
 * link), each kind of activity, live updates, a reload mid-vote, refusals next to the input,
 * the same forms without JavaScript, and withdrawing. The workshop is created on the staff's
 * own page; the facilitator's pace is driven through the same endpoint the console uses.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const VALUES = ['Ownership', 'Candour', 'Curiosity'];

interface Workshop {
	id: string;
	joinCode: string;
	/** Agenda index of the first activity of each kind. */
	index: Partial<Record<ActivityKind, number>>;
	pace: (command: Record<string, unknown>) => Promise<void>;
	owner: Account;
}

async function workshopOnStaffPages(
	page: Page,
	factory: RequestFactory,
	origin: string
): Promise<Workshop> {
	const owner = await signUpByRequest(
		await requestAs(factory, origin),
		origin,
		newAccountDetails('room-owner')
	);
	const asOwner = await requestAs(factory, origin, { session: owner.sessionToken });
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, `Room ${unique}`);
	for (const name of VALUES) {
		const made = await postForm(asOwner, origin, `/o/${owner.orgId}/t/${teamId}/map?/createValue`, {
			name,
			lens_current: 'on',
			lens_strategic: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
	}

	// The facilitator's page for new workshops (issue 3), in the owner's browser.
	await signInContext(page.context(), origin, owner);
	await page.goto(`/o/${owner.orgId}/t/${teamId}/workshops`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('input[name="title"]').fill(`Kick-off ${unique}`);
	await create.locator('input[name="template"][value="full_alignment"]').check();
	await create.locator('button[type="submit"]').click();
	await expect(page).toHaveURL(new RegExp(`/workshops/([a-z0-9]+)$`));
	const id = /\/workshops\/([a-z0-9]+)$/.exec(page.url())![1];

	const client = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const { rows } = await client.execute({
		sql: 'select w.join_code, a.kind, a.position from workshops w join activities a on a.workshop_id = w.id where w.id = ? order by a.position',
		args: [id]
	});
	client.close();
	const index: Workshop['index'] = {};
	for (const row of rows) index[row.kind as ActivityKind] ??= Number(row.position);

	const pace = async (command: Record<string, unknown>) => {
		const answer = await postJson(asOwner, origin, `/live/${id}/pace`, command);
		expectStatus(answer, 200, `the pace command ${JSON.stringify(command)}`);
	};
	return { id, joinCode: String(rows[0].join_code), index, pace, owner };
}

test('participants take part from their phones, with and without JavaScript', async ({
	page,
	newContext,
	playwright,
	baseURL,
	expectAccessible
}) => {
	test.slow();
	const origin = baseURL!;
	const w = await workshopOnStaffPages(page, playwright.request, origin);
	const code = w.joinCode;

	// Ann types the code on the start page, the way people do: lower case, with a dash.
	const ann = new RoomPage(await (await newContext(PHONE)).newPage());
	await ann.page.goto('/');
	await ann.page.getByLabel(t('room_join_code')).fill('QQQQQQ');
	await ann.page.getByRole('button', { name: t('room_join_submit'), exact: true }).click();
	await expect(ann.page.getByText(t('room_problem_unknown_code'))).toBeVisible();
	await expect(ann.page.getByLabel(t('room_join_code'))).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(ann.page);
	await ann.join(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`, 'Ann');
	await expect(ann.heading()).toHaveText(t('room_waiting_title'));
	await expect(ann.live()).toBeVisible();

	// Bea scans the QR code: the code is filled in.
	const bea = new RoomPage(await (await newContext(PHONE)).newPage());
	await bea.page.goto(`/join/${code}`);
	await expect(bea.page.getByLabel(t('room_join_code'))).toHaveValue(code);
	await bea.join(null);
	await expect(bea.heading()).toHaveText(t('room_waiting_title'));

	// Carl's phone runs no JavaScript, and reads Dutch: he switches the English workshop's pages
	// to Dutch, and his choice holds.
	const carl = new RoomPage(
		await (await newContext({ ...PHONE, javaScriptEnabled: false, locale: 'nl-NL' })).newPage(),
		'nl'
	);
	await carl.page.goto(`/join/${code}`);
	await expect(carl.page.locator('html')).toHaveAttribute('lang', 'en');
	await carl.page
		.getByRole('banner')
		.getByRole('button', { name: t('lang_nl') })
		.click();
	await expect(carl.page.locator('html')).toHaveAttribute('lang', 'nl');
	await carl.join(null, 'Carl');
	await expect(carl.heading()).toHaveText(t('room_waiting_title', {}, 'nl'));
	await expect(ann.page.getByText(t('room_joined_count', { count: 3 }))).toBeVisible();

	// The workshop starts; Ann's page follows without a reload.
	await w.pace({ type: 'start' });
	await w.pace({ type: 'goto', index: w.index.collect });
	await expect(ann.cardText()).toBeEnabled();
	const card = '<i>Ownership</i> & care';
	await ann.cardText().fill(card);
	await expect(
		ann.page.getByText(t('room_card_remaining', { count: 280 - card.length }))
	).toBeVisible();
	await ann.button('room_card_add').click();
	await expect(ann.ownCards()).toHaveCount(1);
	await expect(ann.ownCards()).toContainText(card);
	await expect(ann.cardText()).toHaveValue('');
	await carl.page.reload();
	await carl.cardText().fill('Eigenaarschap');
	await carl.button('room_card_add').click();
	await expect(carl.page).toHaveURL(/done=card/);
	await expect(carl.page.getByText(t('room_card_added', {}, 'nl'))).toBeVisible();
	await expect(carl.ownCards()).toHaveCount(1);

	// Ratings: each tap is stored; a reload keeps them.
	await w.pace({ type: 'goto', index: w.index.rate });
	const question = (lens: 'assumed' | 'current', value: string) =>
		t(lens === 'current' ? 'room_rate_q_current' : 'room_rate_q_assumed', { value });
	const annFirst = ann.ratingOf(question('current', 'Ownership'));
	// While a tap is being saved nothing below it moves, so the next tap lands where it aims.
	const next = ann.ratingOf(question('assumed', 'Candour'));
	const top = () => next.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
	const before = await top();
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await ann.page.route('**/live/*/answers', async (route) => {
		await held;
		await route.continue();
	});
	await ann.score(annFirst, 4).check({ force: true });
	await expect(annFirst.getByText(t('room_saving'))).toBeVisible();
	expect(await top()).toBe(before);
	release();
	await expect(annFirst.getByText(t('room_saving'))).toBeHidden();
	expect(await top()).toBe(before);
	await ann.page.unroute('**/live/*/answers');
	await expect(ann.page.getByText(t('room_rate_progress', { done: 1, total: 6 }))).toBeVisible();
	await ann.score(ann.ratingOf(question('assumed', 'Candour')), 2).check({ force: true });
	await expect(ann.page.getByText(t('room_rate_progress', { done: 2, total: 6 }))).toBeVisible();
	// The count follows the taps at once; the reload waits for the save, which it would cut off.
	await expect(ann.page.getByText(t('common_saved'))).toBeAttached();
	await ann.page.reload();
	await expect(ann.score(annFirst, 4)).toBeChecked();
	await expect(ann.page.getByText(t('room_rate_progress', { done: 2, total: 6 }))).toBeVisible();
	// The server's page shows both already; a tap there is sent once the page runs.
	await ann.score(annFirst, 5).check({ force: true });
	await expect(ann.page.getByText(t('common_saved'))).toBeAttached();

	await bea.score(bea.ratingOf(question('current', 'Ownership')), 3).check({ force: true });
	await expect(bea.page.getByText(t('room_rate_progress', { done: 1, total: 6 }))).toBeVisible();

	await carl.page.reload();
	const carlQuestion = t('room_rate_q_current', { value: 'Ownership' }, 'nl');
	await carl.score(carl.ratingOf(carlQuestion), 1).check({ force: true });
	await carl.button('room_rate_save').click();
	await expect(carl.page).toHaveURL(/done=saved/);
	await expect(carl.score(carl.ratingOf(carlQuestion), 1)).toBeChecked();
	await expect(ann.page.getByText(t('room_answered_count', { count: 3 }))).toBeVisible();

	// Revealed: three answers are below the organisation's minimum group size (5).
	await expect(ann.page.getByText(t('room_results_hidden'))).toBeVisible();
	await w.pace({ type: 'reveal' });
	await expect(ann.results()).toContainText(t('room_results_withheld', { count: 3 }));
	await expect(ann.page.locator('canvas')).toHaveCount(0);

	// Dots: the counter follows the steppers; over budget is refused, nothing stored.
	await w.pace({ type: 'goto', index: w.index.dot_vote });
	await expect(ann.spendInput('Ownership')).toBeVisible();
	await ann.page.getByRole('button', { name: t('room_more', { name: 'Ownership' }) }).click();
	await ann.page.getByRole('button', { name: t('room_more', { name: 'Ownership' }) }).click();
	await expect(ann.page.getByText(t('room_dots_left', { count: 1 }))).toBeVisible();
	await ann.spendInput('Candour').fill('2');
	await expect(ann.page.getByText(t('room_dots_over', { count: 1 }))).toBeVisible();
	await ann.button('room_dots_save').click();
	await expect(ann.page.getByText(t('room_problem_over_budget', { limit: 3 }))).toBeVisible();
	await expect(ann.page.getByText(t('room_answered_count', { count: 0 }))).toBeVisible();
	await ann.spendInput('Candour').fill('1');
	await ann.button('room_dots_save').click();
	await expect(ann.page.getByText(t('common_saved'))).toBeVisible();
	await expect(ann.page.getByText(t('room_answered_count', { count: 1 }))).toBeVisible();

	// Without JavaScript the same refusal comes back from the server, the numbers kept.
	await carl.page.reload();
	await carl.spendInput('Curiosity').fill('4');
	await carl.button('room_dots_save').click();
	await expect(carl.page.getByRole('alert')).toHaveText(
		t('room_problem_out_of_range', { limit: 3 }, 'nl')
	);
	await expect(carl.spendInput('Curiosity')).toHaveValue('4');
	await expectAccessible(carl.page);
	await carl.spendInput('Curiosity').fill('3');
	await carl.button('room_dots_save').click();
	await expect(carl.page).toHaveURL(/done=saved/);

	// Outsider voice: Bea posts, Ann sees it arrive and supports it, once.
	await w.pace({ type: 'goto', index: w.index.outsider });
	await bea.cardText().fill('Decisions are made in the corridor.');
	await bea.button('room_post_add').click();
	await expect(bea.board()).toContainText(t('room_own_post'));
	const post = ann.board().getByRole('listitem').filter({ hasText: 'made in the corridor' });
	await expect(post).toContainText(t('room_upvote_count', { count: 0 }));
	await post
		.getByRole('button', {
			name: t('room_upvote_label', { text: 'Decisions are made in the corridor.' })
		})
		.click();
	await expect(post).toContainText(t('room_upvote_count', { count: 1 }));
	await expect(post).toContainText(t('room_upvoted'));
	await expect(post.getByRole('button')).toHaveCount(0);

	// Commit: participants wait; the owner, joined on their own phone, writes a commitment.
	await w.pace({ type: 'goto', index: w.index.commit });
	await expect(ann.page.getByText(t('room_commit_waiting'))).toBeVisible();
	const leaderContext = await newContext(PHONE);
	await signInContext(leaderContext, origin, w.owner);
	const leader = new RoomPage(await leaderContext.newPage());
	await leader.page.goto(`/join/${code}`);
	await leader.join(null);
	await leader.button('room_commit_submit').click();
	await expect(leader.page.getByText(t('room_problem_action_required'))).toBeVisible();
	await leader.page
		.getByLabel(t('room_commit_value'), { exact: true })
		.selectOption({ label: 'Candour' });
	await leader.page
		.getByLabel(t('room_commit_action'))
		.fill('Name my own mistake first in every retro.');
	await leader.page.getByLabel(t('room_commit_signal')).fill('Retro notes start with my mistakes.');
	const due = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	await leader.page.getByLabel(t('room_commit_due')).fill(due);
	await leader.button('room_commit_submit').click();
	await expect(leader.page.getByText(t('room_commit_done'))).toBeVisible();
	await expect(leader.page.getByRole('region', { name: t('room_commit_mine') })).toContainText(
		'Name my own mistake first in every retro.'
	);

	// Carl withdraws: everything he gave goes, and his phone is out.
	await carl.withdraw();
	await expect(carl.page).toHaveURL(/\/join\?done=withdrawn$/);
	await expect(carl.page.getByText(t('room_withdrawn', {}, 'nl'))).toBeVisible();
	await carl.page.goto(`/w/${w.id}`);
	// Sent to join without the code: the workshop's id must not give it away.
	await expect(carl.page).toHaveURL(/\/join\?reason=join$/);

	// Once the workshop has ended, the code lets nobody in.
	await w.pace({ type: 'end' });
	await expect(ann.heading()).toHaveText(t('room_ended_title'));
	await carl.join(code);
	await expect(carl.page.getByText(t('room_problem_workshop_ended', {}, 'nl'))).toBeVisible();
});
